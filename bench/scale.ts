import Database from 'better-sqlite3';
import type { Backend } from '../electron/backend';
import { SURNAMES } from '../electron/backend/demo/names';
import { prefixRangeEnd } from '../electron/backend/db/key-range';
import { nameKey } from '../shared/names';
import { emptyTourInput } from '../shared/domain/tour';
import { percentile, printRow, time } from './report';
import { sampleWalksSettled } from '../electron/backend/repositories/client-jump';
import { fileOnly } from '../electron/backend/db/open-store';
import { flushToDisk } from './disk';
import { join } from 'node:path';

/** One figure beside the raw-SQLite figure for the same work on the same file, and their ratio. */
export function printRatio(label: string, ms: number, rawMs: number, budgetMs: number | null = null): void {
  const fmt = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);
  const verdict = budgetMs === null ? '' : `  budget ${budgetMs} ms: ${ms <= budgetMs ? 'OK' : 'OVER'}`;
  console.log(
    `${label.padEnd(52)} ${fmt(ms).padStart(10)}  raw ${fmt(rawMs).padStart(9)}  ${(ms / rawMs).toFixed(1).padStart(5)}x${verdict}`,
  );
}

/**
 * The best of a few runs, for the app and the raw figure alike: on a shared, busy machine one run
 * is mostly the wait for a core, and the best run is the closest to the work itself.
 */
async function best(runs: number, run: () => Promise<unknown> | unknown): Promise<number> {
  const timings: number[] = [];
  for (let i = 0; i < runs * 2; i++) timings.push((await time(run)).ms);
  return Math.min(...timings);
}

interface Page {
  rows: { id: number }[];
  next: string | null;
  total: number | null;
}

async function listPage(backend: Backend, input: object): Promise<Page> {
  const answer = await backend.dispatch('clients.list', { limit: 100, count: false, ...input });
  if (!answer.ok) throw new Error(`clients.list failed: ${JSON.stringify(answer.error)}`);
  return answer.value as Page;
}

/**
 * The clients list and the surname search at any depth, through the app's dispatch and through one
 * prepared statement on a second connection to the same file (the raw limit).
 */
export async function benchClientPaging(backend: Backend, dbPath: string, clients: number): Promise<void> {
  const raw = new Database(dbPath, { readonly: true });
  try {
    const rawPage = raw.prepare(
      'SELECT * FROM clients WHERE deleted_at IS NULL AND (sort_name, id) > (?, ?) ORDER BY sort_name, id LIMIT 100',
    );
    const rawFirst = raw.prepare(
      'SELECT * FROM clients WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 100',
    );
    const rawCount = raw.prepare(
      "SELECT count(*) AS n FROM clients WHERE deleted_at IS NULL AND sort_name >= ''",
    );
    const keyAt = raw.prepare(
      'SELECT sort_name, id FROM clients WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 1 OFFSET ?',
    );

    printRatio(
      'clients list, first page with the total',
      await best(5, () => listPage(backend, { count: true })),
      await best(5, () => (rawFirst.all(), rawCount.get())),
    );
    printRatio(
      'clients list, first page (no count)',
      await best(5, () => listPage(backend, {})),
      await best(5, () => rawFirst.all()),
    );
    // The first deep jump after a change goes by offset while the index is walked for its sampled
    // keys in the background (client-jump.ts); the jumps after it seek from a sampled key.
    const end = keyAt.get(clients - 101) as { sort_name: string; id: number };
    printRatio(
      `  first jump to row ${(clients - 100).toLocaleString('en')} (by offset, keys walked after)`,
      (await time(() => listPage(backend, { offset: clients - 100 }))).ms,
      await best(5, () => rawPage.all(end.sort_name, end.id)),
      200,
    );
    const walk = await time(() => sampleWalksSettled(backend.db));
    printRow('  the background walk, what was left of it after that answer', walk.ms, null);
    for (const depth of [Math.floor(clients * 0.75), clients - 100]) {
      const before = keyAt.get(depth - 1) as { sort_name: string; id: number };
      const cursorPage = await listPage(backend, { offset: depth - 100 });
      const label = `row ${depth.toLocaleString('en')}`;
      printRatio(
        `  ${label}: next page by cursor (keyset)`,
        await best(5, () => listPage(backend, { after: cursorPage.next })),
        await best(5, () => rawPage.all(before.sort_name, before.id)),
      );
      printRatio(
        `  ${label}: scrollbar jump (sampled key + skip)`,
        await best(3, () => listPage(backend, { offset: depth })),
        await best(5, () => rawPage.all(before.sort_name, before.id)),
        200,
      );
    }

    const rawSearch = raw.prepare(
      'SELECT client_id FROM client_search_keys WHERE key >= ? AND key < ? AND prev_lcp < ? ORDER BY key, sort_name, client_id LIMIT 100',
    );
    const rawRows = raw.prepare('SELECT * FROM clients WHERE id IN (SELECT value FROM json_each(?))');
    const prefixes = SURNAMES.flatMap((s) => [s.slice(0, 1), s.slice(0, 3), s.slice(0, 5), s]);
    const app: number[] = [];
    const appCounted: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const prefix of prefixes) {
        app.push((await time(() => listPage(backend, { search: prefix }))).ms);
        appCounted.push((await time(() => listPage(backend, { search: prefix, count: true }))).ms);
        const key = nameKey(prefix);
        rawTimes.push(
          (
            await time(() => {
              const ids = (
                rawSearch.all(key, prefixRangeEnd(key), key.length) as { client_id: number }[]
              ).map((r) => r.client_id);
              return rawRows.all(JSON.stringify(ids));
            })
          ).ms,
        );
      }
    }
    printRatio(
      `surname search, page (p95 of ${app.length})`,
      percentile(app, 95),
      percentile(rawTimes, 95),
      5,
    );
    printRatio(
      `surname search, page + total (p95, once per query)`,
      percentile(appCounted, 95),
      percentile(rawTimes, 95),
    );
  } finally {
    raw.close();
  }
}

/**
 * Committing 5,000 imported tourists through import.commit beside the raw limit: the same tourist
 * rows (same columns, name keys included) by one prepared INSERT in one transaction on a second
 * connection. The backup the app makes before an import is taken beforehand, so neither side pays it.
 */
export async function benchCommitBesideRaw(backend: Backend, dbPath: string): Promise<void> {
  const { commitRows, touristRow } = await import('./commit-rows');
  const rows = commitRows(5_000);
  const app: number[] = [];
  const rawTimes: number[] = [];
  const appCpu: number[] = [];
  const rawCpu: number[] = [];
  const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;
  // Each side starts from a checkpointed base on the disk: the WAL the other side (or the backup)
  // left would otherwise be checkpointed, or written back, during the next timed commit.
  const settle = () => {
    const checkpoint = new Database(dbPath);
    try {
      checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      checkpoint.close();
    }
    flushToDisk(dbPath);
  };
  const timeApp = async (round: number) => {
    const tour = await backend.tours.save({
      ...emptyTourInput(),
      voucher: `SCALE-${Date.now()}-${round}`,
      services: [],
    });
    // The copy the import makes first, made now (the base is then unchanged, so the timed import
    // skips it): the figure is the commit's, and the copy is timed by the backup figures.
    const backup = await fileOnly(backend.backups, 'backup').createBeforeImport();
    if (backup) flushToDisk(join(backup.folder, backup.name));
    settle();
    const cpuBefore = process.cpuUsage();
    const { ms, value } = await time(() =>
      backend.dispatch('import.commit', { tourId: tour.id, serviceIds: [], rows }),
    );
    appCpu.push(cpuMs(process.cpuUsage(cpuBefore)));
    if (!value.ok) throw new Error(`import commit failed: ${JSON.stringify(value.error).slice(0, 300)}`);
    app.push(ms);
  };
  const timeRaw = async (round: number) => {
    const other = await backend.tours.save({
      ...emptyTourInput(),
      voucher: `RAW-${Date.now()}-${round}`,
      services: [],
    });
    settle();
    const raw = new Database(dbPath);
    try {
      const first = touristRow(rows[0]!.draft);
      const names = [...Object.keys(first), 'tour_id', 'position', 'version'];
      const rawCpuBefore = process.cpuUsage();
      rawTimes.push(
        (
          await time(() => {
            const insert = raw.prepare(
              `INSERT INTO tourists (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
            );
            raw.transaction(() => {
              rows.forEach((row, i) => {
                const values = Object.values(touristRow(row.draft));
                insert.run(...values, other.id, i, 1);
              });
            })();
          })
        ).ms,
      );
      rawCpu.push(cpuMs(process.cpuUsage(rawCpuBefore)));
    } finally {
      raw.close();
    }
  };
  // In turns, each side first every other round: the machine's speed drifts within a minute.
  for (let round = 0; round < 4; round++) {
    if (round % 2 === 0) {
      await timeApp(round);
      await timeRaw(round);
    } else {
      await timeRaw(round);
      await timeApp(round);
    }
  }
  printRatio('committing 5,000 imported tourists (best of 4)', Math.min(...app), Math.min(...rawTimes));
  // CPU time of the process: on a loaded machine the wall figures of either side jump by 2-3x.
  printRatio('  the same, CPU time (best of 4)', Math.min(...appCpu), Math.min(...rawCpu));
}
