import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/api/envelope';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export interface OpenedDatabase {
  db: Database.Database;
  schemaVersion: number;
}

/**
 * Opens (creating if needed) the database file and brings its schema up to date. A file written by
 * a newer version of the app is refused rather than guessed at. An existing file is backed up
 * beside itself before its first migration.
 */
export async function openDatabase(path: string): Promise<OpenedDatabase> {
  const isNewFile = path === ':memory:' || !existsSync(path);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache (the default is 2 MB): a 200,000-client base stays in memory.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'UNAVAILABLE',
        `The database ${path} was written by a newer version of the app (schema ${current} > ${LATEST_SCHEMA_VERSION}).`,
      );
    }
    if (current < LATEST_SCHEMA_VERSION && !isNewFile && current > 0) {
      await db.backup(`${path}.before-v${LATEST_SCHEMA_VERSION}.bak`);
    }
    for (let version = current + 1; version <= LATEST_SCHEMA_VERSION; version++) {
      const migration = migrations[version - 1];
      if (!migration) throw new Error(`missing migration ${version}`);
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${version}`);
      })();
    }
    db.pragma('optimize=0x10002');
    return { db, schemaVersion: LATEST_SCHEMA_VERSION };
  } catch (error) {
    db.close();
    throw error;
  }
}
