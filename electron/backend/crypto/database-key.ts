import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The key of one base: 32 random bytes given to SQLite3MultipleCiphers (ChaCha20-Poly1305, its
 * default). Every page of the base, its WAL and every VACUUM INTO copy is encrypted with it.
 */
export type DatabaseKey = Buffer;

export const KEY_BYTES = 32;

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(KEY_BYTES);
}

/**
 * A value that tells whether a key is this base's key without revealing it (an HMAC of a fixed
 * text): a typed recovery key is checked against it before anything opens the base.
 */
export function keyCheck(key: DatabaseKey): string {
  return createHmac('sha256', key).update('tourdesk database key check').digest('hex').slice(0, 32);
}

export function matchesKeyCheck(key: DatabaseKey, check: string): boolean {
  const found = Buffer.from(keyCheck(key), 'hex');
  const expected = Buffer.from(check, 'hex');
  return found.length === expected.length && timingSafeEqual(found, expected);
}

/** Opens a connection and gives it the key before anything reads a page. */
export function connect(
  path: string,
  key: DatabaseKey | null,
  options: Database.Options = {},
): Database.Database {
  const db = new Database(path, options);
  try {
    if (key) db.key(key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function firstBytes(path: string, count: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const read = readSync(fd, buffer, 0, count, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The file starts with SQLite's plain header: anyone can read it. */
export function isPlainSqlite(path: string): boolean {
  return firstBytes(path, 16).equals(PLAIN_HEADER);
}

/**
 * SQLite3MultipleCiphers keeps bytes 16-23 of the first page unencrypted (page size, format
 * versions, reserved bytes, payload fractions 64/32/32), after a 16-byte random salt. A file that
 * still shows them is an intact encrypted base: when the key does not open it, the key is wrong.
 * A file without them has a destroyed header.
 */
export function hasIntactEncryptedHeader(path: string): boolean {
  const head = firstBytes(path, 24);
  if (head.length < 24 || head.subarray(0, 16).equals(PLAIN_HEADER)) return false;
  const pageSize = head.readUInt16BE(16);
  const validPageSize = pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0);
  const formats = [1, 2];
  return (
    validPageSize &&
    formats.includes(head[18] ?? 0) &&
    formats.includes(head[19] ?? 0) &&
    head[21] === 64 &&
    head[22] === 32 &&
    head[23] === 32
  );
}
