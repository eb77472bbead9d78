import type Database from 'better-sqlite3';
import { accessSync, constants, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import { connect, hasIntactEncryptedHeader, isPlainSqlite, type DatabaseKey } from '../crypto/database-key';
import {
  damagedCopies,
  encryptDamagedCopy,
  encryptFileInPlace,
  type EncryptFileHooks,
} from '../crypto/encrypt-file';
import type { Migration } from './migrations';
import { LATEST_SCHEMA_VERSION } from './schema-version';
import { createPrivateFile, makePrivate } from './private-files';

/** Why a base was opened read-only: its pages are damaged, or its file may not be written. */
export type ReadOnlyReason = 'damaged' | 'fileReadOnly';

export interface OpenedDatabase {
  db: Database.Database;
  /** The schema the file holds: the latest, except in a damaged base, which is never migrated. */
  schemaVersion: number;
  /** Why the connection is read-only, or null when the base can be written. */
  readOnlyReason: ReadOnlyReason | null;
  /** quick_check was left to the caller (deferQuickCheck): run it in the background, see integrity-check.ts. */
  quickCheckDeferred?: boolean;
}

export interface OpenDatabaseOptions {
  /** Tests only: the migration list to apply instead of the shipped one. */
  migrations?: readonly Migration[];
  /** How long a write waits for another program's write before it answers BUSY. */
  busyTimeoutMs?: number;
  /**
   * The base's key: the file, its WAL and its copies are encrypted with it, and a plain file is
   * converted. null or absent: a plain base (tests of plain files, tools); the app always gives one.
   */
  key?: DatabaseKey | null;
  /** Tests only: runs inside the conversion of a plain base (see encryptFileInPlace). */
  conversionHooks?: EncryptFileHooks;
  /**
   * Skip quick_check of a base whose schema is current: it reads every page (seconds at a million
   * clients), so the app answers first and checks in the background. An upgrade still checks first.
   */
  deferQuickCheck?: boolean;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const SIDECARS = ['-wal', '-shm'] as const;

const codeOf = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Per-connection settings; none of them writes to the file. */
function tune(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
  // 64 MB of page cache (the default is 2 MB): a 200,000-client base stays in memory.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

/** quick_check reads every page: a damaged one shows as a report line or as SQLITE_CORRUPT. */
export function passesQuickCheck(db: Database.Database): boolean {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch (error) {
    if (codeOf(error).startsWith('SQLITE_CORRUPT')) return false;
    throw error;
  }
}

function refuseNewer(path: string, found: number, latest: number): never {
  throw new AppError(
    'UNAVAILABLE',
    `The database ${path} was written by a newer version of the app (schema ${found} > ${latest}); it was not changed.`,
  );
}

/**
 * Looks at an existing file through a connection that cannot write, so a file from a newer version
 * is refused before anything touches it (not even the switch to WAL), and a damaged one is known
 * before it is written to.
 */
function inspect(
  path: string,
  key: DatabaseKey | null,
  latest: number,
  busyTimeoutMs: number,
  deferCheck = false,
): { healthy: boolean; readable: boolean; checked: boolean } {
  let probe: Database.Database;
  try {
    probe = connect(path, key, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('UNAVAILABLE', `The database ${path} cannot be opened: ${messageOf(error)}`);
  }
  try {
    probe.pragma(`busy_timeout = ${busyTimeoutMs}`);
    let found: number;
    try {
      found = userVersion(probe);
    } catch (error) {
      if (!codeOf(error).startsWith('SQLITE_NOTADB')) throw unreadable(path, error);
      // An intact encrypted header that the key does not open: the key is not this base's.
      if (hasIntactEncryptedHeader(path)) {
        throw new AppError(
          'UNAVAILABLE',
          key
            ? `The key does not open the database ${path}: it is not this base's key; the file was not changed.`
            : `The database ${path} is encrypted and no key was given; the file was not changed.`,
          undefined,
          { reason: 'wrongKey', params: { path } },
        );
      }
      // Its header is destroyed: no page can be read, but the app still starts to offer backups.
      return { healthy: false, readable: false, checked: true };
    }
    if (found > latest) refuseNewer(path, found, latest);
    if (deferCheck && found === latest) return { healthy: true, readable: true, checked: false };
    return { healthy: passesQuickCheck(probe), readable: true, checked: true };
  } finally {
    probe.close();
  }
}

function unreadable(path: string, error: unknown): AppError {
  return new AppError(
    'UNAVAILABLE',
    `The file ${path} is not a TourDesk database or is damaged beyond reading (${messageOf(error)}); it was not changed.`,
  );
}

export function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function openReadOnly(
  path: string,
  key: DatabaseKey | null,
  reason: ReadOnlyReason,
  latest: number,
  busyTimeoutMs: number,
): OpenedDatabase {
  const db = connect(path, key, { readonly: true, fileMustExist: true });
  try {
    tune(db, busyTimeoutMs);
    const found = userVersion(db);
    if (reason === 'fileReadOnly' && found < latest) {
      throw new AppError(
        'UNAVAILABLE',
        `The database ${path} needs an upgrade (schema ${found} to ${latest}) but the file is read-only: allow writing to it and start again.`,
      );
    }
    return { db, schemaVersion: found, readOnlyReason: reason };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A base whose header is destroyed cannot be read at all. Rather than stopping, the app starts on an
 * empty schema in memory that refuses every write (query_only answers READ_ONLY), shows the damaged
 * banner and offers the backups; the file itself is left as it is until a restore replaces it.
 */
async function openUnreadable(migrations: MigrationList, busyTimeoutMs: number): Promise<OpenedDatabase> {
  const list = await migrations.load();
  const db = connect(':memory:', null);
  tune(db, busyTimeoutMs);
  db.transaction(() => {
    for (const migration of list) migration.up(db);
    db.pragma(`user_version = ${list.length}`);
  })();
  db.pragma('query_only = ON');
  return { db, schemaVersion: list.length, readOnlyReason: 'damaged' };
}

/**
 * Copies the base before its upgrade with VACUUM INTO (encrypted with the base's key; SQLite's
 * backup API refuses encrypted bases), while nothing has been written yet. The copy is created exclusively, so an earlier copy (the good one, when an upgrade failed before)
 * is never overwritten: a later attempt writes `.before-vN.2.bak` and so on.
 */
function backupBeforeUpgrade(db: Database.Database, path: string, to: number): string {
  let target = `${path}.before-v${to}.bak`;
  for (let n = 2; ; n++) {
    try {
      createPrivateFile(target);
      break;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
      target = `${path}.before-v${to}.${n}.bak`;
    }
  }
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    for (const suffix of ['', ...SIDECARS]) rmSync(`${target}${suffix}`, { force: true });
    throw new AppError(
      'UNAVAILABLE',
      `The database ${path} could not be backed up before its upgrade (${messageOf(error)}); it was not changed.`,
    );
  }
  return target;
}

/** The migrations to bring a base up to date: their count at once, the list itself only when one runs. */
interface MigrationList {
  latest: number;
  load: () => Promise<readonly Migration[]>;
}

function migrationList(given: readonly Migration[] | undefined): MigrationList {
  if (given) return { latest: given.length, load: () => Promise.resolve(given) };
  return { latest: LATEST_SCHEMA_VERSION, load: async () => (await import('./migrations')).migrations };
}

/** Every pending migration and the version bump in one transaction: all of them, or none. */
async function migrate(
  db: Database.Database,
  path: string,
  migrations: MigrationList,
  existed: boolean,
): Promise<void> {
  const latest = migrations.latest;
  const from = userVersion(db);
  if (from >= latest) return;
  const list = await migrations.load();
  const backup = existed && from > 0 ? backupBeforeUpgrade(db, path, latest) : null;
  let step = from;
  try {
    db.transaction(() => {
      // Another process may have upgraded the file while this one waited for the write lock.
      step = userVersion(db);
      while (step < latest) {
        step++;
        const migration = list[step - 1];
        if (!migration) throw new Error(`missing migration ${step}`);
        migration.up(db);
      }
      db.pragma(`user_version = ${latest}`);
    }).immediate();
  } catch (error) {
    const name = list[step - 1]?.name ?? '';
    throw new AppError(
      'UNAVAILABLE',
      `Upgrading the database ${path} from schema ${from} to ${latest} failed in migration ${step} (${name}): ${messageOf(error)}. ` +
        `Nothing was changed: the file is still at schema ${from}` +
        (backup ? `, and the copy made before the upgrade is ${backup}.` : '.'),
    );
  }
}

const upgradeCopies = (path: string) => {
  const prefix = `${basename(path)}.before-v`;
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .map((name) => join(dirname(path), name));
};

/** The base, its sidecars and its upgrade copies readable by their owner only. */
function makeFilesPrivate(path: string): void {
  makePrivate(path);
  for (const suffix of SIDECARS) makePrivate(`${path}${suffix}`);
  for (const copy of upgradeCopies(path)) makePrivate(copy);
}

/**
 * A base made before encryption is converted on its first start with a key, and so are its plain
 * upgrade copies; an interrupted conversion left the plain file as it was, so this simply runs again.
 */
function encryptPlainFiles(path: string, key: DatabaseKey, hooks: EncryptFileHooks | undefined): void {
  try {
    encryptFileInPlace(path, key, hooks);
    for (const copy of upgradeCopies(path)) encryptFileInPlace(copy, key);
    for (const copy of damagedCopies(path)) encryptDamagedCopy(copy, key);
  } catch (error) {
    throw new AppError(
      'UNAVAILABLE',
      `The database ${path} could not be encrypted (${messageOf(error)}); the plain file is unchanged and the next start tries again.`,
    );
  }
}

/**
 * The startup self-test of encryption: with a key, the file must not begin with SQLite's plain
 * header. A driver that ignored the key (plain better-sqlite3) would otherwise write passports in
 * clear without a word.
 */
function refusePlaintext(path: string, key: DatabaseKey | null): void {
  if (key && isPlainSqlite(path)) {
    throw new AppError(
      'UNAVAILABLE',
      `The database ${path} was written without encryption although a key was given; the app does not run on it.`,
    );
  }
}

/**
 * Opens (creating if needed) the database file and brings its schema up to date.
 * - A file written by a newer version of the app is refused before anything writes to it.
 * - `PRAGMA quick_check` runs at every start: a damaged base opens read-only, as it is, so nothing
 *   more is written into it and the clerk can still read what is left and restore a backup.
 * - A file the account may not write opens read-only instead of stopping the app.
 * - An existing file is backed up beside itself before its upgrade, and every pending migration
 *   runs in one transaction: a failure leaves the file as it was.
 * - The file and its sidecars are created readable by their owner only.
 */
/** Where a backup waits to replace a damaged base until the next start (see Backups.stageRestore). */
export const stagedRestorePath = (path: string) => `${path}.restore-staged`;

/**
 * A damaged base cannot be written, so a restore chosen from it is staged beside the file and put
 * in place here, before anything opens the base: the damaged file is kept as `.damaged-<time>`.
 */
function swapInStagedRestore(path: string): void {
  const staged = stagedRestorePath(path);
  if (!existsSync(staged)) return;
  if (existsSync(path)) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    renameSync(path, `${path}.damaged-${stamp}`);
  }
  for (const sidecar of SIDECARS) rmSync(`${path}${sidecar}`, { force: true });
  renameSync(staged, path);
}

export async function openDatabase(path: string, options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const migrations = migrationList(options.migrations);
  const latest = migrations.latest;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const key = options.key ?? null;
  const inMemory = path === ':memory:';
  if (!inMemory) swapInStagedRestore(path);
  const existed = !inMemory && existsSync(path);
  let quickCheckDeferred = false;
  if (existed) {
    // A plain base is inspected as it is; once it passed, it is converted and opened with the key.
    const plain = key !== null && isPlainSqlite(path);
    const found = inspect(path, plain ? null : key, latest, busyTimeoutMs, options.deferQuickCheck === true);
    quickCheckDeferred = !found.checked;
    if (!found.readable) return openUnreadable(migrations, busyTimeoutMs);
    if (!found.healthy) return openReadOnly(path, plain ? null : key, 'damaged', latest, busyTimeoutMs);
    if (!canWrite(path)) return openReadOnly(path, plain ? null : key, 'fileReadOnly', latest, busyTimeoutMs);
    makeFilesPrivate(path);
    if (key) encryptPlainFiles(path, key, options.conversionHooks);
  } else if (!inMemory) {
    try {
      createPrivateFile(path);
    } catch (error) {
      // Another process created it a moment ago; the migration transaction sorts out who builds it.
      if (codeOf(error) !== 'EEXIST') throw error;
    }
  }
  const db = connect(path, key);
  try {
    tune(db, busyTimeoutMs);
    // The newer-version check again: another process may have upgraded the file meanwhile.
    const found = userVersion(db);
    if (found > latest) refuseNewer(path, found, latest);
    await migrate(db, path, migrations, existed);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // optimize may write statistics: a base not checked yet gets it once it passed (see the backend's start).
    if (!quickCheckDeferred) db.pragma('optimize=0x10002');
    if (!inMemory) refusePlaintext(path, key);
    return { db, schemaVersion: latest, readOnlyReason: null, quickCheckDeferred };
  } catch (error) {
    db.close();
    const code = codeOf(error);
    // The folder or the file refused writing although the permission check passed (a read-only
    // mount, a share): the base is still readable.
    if (existed && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) {
      return openReadOnly(path, key, 'fileReadOnly', latest, busyTimeoutMs);
    }
    // With the check deferred, opening (reading the schema) can meet a damaged page first.
    if (quickCheckDeferred && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))) {
      return openReadOnly(path, key, 'damaged', latest, busyTimeoutMs);
    }
    throw error;
  }
}
