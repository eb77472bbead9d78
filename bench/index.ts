/**
 * `npm run bench`: builds a 200,000-client database and prints the figures the architecture's
 * budgets speak of. Needs `npm run build` first for the UI figure (it serves out/renderer).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../electron/backend';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { SURNAMES } from '../electron/backend/demo/names';
import { toLatin } from '../shared/names';
import { benchNames } from './names';
import { benchImport } from './import';
import { measureUi } from './ui';
import { benchQuestionnaires } from './questionnaires';
import { benchDuplicates } from './duplicates';
import { benchEncryption } from './encryption';
import { benchConsulateForms } from './consulate-forms';
import { percentile, printRow, time } from './report';
import { benchClientPaging, benchCommitBesideRaw } from './scale';
import { benchColdStart } from './cold-start';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);
const SEED_SLICE = 100_000;

/** BENCH_ONLY_SCALE=1: the scale figures alone (paging, search, cold start, renderer memory). */
const ONLY_SCALE = process.env.BENCH_ONLY_SCALE === '1';

/** BENCH_DB keeps the seeded base for the next run (a million clients take minutes to seed). */
const KEPT_DB = process.env.BENCH_DB ?? null;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-'));
  const dbPath = KEPT_DB ?? join(dir, 'bench.sqlite');
  const backend = await createBackend({
    dbPath,
    backupEveryMinutes: null,
    logger: { error: (m) => console.error(m) },
  });
  const seeded = await seededCount(backend);
  console.log('Names\n');
  benchNames();
  console.log(`\nClients: ${CLIENTS.toLocaleString('en')} clients, ${dbPath}\n`);
  try {
    if (seeded !== 0 && seeded !== CLIENTS)
      throw new Error(`${dbPath} holds ${seeded} clients, not ${CLIENTS}: use another BENCH_DB`);
    if (seeded === 0) await seed(backend);
    else console.log(`(reusing ${dbPath})`);
    console.log('\nScale: the clients list and search beside raw SQLite on the same file\n');
    await benchClientPaging(backend, dbPath, CLIENTS);
    await benchCommitBesideRaw(backend, dbPath);
    if (ONLY_SCALE) return;

    const list = (input: object) => backend.dispatch('clients.list', { limit: 100, ...input });
    const prefixes = SURNAMES.flatMap((s) => [s.slice(0, 1), s.slice(0, 3), s.slice(0, 5), s]);
    for (const [label, toQuery] of [
      ['Cyrillic', (p: string) => p],
      ['Latin', (p: string) => toLatin(p).toLowerCase()],
    ] as const) {
      const timings: number[] = [];
      for (let round = 0; round < 2; round++) {
        for (const prefix of prefixes) {
          const { ms, value } = await time(() => list({ search: toQuery(prefix) }));
          if (!value.ok) throw new Error(`search failed: ${JSON.stringify(value)}`);
          timings.push(ms);
        }
      }
      printRow(`surname-prefix search, ${label} (p50)`, percentile(timings, 50), null);
      printRow(
        `surname-prefix search, ${label} (p95, ${timings.length} queries)`,
        percentile(timings, 95),
        10,
      );
    }
    const lookups: number[] = [];
    const narrowed: number[] = [];
    for (const surname of SURNAMES) {
      lookups.push((await time(() => backend.dispatch('clients.lookup', { lastName: surname }))).ms);
      narrowed.push(
        (
          await time(() =>
            backend.dispatch('clients.lookup', {
              lastName: toLatin(surname),
              firstName: 'ANNA',
              birthDate: '1980-01-01',
            }),
          )
        ).ms,
      );
    }
    printRow(`tourist-form surname lookup, exact surname (p50)`, percentile(lookups, 50), null);
    printRow(
      `tourist-form surname lookup, exact surname (p95, ${lookups.length} surnames)`,
      percentile(lookups, 95),
      null,
    );
    printRow('surname lookup narrowed by first name + birth date (p95)', percentile(narrowed, 95), null);
    printRow('first page of the clients list (backend)', (await time(() => list({}))).ms, null);
    printRow(
      'page at row 150,000 of the list (backend)',
      (await time(() => list({ offset: 150_000 }))).ms,
      null,
    );

    const rendererDir = join(__dirname, '..', 'out', 'renderer');
    if (existsSync(join(rendererDir, 'index.html'))) {
      const ui = await measureUi(backend.dispatch, rendererDir);
      printRow('clients table, 200,000 rows: first paint in Chromium', ui.firstPaintMs, 1000);
      printRow('scroll to the middle: rows filled', ui.scrollFillMs, null);
      console.log(`  blank rows seen 250 ms after a jump to the middle: ${ui.blankRowsAfterScroll}`);
    } else {
      console.log('(run `npm run build` first to measure the UI)');
    }
    console.log('\nImport\n');
    await benchImport(backend);
    if (existsSync(join(rendererDir, 'index.html'))) {
      console.log('\nQuestionnaires\n');
      await benchQuestionnaires(rendererDir);
    }
    console.log('\nDuplicates (a base of its own)\n');
    await benchDuplicates();
    await benchEncryption();
    console.log('\nConsulate forms\n');
    await benchConsulateForms();
    console.log('');
  } finally {
    await backend.close();
    // From fresh processes, once this one has let go of the base.
    if (existsSync(join(__dirname, '..', 'out', 'main', 'web.js'))) await benchColdStart(dbPath, CLIENTS);
    rmSync(dir, { recursive: true, force: true }); // a BENCH_DB base is outside it and kept
  }
}

async function seededCount(backend: Backend): Promise<number> {
  const row = await backend.db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Seeds in slices of 100,000 so a million generated clients never sit in memory at once. */
async function seed(backend: Backend): Promise<void> {
  let generateMs = 0;
  let insertMs = 0;
  for (let done = 0; done < CLIENTS; done += SEED_SLICE) {
    const count = Math.min(SEED_SLICE, CLIENTS - done);
    const generated = await time(() => generateClients(count, 42 + done));
    generateMs += generated.ms;
    insertMs += (await time(() => backend.clients.insertMany(generated.value))).ms;
  }
  printRow('generate demo clients', generateMs, null);
  printRow(`insert ${CLIENTS.toLocaleString('en')} clients (one transaction per 100,000)`, insertMs, null);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
