import type Database from 'better-sqlite3';
import { chmodSync, renameSync, rmSync } from 'node:fs';
import { connect, isPlainSqlite, type DatabaseKey } from './database-key';

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
 * Replaces a plain SQLite file with an encrypted one holding the same rows:
 * 1. a consistent copy (VACUUM INTO, which also takes in what the WAL holds) beside the file;
 * 2. the copy encrypted in place with SQLite3MultipleCiphers' rekey (rollback journal mode, which
 *    rekey needs), so no plain page is left in it;
 * 3. the copy opened with the key: quick_check and the row count of every table equal the plain file's;
 * 4. the plain file's -wal/-shm removed (empty once its last connection closed) and the copy renamed
 *    over the plain file, an atomic step.
 * Until step 4 the plain file is untouched, so an interrupted conversion leaves it usable and the
 * next start converts again. The caller holds the base's lock (one writer).
 */
export function encryptFileInPlace(path: string, key: DatabaseKey, hooks: EncryptFileHooks = {}): void {
  if (!isPlainSqlite(path)) return;
  const copy = encryptingPath(path);
  for (const suffix of ['', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
  let expected: Map<string, number>;
  const plain = connect(path, null);
  try {
    expected = tableCounts(plain);
    plain.prepare('VACUUM INTO ?').run(copy);
  } finally {
    plain.close();
  }
  try {
    chmodSync(copy, 0o600);
    const target = connect(copy, null);
    try {
      target.pragma('journal_mode = DELETE');
      target.rekey(key);
    } finally {
      target.close();
    }
    const check = connect(copy, key, { readonly: true, fileMustExist: true });
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
    rmSync(copy, { force: true });
    throw error;
  }
}
