import DatabaseDriver from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { chmodSync, copyFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  connect,
  hasIntactEncryptedHeader,
  isPlainSqlite,
  rekeyTo,
  type DatabaseKey,
  type FileKey,
} from './database-key';

const SIDECARS = ['-wal', '-shm'] as const;

/** Where a conversion writes its encrypted copy; a leftover one (an interrupted start) is discarded. */
export const encryptingPath = (path: string) => `${path}.encrypting`;

function tableCounts(db: Database.Database): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return new Map(
    tables.map(({ name }) => [
      name,
      (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n,
    ]),
  );
}

function quickCheckOk(db: Database.Database): boolean {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.length === 1 && rows[0]?.quick_check === 'ok';
}

export interface EncryptFileHooks {
  /** Tests only: runs when the encrypted copy is verified, before it replaces the plain file. */
  beforeSwap?: (copy: string) => void;
}

/**
 * Replaces a file with one holding the same rows under another key (none: plain → encrypted; another
 * cipher: ChaCha20 → AEGIS):
 * 1. a consistent copy (VACUUM INTO, which also takes in what the WAL holds) beside the file, under
 *    the file's own key;
 * 2. the copy re-encrypted in place with SQLite3MultipleCiphers' rekey (rollback journal mode, which
 *    rekey needs), so no page under the old key (or plain) is left in it;
 * 3. the copy opened with the new key: quick_check and the row count of every table equal the file's;
 * 4. the file's -wal/-shm removed (empty once its last connection closed) and the copy renamed over
 *    the file, an atomic step.
 * Until step 4 the file is untouched, so an interrupted conversion leaves it usable and the next
 * start converts again. The caller holds the base's lock (one writer).
 */
function rewriteFileInPlace(path: string, from: FileKey | null, to: FileKey, hooks: EncryptFileHooks): void {
  const copy = encryptingPath(path);
  for (const suffix of ['', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
  let expected: Map<string, number>;
  const source = connect(path, from, { fileMustExist: true });
  try {
    expected = tableCounts(source);
    source.prepare('VACUUM INTO ?').run(copy);
  } finally {
    source.close();
  }
  try {
    chmodSync(copy, 0o600);
    const target = connect(copy, from);
    try {
      target.pragma('journal_mode = DELETE');
      rekeyTo(target, to);
    } finally {
      target.close();
    }
    const check = connect(copy, to, { readonly: true, fileMustExist: true });
    try {
      const found = tableCounts(check);
      const sameRows =
        found.size === expected.size && [...expected].every(([table, n]) => found.get(table) === n);
      if (!quickCheckOk(check) || !sameRows) {
        throw new Error(`the encrypted copy of ${path} does not hold the same rows`);
      }
    } finally {
      check.close();
    }
    if (isPlainSqlite(copy)) throw new Error(`the copy of ${path} was not encrypted`);
    hooks.beforeSwap?.(copy);
    for (const suffix of SIDECARS) rmSync(`${path}${suffix}`, { force: true });
    renameSync(copy, path);
  } catch (error) {
    for (const suffix of ['', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
    throw error;
  }
}

/** A plain SQLite file replaced by an encrypted one holding the same rows (see rewriteFileInPlace). */
export function encryptFileInPlace(path: string, key: DatabaseKey, hooks: EncryptFileHooks = {}): void {
  if (!isPlainSqlite(path)) return;
  rewriteFileInPlace(path, null, key, hooks);
}

/** A file under one cipher replaced by the same rows under another, the key bytes kept. */
export function recipherFileInPlace(
  path: string,
  from: DatabaseKey,
  to: DatabaseKey,
  hooks: EncryptFileHooks = {},
): void {
  rewriteFileInPlace(path, from, to, hooks);
}

/** The `.damaged-<time>` copies a restore over a damaged base left beside it. */
export function damagedCopies(path: string): string[] {
  const prefix = `${basename(path)}.damaged-`;
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix) && !/(\.encrypting|-wal|-shm|-journal)$/.test(name))
    .map((name) => join(dirname(path), name));
}

const pageCount = (db: Database.Database) => db.pragma('page_count', { simple: true }) as number;

/**
 * The cipher of an encrypted damaged copy. The base's ChaCha20-Poly1305 keeps a tag in every page,
 * so turning a plain file into it rebuilds the file table by table (a VACUUM), which a damaged file
 * fails; AES-256-CBC (SQLite3MultipleCiphers' `aes256cbc`) needs no room in the page, so rekey
 * encrypts a damaged file page by page without reading its tables.
 */
export const DAMAGED_COPY_CIPHER = 'aes256cbc';

/** Opens an encrypted damaged copy (to read what is left of it) with the base's key. */
export function connectDamagedCopy(path: string, key: DatabaseKey): Database.Database {
  const db = new DatabaseDriver(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher = '${DAMAGED_COPY_CIPHER}'`);
    db.key(key.bytes);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A `.damaged-*` copy from a version before encryption is plain: a byte copy of it is encrypted
 * page by page under the base's key (see DAMAGED_COPY_CIPHER), checked (no plain header, every page
 * there under the key) and renamed over it. A copy whose first page is destroyed cannot be rekeyed,
 * nor told from an encrypted one whose header is destroyed: it stays as it is, readable by its owner
 * only (0600), as every copy is. Never throws: a damaged copy must not stop the app. Returns whether
 * the copy is now encrypted (or already was).
 */
export function encryptDamagedCopy(path: string, key: DatabaseKey): boolean {
  try {
    chmodSync(path, 0o600);
  } catch {
    return false;
  }
  if (!isPlainSqlite(path)) return hasIntactEncryptedHeader(path);
  const copy = encryptingPath(path);
  try {
    for (const suffix of ['', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
    copyFileSync(path, copy);
    chmodSync(copy, 0o600);
    const target = connect(copy, null);
    let pages: number;
    try {
      target.pragma('journal_mode = DELETE');
      pages = pageCount(target);
      target.pragma(`cipher = '${DAMAGED_COPY_CIPHER}'`);
      target.rekey(key.bytes);
    } finally {
      target.close();
    }
    if (isPlainSqlite(copy) || !hasIntactEncryptedHeader(copy)) throw new Error('not encrypted');
    const check = connectDamagedCopy(copy, key);
    try {
      if (pageCount(check) !== pages) throw new Error('pages lost');
    } finally {
      check.close();
    }
    renameSync(copy, path);
    return true;
  } catch {
    for (const suffix of ['', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
    return false;
  }
}
