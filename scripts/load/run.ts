import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createBackend } from '../../electron/backend';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { generateTours } from '../../electron/backend/demo/generate-tours';
import { createTemplateDatabase, startPgServer, TEMPLATE_DATABASE } from '../../tests/helpers/pg-server';
import type { ClerkReport } from './clerk';

/**
 * `npm run test:load [-- --seconds 30 --clerks 5]` (issue 14): five clerk processes on one
 * PostgreSQL base at once — card saves, imports, lookups, questionnaire saves. Passes when no answer
 * was INTERNAL, conflicts came back as STALE_VERSION, and no acknowledged save was lost: no two saves
 * of a card produced the same version, and every card holds the note of its last acknowledged save.
 */
const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const seconds = option('seconds', 30);
const clerks = option('clerks', 5);

async function seed(url: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-load-seed-'));
  const backend = await createBackend({
    dbPath: join(dir, 'unused.sqlite'),
    postgres: { connectionString: url },
    clerk: 'seed',
    backupEveryMinutes: null,
  });
  // Few cards, so clerks meet on the same ones often: the conflicts are the point.
  await backend.clients.insertMany(generateClients(60, 5));
  for (const tour of generateTours(5, 5)) await backend.tours.save(tour);
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
}

function runClerk(url: string, n: number, out: string): Promise<number> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const child = spawn(
    process.execPath,
    [tsx, join(import.meta.dirname, 'clerk.ts'), url, String(n), String(seconds), out],
    {
      stdio: 'inherit',
    },
  );
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function main(): Promise<void> {
  const server = await startPgServer();
  const work = mkdtempSync(join(tmpdir(), 'tourdesk-load-'));
  try {
    await createTemplateDatabase(server);
    const url = await server.createDatabase('load', TEMPLATE_DATABASE);
    await seed(url);
    console.log(`${clerks} clerks for ${seconds} s on one PostgreSQL base…`);
    const outs = Array.from({ length: clerks }, (_, i) => join(work, `clerk-${i + 1}.json`));
    const codes = await Promise.all(outs.map((out, i) => runClerk(url, i + 1, out)));
    if (codes.some((c) => c !== 0)) throw new Error(`a clerk process failed: exit codes ${codes.join(', ')}`);
    const reports = outs.map((out) => JSON.parse(readFileSync(out, 'utf8')) as ClerkReport);

    const answers: Record<string, number> = {};
    for (const r of reports)
      for (const [k, v] of Object.entries(r.answers)) answers[k] = (answers[k] ?? 0) + v;
    const internal = reports.flatMap((r) => r.internal);
    const saves = reports.flatMap((r) => r.saves);
    const byVersion = new Map<string, number>();
    for (const s of saves)
      byVersion.set(`${s.id}@${s.version}`, (byVersion.get(`${s.id}@${s.version}`) ?? 0) + 1);
    const doubled = [...byVersion.entries()].filter(([, count]) => count > 1);
    const last = new Map<number, { version: number; note: string }>();
    for (const s of saves) if ((last.get(s.id)?.version ?? 0) < s.version) last.set(s.id, s);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query<{ id: number; version: number; notes: string }>(
      'SELECT id, version, notes FROM clients WHERE id = ANY($1::bigint[])',
      [[...last.keys()]],
    );
    await client.end();
    const lost = rows.rows.filter((r) => {
      const expected = last.get(Number(r.id));
      return !expected || r.notes !== expected.note || Number(r.version) !== expected.version;
    });

    console.log('answers:');
    for (const [k, v] of Object.entries(answers).sort()) console.log(`  ${k.padEnd(36)} ${v}`);
    const operations = reports.reduce((n, r) => n + r.operations, 0);
    const stale = answers['clients.save STALE_VERSION'] ?? 0;
    console.log(
      `operations ${operations} (${(operations / seconds).toFixed(0)}/s); acknowledged saves ${saves.length}; conflicts reported as STALE_VERSION ${stale}; ` +
        `lost updates ${lost.length + doubled.length}; INTERNAL ${internal.length}`,
    );
    for (const m of internal.slice(0, 10)) console.log(`  INTERNAL ${m}`);
    const otherErrors = Object.entries(answers).filter(([k]) => !/ (OK|STALE_VERSION|BUSY)$/.test(k));
    if (
      internal.length > 0 ||
      lost.length > 0 ||
      doubled.length > 0 ||
      stale === 0 ||
      otherErrors.length > 0
    ) {
      console.error(
        `LOAD TEST FAILED${otherErrors.length > 0 ? `: unexpected answers ${otherErrors.map(([k]) => k).join(', ')}` : ''}`,
      );
      process.exitCode = 1;
    } else {
      console.log('load test passed');
    }
  } finally {
    server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
