import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrivateFile, ensurePrivateDir } from '../db/private-files';
import { writeFileSync } from 'node:fs';

/**
 * Where a wrapped key came from: the OS key store (Electron safeStorage), a private key file, or a
 * passphrase typed at start (browser mode's `--passphrase`).
 */
export type KeyStorageKind = 'os' | 'file' | 'passphrase';

/** Wraps the base's key for the key file beside the base, and unwraps it at the next start. */
export interface KeyWrapper {
  readonly kind: KeyStorageKind;
  /** The key's bytes (its cipher is recorded beside them, in the key file). */
  wrap(key: Buffer): Promise<string>;
  /** Throws when this wrapper cannot unwrap (another keyring, another key file). */
  unwrap(wrapped: string): Promise<Buffer>;
}

export const MASTER_KEY_FILE = 'tourdesk-master.key';

/**
 * Browser mode (plain Node, no OS key store) and Electron where safeStorage is unavailable: the key
 * is wrapped (AES-256-GCM) with a random master key kept in a 0600 file in the 0700 user-data
 * folder. It protects as much as the folder's permissions do, which the app says where it uses it.
 */
export function fileKeyWrapper(userDataDir: string): KeyWrapper {
  const path = join(userDataDir, MASTER_KEY_FILE);
  const master = (): Buffer => {
    if (!existsSync(path)) {
      ensurePrivateDir(userDataDir, true);
      try {
        createPrivateFile(path);
        writeFileSync(path, randomBytes(32).toString('hex'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (secret.length !== 32) throw new Error(`the key file ${path} is damaged`);
    return secret;
  };
  return {
    kind: 'file',
    wrap: (key) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master(), iv);
      const data = Buffer.concat([cipher.update(key), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64'));
    },
    unwrap: (wrapped) => {
      const bytes = Buffer.from(wrapped, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', master(), bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Promise.resolve(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]));
    },
  };
}

/** scrypt's cost: about a second and 128 MB on an office computer, paid once per start. */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;

/** The shortest passphrase `--passphrase` accepts (as the whole-base export). */
export const MIN_KEY_PASSPHRASE = 10;

/**
 * Browser mode with `--passphrase`: the key is wrapped (AES-256-GCM) with a key derived from the
 * passphrase typed on the terminal (scrypt, a random salt per wrapping), so the files on the disk
 * alone do not open the base. A wrong passphrase fails the GCM check.
 */
export function passphraseKeyWrapper(passphrase: string): KeyWrapper {
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const derive = (salt: Buffer) => scryptSync(secret, salt, 32, SCRYPT);
  return {
    kind: 'passphrase',
    wrap: (key) => {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', derive(salt), iv);
      const data = Buffer.concat([cipher.update(key), cipher.final()]);
      return Promise.resolve(Buffer.concat([salt, iv, cipher.getAuthTag(), data]).toString('base64'));
    },
    unwrap: (wrapped) => {
      const bytes = Buffer.from(wrapped, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', derive(bytes.subarray(0, 16)), bytes.subarray(16, 28));
      decipher.setAuthTag(bytes.subarray(28, 44));
      return Promise.resolve(Buffer.concat([decipher.update(bytes.subarray(44)), decipher.final()]));
    },
  };
}
