/**
 * `npm run bench`: builds a 200,000-client database and prints the figures the architecture's
 * budgets speak of. Needs `npm run build` first for the UI figure (it serves out/renderer).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../electron/backend';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { SURNAMES } from '../electron/backend/demo/names';
import { toLatin } from '../shared/names';
import { benchNames } from './names';
import { benchImport } from './import';
import { measureUi } from './ui';
import { benchQuestionnaires } from './questionnaires';
import { benchEncryption } from './encryption';
import { benchConsulateForms } from './consulate-forms';
import { percentile, printRow, time } from './report';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const backend = await createBackend({ dbPath, logger: { error: (m) => console.error(m) } });
  console.log('Names\n');
  benchNames();
  console.log(`\nClients: ${CLIENTS.toLocaleString('en')} clients, ${dbPath}\n`);
  try {
    let clients: ReturnType<typeof generateClients> | null = null;
    const { ms: generateMs } = await time(async () => (clients = generateClients(CLIENTS, 42)));
    const { ms: insertMs } = await time(() => backend.clients.insertMany(clients ?? []));
    clients = null; // let the 200,000 objects go before anything is timed
    printRow('generate demo clients', generateMs, null);
    printRow(`insert ${CLIENTS.toLocaleString('en')} clients (one transaction)`, insertMs, null);

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
    await benchEncryption();
    console.log('\nConsulate forms\n');
    await benchConsulateForms();
    console.log('');
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
