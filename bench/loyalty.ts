/**
 * `node scripts/run-ts.mjs bench/loyalty.ts`: the Loyalty screen and the who-to-contact worklist on
 * 200,000 clients and 1,000,000 tourists (issue 15's budgets: figures < 1 s, worklist < 300 ms),
 * each beside the raw SQLite reads of the same rows on the same file.
 * BENCH_LOYALTY_DB keeps the seeded base (default /tmp/tourdesk-loyalty-bench.sqlite: seeding takes
 * minutes); BENCH_CLIENTS and BENCH_TOURISTS size a new one.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../electron/backend';
import { today as todayOf } from '../shared/domain/clock';
import { addMonths } from '../shared/loyalty';
import { seedLoyaltyBase } from './loyalty-seed';
import { time } from './report';
import { printRatio } from './scale';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);
const TOURISTS = Number(process.env.BENCH_TOURISTS ?? 1_000_000);
const DB = process.env.BENCH_LOYALTY_DB ?? '/tmp/tourdesk-loyalty-bench.sqlite';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function best(run: () => Promise<unknown> | unknown): Promise<number> {
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) timings.push((await time(run)).ms);
  return Math.min(...timings);
}

async function call(backend: Backend, command: string, input: object): Promise<unknown> {
  const answer = await backend.dispatch(command as 'loyalty.overview', input as never);
  if (!answer.ok) throw new Error(`${command} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

async function main(): Promise<void> {
  const day = todayOf();
  if (!existsSync(DB)) await seedLoyaltyBase(DB, CLIENTS, TOURISTS, day);
  else console.log(`(reusing ${DB})`);
  const raw = new Database(DB, { readonly: true });
  const counts = raw
    .prepare(
      'SELECT (SELECT count(*) FROM clients) AS clients, (SELECT count(*) FROM tourists) AS tourists, (SELECT count(*) FROM tours) AS tours',
    )
    .get() as { clients: number; tourists: number; tours: number };
  console.log(
    `\nLoyalty: ${counts.clients.toLocaleString('en')} clients, ${counts.tours.toLocaleString('en')} tours, ${counts.tourists.toLocaleString('en')} tourists\n`,
  );
  const backend = await createBackend({
    dbPath: DB,
    backupEveryMinutes: null,
    logger: { error: console.error },
  });
  try {
    // The raw limit of the figures: one pass over the rows they are made of, nothing computed.
    const rawTours = raw.prepare(
      `SELECT id, arrival_date, departure_date, created_at, country, hotel, price_minor, cost_minor, payer_client_id
       FROM tours WHERE status IN ('booked', 'confirmed', 'completed') AND currency = 'RUB'`,
    );
    const rawTourists = raw.prepare(
      'SELECT tour_id, client_id FROM tourists WHERE client_id IS NOT NULL ORDER BY tour_id, position',
    );
    const rawFeedback = raw.prepare('SELECT client_id, kind, score, received_on, resolved_on FROM feedback');
    const rawFigures = () => (rawTours.all(), rawTourists.all(), rawFeedback.all());
    const first = await time(() => call(backend, 'loyalty.overview', {}));
    printRatio('loyalty figures, first open', first.ms, await best(rawFigures), 1000);
    printRatio(
      'loyalty figures, again (same params)',
      await best(() => call(backend, 'loyalty.overview', {})),
      await best(rawFigures),
      1000,
    );
    printRatio(
      'loyalty figures, another period (asOf a year ago)',
      await best(() => call(backend, 'loyalty.overview', { params: { asOf: addMonths(day, -12) } })),
      await best(rawFigures),
      1000,
    );
    printRatio(
      'matrix cell A×X: its clients (first 200)',
      await best(() =>
        call(backend, 'loyalty.clients', { params: {}, filter: { abc: 'A', xyz: 'X' }, limit: 200 }),
      ),
      await best(rawFigures),
      1000,
    );

    // The raw limit of the worklist: its candidate reads (birthdays in a week, booked trips,
    // passports near expiry, open complaints) without deciding anything.
    const md = Array.from({ length: 8 }, (_, i) => {
      const d = new Date(Date.parse(`${day}T00:00:00Z`) + i * 86_400_000).toISOString();
      return `birth_date LIKE '%${d.slice(4, 10)}'`;
    }).join(' OR ');
    const rawCandidates = [
      raw.prepare(`SELECT id FROM clients WHERE deleted_at IS NULL AND (${md})`),
      raw.prepare(
        `SELECT tourists.client_id FROM tours JOIN tourists ON tourists.tour_id = tours.id
         WHERE tours.arrival_date > ? AND tours.status IN ('booked', 'confirmed', 'completed')`,
      ),
      raw.prepare(`SELECT client_id FROM feedback WHERE kind = 'complaint' AND status <> 'resolved'`),
    ];
    const rawWorklist = () => {
      rawCandidates[0]?.all();
      rawCandidates[1]?.all(day);
      rawCandidates[2]?.all();
    };
    for (const horizon of ['week', 'today'] as const) {
      const items = (await call(backend, 'worklist.list', { horizon })) as unknown[];
      printRatio(
        `worklist, ${horizon} (${items.length} items)`,
        await best(() => call(backend, 'worklist.list', { horizon })),
        await best(rawWorklist),
        300,
      );
    }
  } finally {
    raw.close();
    await backend.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
