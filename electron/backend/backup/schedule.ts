import type Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import type { BackupOptions, Backups } from './backups';
import { parseSetting } from '../settings';
import { rotationFor } from './rotation';

// Read synchronously on the raw connection: rotation runs inside a synchronous backup.
function setting(sqlite: Database.Database, key: string): unknown {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return parseSetting(row?.value);
}

/** The clerk's choices in Settings (`backup.folder`, `backup.keepDays`), or the defaults. */
export function backupOptions(sqlite: Database.Database, dbPath: string): BackupOptions {
  const folder = setting(sqlite, 'backup.folder');
  const keepDays = setting(sqlite, 'backup.keepDays');
  return {
    folder: typeof folder === 'string' && folder.trim() !== '' ? folder : join(dirname(dbPath), 'backups'),
    rotation: rotationFor(keepDays),
  };
}

/**
 * A backup at start (when the base holds anything) and then every `minutes` while it changes, each
 * copied and checked in a worker thread (Backups.createIfChangedInBackground). A failed automatic
 * backup (a full disk, an unplugged share) is reported, never fatal. `started` settles once the start
 * backup is kept or refused; `stop` ends the timer and a copy still running.
 */
export function scheduleBackups(
  backups: Backups,
  minutes: number | null,
  log: (message: string) => void = (message) => console.error(message),
): { started: Promise<void>; stop: () => Promise<void> } {
  if (minutes === null) return { started: Promise.resolve(), stop: () => Promise.resolve() };
  let stopped = false;
  const attempt = async (reason: 'start' | 'auto') => {
    try {
      await backups.createIfChangedInBackground(reason);
    } catch (error) {
      if (!stopped) log(`automatic backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const started = attempt('start');
  const timer = setInterval(() => void attempt('auto'), minutes * 60_000);
  timer.unref();
  return {
    started,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      return backups.stopBackground();
    },
  };
}
