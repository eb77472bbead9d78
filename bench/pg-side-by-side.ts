import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../electron/backend';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { generateTours } from '../electron/backend/demo/generate-tours';
import type { CommandInput, CommandName } from '../shared/api/contract';
import { createTemplateDatabase, startPgServer, TEMPLATE_DATABASE } from '../tests/helpers/pg-server';

/**
 * Issue 14 figures: the same work on a SQLite file and on a PostgreSQL server, side by side in one
 * run: surname search p95, a list page, a tourist lookup, a 5,000-row import commit, and the ratio.
 * `node scripts/run-ts.mjs bench/pg-side-by-side.ts [--count 200000]`.
 */
const at = process.argv.indexOf('--count');
const count = at >= 0 ? Number(process.argv[at + 1]) : 200_000;
const PREFIXES = ['ив', 'пет', 'смир', 'kuz', 'соко', 'вол', 'мор', 'nov', 'фед', 'лебед', 'коз', 'orl'];

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.95)] ?? NaN;

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

async function measure(backend: Backend): Promise<Record<string, number>> {
  for (let start = 0; start < count; start += 10_000) {
    await backend.clients.insertMany(generateClients(Math.min(10_000, count - start), 1000 + start));
  }
  const tour = await backend.tours.save(generateTours(1, 3)[0]!);
  const search: number[] = [];
  const page: number[] = [];
  const lookup: number[] = [];
  for (let i = 0; i < 120; i++) {
    search.push(await timed(backend, 'clients.list', { search: PREFIXES[i % PREFIXES.length]!, limit: 50 }));
    page.push(await timed(backend, 'clients.list', { sort: 'name', offset: (i * 997) % 5000, limit: 100 }));
    lookup.push(
      await timed(backend, 'clients.lookup', {
        lastName: ['Иванова', 'Петров', 'Смирнов'][i % 3]!,
        firstName: 'А',
      }),
    );
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
  const commit = await timed(backend, 'import.commit', { tourId: tour.id, serviceIds: [], rows });
  return {
    'surname search p95': p95(search.slice(20)),
    'list page p95': p95(page.slice(20)),
    'tourist lookup p95': p95(lookup.slice(20)),
    '5,000-row import commit': commit,
  };
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
    const file = await measure(sqlite);
    await sqlite.close();
    await createTemplateDatabase(server);
    const url = await server.createDatabase('bench', TEMPLATE_DATABASE);
    const pgBackend = await createBackend({
      dbPath: join(dir, 'unused.sqlite'),
      postgres: { connectionString: url },
      clerk: 'bench',
      backupEveryMinutes: null,
    });
    const onServer = await measure(pgBackend);
    await pgBackend.close();
    console.log(`${count} clients; ms (SQLite | PostgreSQL | ratio)`);
    for (const [name, ms] of Object.entries(file)) {
      const other = onServer[name] ?? NaN;
      console.log(
        `  ${name.padEnd(26)} ${ms.toFixed(1).padStart(9)} | ${other.toFixed(1).padStart(9)} | ${(other / ms).toFixed(2)}x`,
      );
    }
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
