import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createBackend, type Backend } from '../electron/backend';
import { refreshStatistics } from '../electron/backend/db/dialect';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { generateTours } from '../electron/backend/demo/generate-tours';
import type { CommandInput, CommandName } from '../shared/api/contract';
import {
  createTemplateDatabase,
  startPgServer,
  TEMPLATE_DATABASE,
  type PgServer,
} from '../tests/helpers/pg-server';

/**
 * Issue 14 figures: the same work on a SQLite file and on a PostgreSQL server, side by side in one
 * run: surname search p95, a list page, a tourist lookup, a 5,000-row import commit, each with its
 * ratio and the goal (the server within 3x of the file; search p95 under 10 ms).
 * `node scripts/run-ts.mjs bench/pg-side-by-side.ts [--count 200000] [--explain]`
 * --explain prints the server's EXPLAIN (ANALYZE, BUFFERS) of every statement one search, one list
 * page and one lookup send (auto_explain on the bench database), after the figures.
 */
const at = process.argv.indexOf('--count');
const count = at >= 0 ? Number(process.argv[at + 1]) : 200_000;
const explain = process.argv.includes('--explain');
const PREFIXES = ['ив', 'пет', 'смир', 'kuz', 'соко', 'вол', 'мор', 'nov', 'фед', 'лебед', 'коз', 'orl'];
const ROUNDS = 120;
const WARM_UP = 20;

const quantile = (ms: number[], q: number) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length * q)] ?? NaN;

async function timed<K extends CommandName>(
  backend: Backend,
  name: K,
  input: CommandInput<K>,
): Promise<number> {
  const started = performance.now();
  const envelope = await backend.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return performance.now() - started;
}

/** The commands measured, as the app sends them. */
const search = (i: number) => ({ search: PREFIXES[i % PREFIXES.length] ?? '', limit: 50 });
// A first page of a list is counted; the pages scrolled to after it are not (useClientPages asks
// for the total once per query), so both are measured.
const listPage = (i: number, counted: boolean) => ({
  sort: 'name' as const,
  offset: (i * 997) % 5000,
  limit: 100,
  count: counted,
});
const lookup = (i: number) => ({ lastName: ['Иванова', 'Петров', 'Смирнов'][i % 3] ?? '', firstName: 'А' });

async function seed(backend: Backend): Promise<number> {
  // insertMany refreshes the statistics after each batch (on a server VACUUM ANALYZE), as the app does.
  for (let start = 0; start < count; start += 10_000) {
    await backend.clients.insertMany(generateClients(Math.min(10_000, count - start), 1000 + start));
  }
  const tourId = (await backend.tours.save(generateTours(1, 3)[0]!)).id;
  // Once the seeding has settled, as an office server's autovacuum would (the app already
  // vacuums after each batch; this covers the tour and anything autovacuum was still doing).
  await refreshStatistics(backend.db, ['clients', 'documents', 'client_search_keys']);
  return tourId;
}

async function measure(backend: Backend, tourId: number): Promise<Record<string, number>> {
  const times: Record<string, number[]> = { search: [], page: [], scroll: [], lookup: [] };
  for (let i = 0; i < ROUNDS; i++) {
    times.search!.push(await timed(backend, 'clients.list', search(i)));
    times.page!.push(await timed(backend, 'clients.list', listPage(i, true)));
    times.scroll!.push(await timed(backend, 'clients.list', listPage(i, false)));
    times.lookup!.push(await timed(backend, 'clients.lookup', lookup(i)));
  }
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    draft: {
      lastNameLat: `BENCH${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
      firstNameLat: 'PAX',
      passportNumber: `75${String(i).padStart(7, '0')}`,
      citizenship: 'RUS',
    },
    action: 'create' as const,
    clientId: null,
  }));
  const commit = await timed(backend, 'import.commit', { tourId, serviceIds: [], rows });
  const after = (name: string, q = 0.95) => quantile(times[name]!.slice(WARM_UP), q);
  // The medians too: on a loaded machine they move less than the p95 figures the goal is set on.
  return {
    'surname search p95': after('search'),
    'list page p95 (counted)': after('page'),
    'list page p95 (scrolled)': after('scroll'),
    'tourist lookup p95': after('lookup'),
    '5,000-row import commit': commit,
    'surname search p50': after('search', 0.5),
    'list page p50 (counted)': after('page', 0.5),
    'list page p50 (scrolled)': after('scroll', 0.5),
    'tourist lookup p50': after('lookup', 0.5),
  };
}

/** The goal of a figure: the ratio, and for the search also the server's own p95. */
function verdict(name: string, file: number, server: number): string {
  const ratioMet = server / file <= 3;
  if (name !== 'surname search p95') return ratioMet ? 'met' : 'NOT met';
  return ratioMet && server < 10 ? 'met' : 'NOT met';
}

/** Every statement of one search, list page and lookup, with its plan, from the server's log. */
async function explainPlans(server: PgServer, url: string, dir: string): Promise<string> {
  const database = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  const settings = [
    "session_preload_libraries = 'auto_explain'",
    'auto_explain.log_min_duration = 0',
    'auto_explain.log_analyze = on',
    'auto_explain.log_buffers = on',
  ];
  try {
    for (const s of settings) await admin.query(`ALTER DATABASE "${database}" SET ${s}`);
  } finally {
    await admin.end();
  }
  const log = join(server.dataDir, 'server.log');
  const from = readFileSync(log, 'utf8').length;
  const backend = await createBackend({
    dbPath: join(dir, 'unused.sqlite'),
    postgres: { connectionString: url },
    clerk: 'bench',
    backupEveryMinutes: null,
  });
  try {
    await timed(backend, 'clients.list', search(1));
    await timed(backend, 'clients.list', listPage(1, true));
    await timed(backend, 'clients.lookup', lookup(0));
  } finally {
    await backend.close();
  }
  // Only the plans: the log's statement lines also carry their parameters.
  return readFileSync(log, 'utf8')
    .slice(from)
    .split(/\n(?=\S)/)
    .filter((entry) => entry.includes('plan:'))
    .filter((entry) => !/tourdesk_schema|pg_advisory|settings|clerks|LISTEN/.test(entry))
    .join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-pg-'));
  const server = await startPgServer();
  try {
    const sqlite = await createBackend({
      dbPath: join(dir, 'bench.sqlite'),
      clerk: 'bench',
      backupEveryMinutes: null,
    });
    const file = await measure(sqlite, await seed(sqlite));
    await sqlite.close();
    await createTemplateDatabase(server);
    const url = await server.createDatabase('bench', TEMPLATE_DATABASE);
    const pgBackend = await createBackend({
      dbPath: join(dir, 'unused.sqlite'),
      postgres: { connectionString: url },
      clerk: 'bench',
      backupEveryMinutes: null,
    });
    const onServer = await measure(pgBackend, await seed(pgBackend));
    await pgBackend.close();
    console.log(`${count} clients; ms: SQLite | PostgreSQL | ratio | goal (within 3x; search under 10 ms)`);
    for (const [name, ms] of Object.entries(file)) {
      const other = onServer[name] ?? NaN;
      console.log(
        `  ${name.padEnd(26)} ${ms.toFixed(1).padStart(9)} | ${other.toFixed(1).padStart(9)} | ${(other / ms).toFixed(2)}x | ${verdict(name, ms, other)}`,
      );
    }
    if (explain) console.log(`\nThe server's plans:\n${await explainPlans(server, url, dir)}`);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
