/**
 * `node scripts/run-ts.mjs bench/loyalty.ts`: the Loyalty screen and the who-to-contact worklist on
 * 200,000 clients and 1,000,000 tourists (issue 15's budgets: figures < 1 s, worklist < 300 ms),
 * each beside the raw SQLite reads of the same rows on the same file (printed: the figure, the raw
 * limit, their ratio and the budget).
 * BENCH_LOYALTY_DB keeps the seeded base (default /tmp/tourdesk-loyalty-bench.sqlite: seeding takes
 * minutes); BENCH_CLIENTS and BENCH_TOURISTS size a new one; BENCH_RUNS runs of each (the best is
 * printed); BENCH_LOYALTY_ONLY=figures or =worklist measures one half.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../electron/backend';
import { today as todayOf } from '../shared/domain/clock';
import { loyaltyDb } from '../electron/backend/repositories/loyalty-schema';
import { reasonCandidates } from '../electron/backend/repositories/worklist-candidates';
import { WorklistReader } from '../electron/backend/repositories/worklist-reader';
import { addDays, addMonths, worklistQuerySchema } from '../shared/loyalty';
import { seedLoyaltyBase } from './loyalty-seed';
import { time } from './report';
import { printRatio } from './scale';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);
const TOURISTS = Number(process.env.BENCH_TOURISTS ?? 1_000_000);
const DB = process.env.BENCH_LOYALTY_DB ?? '/tmp/tourdesk-loyalty-bench.sqlite';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY = process.env.BENCH_LOYALTY_ONLY ?? '';

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

/** Asks as the Loyalty screen does while the facts are built in the background: again until ready. */
async function whenBuilt(backend: Backend, command: string, input: object): Promise<unknown> {
  let reported = '';
  for (;;) {
    const answer = await backend.dispatch(command as 'loyalty.overview', input as never);
    if (answer.ok) return answer.value;
    if (!answer.error.reason?.startsWith('loyaltyBuilding'))
      throw new Error(`${command} failed: ${JSON.stringify(answer.error)}`);
    const progress = `${answer.error.reason} ${JSON.stringify(answer.error.params)}`;
    if (progress.slice(0, 28) !== reported.slice(0, 28)) console.log(`  (building: ${progress})`);
    reported = progress;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The figures beside their raw limit: the kept per-client rows and the feedback read by the base
 * with nothing decided (raw arrays, no objects), then the old limit (one GROUP BY over client_trips)
 * for comparison, then after a write, when the written tour's trips and clients are recomputed first.
 */
async function benchFigures(backend: Backend, raw: Database.Database, day: string): Promise<number> {
  const rawGroup = raw.prepare(
    `SELECT client_id, count(*), sum(revenue_minor), sum(revenue_minor - cost_minor), min(start_date), max(start_date)
     FROM client_trips WHERE currency = 'RUB' GROUP BY client_id`,
  );
  const rawKept = raw.prepare(
    "SELECT * FROM loyalty_client_figures WHERE currency = 'RUB' ORDER BY client_id",
  );
  const rawFeedback = raw.prepare(
    'SELECT tour_id, count(*), sum(score >= 9), sum(score <= 6) FROM feedback WHERE score IS NOT NULL GROUP BY tour_id',
  );
  const first = (await time(() => whenBuilt(backend, 'loyalty.overview', {}))).ms;
  const rawMs = await best(() => (rawKept.raw().all(), rawFeedback.raw().all()));
  const groupMs = await best(() => rawGroup.raw().all());
  printRatio('(raw GROUP BY over client_trips, the old limit)', groupMs, rawMs);
  printRatio('loyalty figures, first open (builds when needed)', first, rawMs, 1000);
  printRatio(
    'loyalty figures, open again',
    await best(() => call(backend, 'loyalty.overview', {})),
    rawMs,
    1000,
  );
  printRatio(
    'loyalty figures, another period (a year ago)',
    await best(() => call(backend, 'loyalty.overview', { params: { asOf: addMonths(day, -12) } })),
    rawMs,
    1000,
  );
  const write = new Database(raw.name);
  const tourId = (write.prepare('SELECT max(id) AS id FROM tours').get() as { id: number }).id;
  const touch = write.prepare('UPDATE tours SET price_minor = price_minor + 100 WHERE id = ?');
  printRatio(
    "loyalty figures after a tour's price changed",
    await best(() => (touch.run(tourId), call(backend, 'loyalty.overview', {}))),
    rawMs,
    1000,
  );
  // Counted, never reused: the price change moved the version the earlier count was kept under.
  printRatio(
    "loyalty figures a year ago after a tour's price changed",
    await best(
      () => (touch.run(tourId), call(backend, 'loyalty.overview', { params: { asOf: addMonths(day, -12) } })),
    ),
    rawMs,
    1000,
  );
  // The day's figures counted for the last version, so the next run's first open is a restart with
  // nothing changed (a restart after a change is a count, the figures above).
  await call(backend, 'loyalty.overview', {});
  write.close();
  printRatio(
    'matrix cell A×X: its clients (first 200)',
    await best(() =>
      call(backend, 'loyalty.clients', { params: {}, filter: { abc: 'A', xyz: 'X' }, limit: 200 }),
    ),
    rawMs,
    1000,
  );
  return rawMs;
}

/**
 * The first open after a restart that follows a change made while the screen was not open (a price
 * changed on the tour card, then the app closed): a fresh backend finds the tour stale, recomputes it
 * and counts, with nothing kept for the new version and cold caches. Run with no other backend open;
 * it leaves the day's figures counted, so the next run's first open is again a restart with nothing
 * changed.
 */
async function benchRestartAfterChange(rawMs: number): Promise<void> {
  const write = new Database(DB);
  write
    .prepare('UPDATE tours SET price_minor = price_minor + 100 WHERE id = (SELECT max(id) FROM tours)')
    .run();
  write.close();
  const backend = await createBackend({
    dbPath: DB,
    backupEveryMinutes: null,
    logger: { error: console.error },
  });
  try {
    const firstOpen = (await time(() => whenBuilt(backend, 'loyalty.overview', {}))).ms;
    printRatio('loyalty figures, first open after a restart that follows a change', firstOpen, rawMs, 1000);
  } finally {
    await backend.close();
  }
}

/**
 * The worklist beside its raw limit: the rows its page is made of (on this base the open complaints
 * fill it: their clients' rows and complaints, by id in chunks as the app reads them), read by the
 * base with nothing decided. The earlier limit (every indexed candidate read: birthdays this week,
 * travellers of booked trips, open complaints) is printed beside it, and once each the wide reasons'
 * candidate reads that the worklist makes only when the earlier reasons leave the page short.
 */
async function benchWorklist(backend: Backend, raw: Database.Database, day: string): Promise<void> {
  const monthDays = (days: number, column: string) =>
    Array.from({ length: days }, (_, i) => `${column} LIKE '%${addDays(day, i).slice(4)}'`).join(' OR ');
  const birthdays = raw.prepare(
    `SELECT id FROM clients WHERE deleted_at IS NULL AND (${monthDays(8, 'birth_date')})`,
  );
  const booked = raw.prepare(
    `SELECT tourists.client_id FROM tours JOIN tourists ON tourists.tour_id = tours.id
     WHERE tours.arrival_date > ? AND tours.status IN ('booked', 'confirmed', 'completed')`,
  );
  const complaints = raw.prepare(
    `SELECT client_id FROM feedback WHERE kind = 'complaint' AND status <> 'resolved'`,
  );
  const pageRows = () => {
    const ids = [...new Set((complaints.raw().all() as [number][]).map((r) => r[0]))];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const marks = chunk.map(() => '?').join(', ');
      raw
        .prepare(
          `SELECT id, last_name_ru, first_name_ru, phone, birth_date, passport_expiry FROM clients
           WHERE id IN (${marks}) AND deleted_at IS NULL`,
        )
        .raw()
        .all(...chunk);
      raw
        .prepare(
          `SELECT id, client_id, received_on, score FROM feedback WHERE client_id IN (${marks})
           AND kind = 'complaint' AND status <> 'resolved' ORDER BY received_on`,
        )
        .raw()
        .all(...chunk);
    }
  };
  const rawMs = await best(pageRows);
  const candidatesMs = await best(() => (birthdays.all(), booked.all(day), complaints.all()));
  printRatio('(raw: every indexed candidate read, the earlier limit)', candidatesMs, rawMs);
  for (const horizon of ['week', 'today'] as const) {
    const items = (await call(backend, 'worklist.list', { horizon })) as unknown[];
    printRatio(
      `worklist, ${horizon} (${items.length} items shown)`,
      await best(() => call(backend, 'worklist.list', { horizon })),
      rawMs,
      300,
    );
  }
  const dormant = raw.prepare(
    `SELECT tourists.client_id FROM tourists JOIN tours ON tours.id = tourists.tour_id
     WHERE tourists.client_id IS NOT NULL AND tours.status IN ('booked', 'confirmed', 'completed')
     GROUP BY tourists.client_id HAVING count(*) >= 3 AND max(tours.arrival_date) <= ?`,
  );
  const anniversary = raw.prepare(
    `SELECT tourists.client_id FROM tours JOIN tourists ON tourists.tour_id = tours.id
     WHERE tours.status IN ('booked', 'confirmed', 'completed') AND tours.arrival_date < ?
     AND (${monthDays(8, 'tours.arrival_date')}) AND tourists.client_id IS NOT NULL`,
  );
  // The wide reasons are not reached through worklist.list on this base (its 2,012 open complaints
  // fill the page), so each is run here as the list runs it once reached: the reason's candidate
  // query, then its page of 500 read as worklist-reader.ts reads it (candidates in date order, a
  // chunk at a time, their trips), beside the raw candidate read of the GROUP BY it replaced.
  const db = loyaltyDb(backend.db);
  const query = worklistQuerySchema.parse({});
  const sources = reasonCandidates(db, day, 7, query, new Map());
  for (const [label, reason, read] of [
    ['no trip lately', 'noTripLately', () => dormant.raw().all(addMonths(day, -12))],
    ['trip anniversary (week)', 'tripAnniversary', () => anniversary.raw().all(`${day.slice(0, 4)}-01-01`)],
  ] as const) {
    let rows = 0;
    const rawMs = (await time(() => (rows = read().length))).ms;
    let found = 0;
    const candidatesMs = (await time(async () => (found = (await sources[reason]()).length))).ms;
    printRatio(
      `worklist reason reached: ${label}, its candidates (${found.toLocaleString('en')}; raw ${rows.toLocaleString('en')})`,
      candidatesMs,
      rawMs,
      300,
    );
    let shown = 0;
    const pageMs = (
      await time(async () => (shown = (await new WorklistReader(db, day, query).items(reason, 500)).length))
    ).ms;
    printRatio(`worklist reason reached: ${label}, its page (${shown} items)`, pageMs, rawMs, 300);
  }
}

async function main(): Promise<void> {
  const day = todayOf();
  if (!existsSync(DB)) await seedLoyaltyBase(DB, CLIENTS, TOURISTS, day);
  else console.log(`(reusing ${DB})`);
  const raw = new Database(DB, { readonly: true });
  const stale = (raw.prepare('SELECT count(*) AS n FROM loyalty_stale_tours').get() as { n: number }).n;
  if (stale > 0) console.log(`(${stale.toLocaleString('en')} tours' trips to compute on the first open)`);
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
  let rawMs: number | null = null;
  try {
    if (ONLY !== 'worklist') rawMs = await benchFigures(backend, raw, day);
    if (ONLY !== 'figures') await benchWorklist(backend, raw, day);
  } finally {
    raw.close();
    await backend.close();
  }
  if (rawMs !== null) await benchRestartAfterChange(rawMs);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
