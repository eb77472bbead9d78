import { existsSync } from 'node:fs';
import { canWrite, messageOf, stagedRestorePath } from '../db/open-database';
import { LATEST_SCHEMA_VERSION } from '../db/schema-version';
import { connect, isPlainSqlite, NEW_BASE_CIPHER, withCipher, type DatabaseKey } from './database-key';
import { recipherFileInPlace, type EncryptFileHooks } from './encrypt-file';

export interface ConvertCipherOptions {
  /** Why a base stayed in its old cipher (it still opens; the next start tries again). */
  log: (message: string) => void;
  /** Tests only: runs when the converted copy is verified, before it replaces the base. */
  hooks?: EncryptFileHooks;
}

/** The schema the file holds, or null when it cannot be read under the key (damaged, wrong key). */
function schemaOf(path: string, key: DatabaseKey): number | null {
  try {
    const db = connect(path, key, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * A base still in ChaCha20 (made before AEGIS) is converted once, at start, before anything opens
 * it: an AEGIS copy under the same key bytes, verified by quick_check and every table's count, then
 * renamed over the base (encrypt-file.ts recipherFileInPlace; until the rename the base is untouched,
 * so a start killed half-way opens the ChaCha20 base and converts again). Answers the key to open the
 * base with: the caller records its cipher in the key file. A base that cannot or should not be
 * rewritten now (read-only, damaged, from a newer app, a restore waiting to replace it) is left as it
 * is and opened in its old cipher, which stays supported.
 */
export function convertBaseCipher(
  path: string,
  key: DatabaseKey,
  options: ConvertCipherOptions,
): DatabaseKey {
  if (key.cipher === NEW_BASE_CIPHER || !existsSync(path) || isPlainSqlite(path)) return key;
  if (existsSync(stagedRestorePath(path)) || !canWrite(path)) return key;
  const schema = schemaOf(path, key);
  if (schema === null || schema > LATEST_SCHEMA_VERSION) return key;
  const converted = withCipher(key, NEW_BASE_CIPHER);
  try {
    recipherFileInPlace(path, key, converted, options.hooks);
    return converted;
  } catch (error) {
    options.log(
      `The database ${path} stays in ${key.cipher} for now: converting it to ${NEW_BASE_CIPHER} failed (${messageOf(error)}); the next start tries again.`,
    );
    return key;
  }
}
