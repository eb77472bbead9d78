import type Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import type { BackupOptions, Backups } from './backups';
import { parseSetting } from '../settings';

const DEFAULT_KEEP_DAYS = 10;
const KEEP_TODAY = 3;

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
    keepDays: typeof keepDays === 'number' && keepDays >= 1 ? Math.floor(keepDays) : DEFAULT_KEEP_DAYS,
    keepToday: KEEP_TODAY,
  };
}

/**
 * A backup at start (when the base holds anything) and then every `minutes` while it changes.
 * A failed automatic backup (a full disk, an unplugged share) is reported, never fatal.
 */
export function scheduleBackups(backups: Backups, minutes: number | null): () => void {
  if (minutes === null) return () => undefined;
  const attempt = (reason: 'start' | 'auto') => {
    try {
      backups.createIfChanged(reason);
    } catch (error) {
      console.error(`automatic backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  attempt('start');
  const timer = setInterval(() => attempt('auto'), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
