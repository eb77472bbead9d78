import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backups } from '../../electron/backend/backup/backups';
import { connect, isPlainSqlite, opensWith } from '../../electron/backend/crypto/database-key';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { emptyClientInput } from '../../shared/domain/client';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

const opened: TempBackend[] = [];
afterEach(async () => {
  for (const base of opened.splice(0)) await base.dispose();
});

/** An encrypted file base big enough that copying and checking it takes a noticeable while. */
async function bigBase(clients: number): Promise<TempBackend> {
  const base = await createTempBackend({ dialect: 'sqlite' });
  opened.push(base);
  for (let seeded = 0; seeded < clients; seeded += 10_000) {
    await base.backend.clients.insertMany(generateClients(10_000, 7 + seeded, '2026-01-01'));
  }
  return base;
}

/** The longest time the event loop went without running a 2 ms timer, from now until stopped. */
function watchEventLoop(): { stop: () => number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

const folderOf = (backups: Backups) => backups.list()[0]?.folder ?? '';

describe('the start backup in a worker thread', () => {
  it('keeps answering commands while a big base is copied and checked, and keeps a verified encrypted copy', async () => {
    const base = await bigBase(60_000);
    const backups = base.backend.backups!;
    const loop = watchEventLoop();
    const started = performance.now();
    let done = false;
    const backup = backups.createIfChangedInBackground('start').finally(() => (done = true));
    let answers = 0;
    let saved = false;
    while (!done) {
      const page = await base.call('clients.list', { limit: 50 });
      expect(page.rows).toHaveLength(50);
      if (!saved) {
        // A write while the copy runs lands in the base (WAL) and in the next backup, not this one.
        await base.call('clients.save', { ...emptyClientInput(), lastNameRu: 'Пока копируют' });
        saved = true;
      }
      answers++;
      await sleep(5);
    }
    const entry = await backup;
    const copyMs = performance.now() - started;
    const longestStall = loop.stop();

    // Copying and checking in the app's own thread stalls it for the whole copy; the worker does not.
    expect(longestStall).toBeLessThan(copyMs / 3);
    expect(answers).toBeGreaterThan(3);

    // One consistent moment: before the write or after it, both in the counts it was checked against.
    expect(entry).toMatchObject({ reason: 'start', verified: true });
    expect([60_000, 60_001]).toContain(entry!.counts.clients);
    const path = join(entry!.folder, entry!.name);
    expect(isPlainSqlite(path)).toBe(false);
    const copy = connect(path, base.key, { readonly: true, fileMustExist: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: entry!.counts.clients });
    } finally {
      copy.close();
    }
    // Encrypted in the base's own cipher: the key's bytes in the other cipher do not open it.
    const ciphers = (['aegis', 'chacha20'] as const).filter((cipher) =>
      opensWith(path, { bytes: base.key!.bytes, cipher }),
    );
    expect(ciphers).toEqual([base.key!.cipher]);

    // Changes counted from the copy's start: a write made meanwhile always gets the next backup.
    const next = await backups.createIfChangedInBackground('auto');
    expect(next).toMatchObject({ verified: true, counts: { clients: 60_001 } });
    expect(await backups.createIfChangedInBackground('auto')).toBeNull();
    // Only finished, named copies are left in the folder.
    expect(readdirSync(folderOf(backups)).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('removes the working file of a copy cut short at an earlier start, not one being written now', async () => {
    const base = await bigBase(10_000);
    const backups = base.backend.backups!;
    const folder = join(base.dbPath, '..', 'backups');
    mkdirSync(folder, { recursive: true });
    const abandoned = join(folder, '.backup-4242-0badc0de.sqlite');
    const inProgress = join(folder, '.backup-4343-0123abcd.sqlite');
    writeFileSync(abandoned, 'half a copy');
    writeFileSync(inProgress, 'a copy another app is writing');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);

    expect(await backups.createIfChangedInBackground('start')).toMatchObject({ verified: true });
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(inProgress)).toBe(true);
  }, 120_000);

  it('stops a copy still running when the app closes, leaving neither a backup nor its working file', async () => {
    const base = await bigBase(30_000);
    const backups = base.backend.backups!;
    const folder = join(base.dbPath, '..', 'backups');
    const backup = backups.createIfChangedInBackground('start');
    await backups.stopBackground();
    await expect(backup).rejects.toThrow();
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect(backups.list()).toEqual([]);
  }, 120_000);
});
