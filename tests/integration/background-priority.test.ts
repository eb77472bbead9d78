import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyInBackground } from '../../electron/backend/backup/backup-worker';
import { quickCheckInBackground } from '../../electron/backend/db/integrity-check';

/**
 * The start's quick_check and the backups run at the lowest CPU priority (issue 17: on a 2-core
 * computer they took the CPU the page's first paint needed), on their own thread only: the app's
 * thread keeps its priority. Linux gives each thread its own nice value; elsewhere nothing changes.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A base big enough that its check or copy takes a while (about 24 MB), with the tables a backup counts. */
function bigBase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-nice-'));
  dirs.push(dir);
  const path = join(dir, 'base.sqlite');
  const db = new Database(path);
  db.exec(
    'CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE clients (id INTEGER PRIMARY KEY); CREATE TABLE tours (id INTEGER PRIMARY KEY); CREATE TABLE tourists (id INTEGER PRIMARY KEY); CREATE TABLE dictionary_entries (id INTEGER PRIMARY KEY)',
  );
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 6000; i++) insert.run(`${i}`.padEnd(4000, 'x'));
  })();
  db.exec('CREATE INDEX filler_body ON filler (body)');
  db.close();
  return path;
}

const niceOf = (statPath: string) => {
  const stat = readFileSync(statPath, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

/** The nice values seen on the process's threads while `work` runs, and this thread's before and after. */
async function nicesWhile(
  work: Promise<unknown>,
): Promise<{ others: Set<number>; mine: number; mineBefore: number }> {
  const mineBefore = niceOf('/proc/thread-self/stat');
  const others = new Set<number>();
  let running = true;
  void work.finally(() => (running = false));
  while (running) {
    for (const task of readdirSync('/proc/self/task')) {
      try {
        others.add(niceOf(`/proc/self/task/${task}/stat`));
      } catch {
        // the thread ended between the listing and the read
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await work;
  return { others, mine: niceOf('/proc/thread-self/stat'), mineBefore };
}

// (A test run itself started at the lowest priority could not tell.)
describe.runIf(process.platform === 'linux' && niceOf('/proc/thread-self/stat') < 19)(
  'background work yields the CPU',
  () => {
    it('runs the start quick_check on a thread at the lowest priority, not the app thread', async () => {
      const check = quickCheckInBackground(bigBase(), null);
      const seen = await nicesWhile(check.result);
      expect((await check.result).verdict).toBe('ok');
      expect(seen.others.has(19)).toBe(true);
      expect(seen.mine).toBe(seen.mineBefore);
    });

    it('copies a backup on a thread at the lowest priority, not the app thread', async () => {
      const base = bigBase();
      const copy = copyInBackground({ path: base, key: null }, `${base}.copy`);
      const seen = await nicesWhile(copy.result);
      expect((await copy.result).found.ok).toBe(true);
      expect(seen.others.has(19)).toBe(true);
      expect(seen.mine).toBe(seen.mineBefore);
    });
  },
);
