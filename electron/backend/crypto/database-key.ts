import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The page ciphers of SQLite3MultipleCiphers a base can be in. New bases use AEGIS-256: authenticated
 * like ChaCha20-Poly1305 but with AES hardware instructions, so an encrypted 5,000-row commit costs
 * about 1.05x plain instead of 1.5x (bench/encryption.ts). `chacha20` is what bases made before
 * were encrypted with (key files without a cipher); they are converted once at start (convert-cipher.ts).
 */
export type BaseCipher = 'aegis' | 'chacha20';
export const NEW_BASE_CIPHER: BaseCipher = 'aegis';
/** The cipher of a key file that names none: every base made before AEGIS. */
export const LEGACY_CIPHER: BaseCipher = 'chacha20';
export const BASE_CIPHERS: readonly BaseCipher[] = ['aegis', 'chacha20'];

export const isBaseCipher = (value: unknown): value is BaseCipher =>
  typeof value === 'string' && (BASE_CIPHERS as readonly string[]).includes(value);

/**
 * The key of one base: 32 random bytes and the cipher its pages are encrypted with. Every page of the
 * base, its WAL and every VACUUM INTO copy is encrypted with it.
 */
export interface DatabaseKey {
  readonly bytes: Buffer;
  readonly cipher: BaseCipher;
}

/** A clerk's passphrase for one file (a whole-base export): the cipher derives the page key from it. */
export interface PassphraseKey {
  readonly passphrase: Buffer;
  readonly cipher: BaseCipher;
}

/** What opens one encrypted file. */
export type FileKey = DatabaseKey | PassphraseKey;

export const KEY_BYTES = 32;

export function newDatabaseKey(cipher: BaseCipher = NEW_BASE_CIPHER): DatabaseKey {
  return { bytes: randomBytes(KEY_BYTES), cipher };
}

export const withCipher = (key: DatabaseKey, cipher: BaseCipher): DatabaseKey => ({
  bytes: key.bytes,
  cipher,
});

export const sameKey = (a: DatabaseKey, b: DatabaseKey) => a.cipher === b.cipher && a.bytes.equals(b.bytes);

/**
 * What sqlite3_key receives. A base's key is 32 random bytes, so AEGIS takes it as its page key
 * ("raw:", no key derivation): Argon2id, its default, would add a 19 MB, ~0.3 s derivation to every
 * connection (the start, each backup check, the integrity worker) and no strength to a random key.
 * ChaCha20 bases keep the PBKDF2 derivation they were made with. A passphrase is always derived.
 */
export function sqliteKeyOf(key: FileKey): Buffer {
  if ('passphrase' in key) return key.passphrase;
  return key.cipher === 'aegis' ? Buffer.concat([Buffer.from('raw:', 'latin1'), key.bytes]) : key.bytes;
}

/**
 * Gives a connection its key for the main file. The cipher is set without a schema name, so it
 * stays the connection's cipher: a later rekey, ATTACH … KEY and VACUUM INTO copy use it too.
 */
export function applyKey(db: Database.Database, key: FileKey): void {
  db.pragma(`cipher = '${key.cipher}'`);
  db.key(sqliteKeyOf(key));
}

/**
 * Re-encrypts the connection's main file under another key or cipher (a VACUUM when the page's
 * reserved bytes change); null decrypts it. Needs the rollback journal, not WAL.
 */
export function rekeyTo(db: Database.Database, key: FileKey | null): void {
  if (key) db.pragma(`cipher = '${key.cipher}'`);
  db.rekey(key ? sqliteKeyOf(key) : Buffer.alloc(0));
}

/**
 * A value that tells whether a key is this base's key without revealing it (an HMAC of a fixed
 * text): a typed recovery key is checked against it before anything opens the base.
 */
export function keyCheck(bytes: Buffer): string {
  return createHmac('sha256', bytes).update('tourdesk database key check').digest('hex').slice(0, 32);
}

export function matchesKeyCheck(bytes: Buffer, check: string): boolean {
  const found = Buffer.from(keyCheck(bytes), 'hex');
  const expected = Buffer.from(check, 'hex');
  return found.length === expected.length && timingSafeEqual(found, expected);
}

/** Opens a connection and gives it the key before anything reads a page. */
export function connect(
  path: string,
  key: FileKey | null,
  options: Database.Options = {},
): Database.Database {
  const db = new Database(path, options);
  try {
    if (key) applyKey(db, key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Whether the key opens the file (its first page decrypts); false for another key, cipher or no file. */
export function opensWith(path: string, key: FileKey): boolean {
  try {
    const db = connect(path, key, { readonly: true, fileMustExist: true });
    try {
      db.pragma('user_version');
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/**
 * The cipher a file under these key bytes is in: the expected one first, then the others (a backup
 * made before the base was converted, a start that died between a conversion and the key file's
 * update). null when none opens it: another key, or a destroyed first page.
 */
export function cipherOf(path: string, bytes: Buffer, expected: BaseCipher): BaseCipher | null {
  for (const cipher of [expected, ...BASE_CIPHERS.filter((c) => c !== expected)]) {
    if (opensWith(path, { bytes, cipher })) return cipher;
  }
  return null;
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
