import { existsSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { AppError } from '../../../shared/api/envelope';
import { createPrivateFile } from '../db/private-files';
import {
  cipherOf,
  isBaseCipher,
  isPlainSqlite,
  keyCheck,
  LEGACY_CIPHER,
  matchesKeyCheck,
  newDatabaseKey,
  NEW_BASE_CIPHER,
  type BaseCipher,
  type DatabaseKey,
} from './database-key';
import type { KeyStorageKind, KeyWrapper } from './key-wrappers';
import { parseRecoveryKey } from './recovery-key';

/** The key file beside the base: the key wrapped once per way of unwrapping it, never in clear. */
interface KeyFile {
  version: 1;
  keyCheck: string;
  /** The base's page cipher; absent in key files written before AEGIS, whose bases are ChaCha20. */
  cipher?: BaseCipher;
  /** The clerk confirmed having printed or saved the recovery key. */
  recoveryShown: boolean;
  wrapped: Partial<Record<KeyStorageKind, string>>;
}

export type KeyState =
  | { kind: 'ready'; key: DatabaseKey; recoveryPending: boolean; storage: KeyStorageKind }
  /** The key file cannot be unwrapped here (keyring changed) or is gone: the recovery key opens the base. */
  | { kind: 'locked'; why: 'unwrapFailed' | 'noKeyFile' };

export const keyFilePath = (dbPath: string) => `${dbPath}.key.json`;

function readKeyFile(path: string): KeyFile | null {
  if (!existsSync(path)) return null;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyFile>;
  if (
    parsed.version !== 1 ||
    typeof parsed.keyCheck !== 'string' ||
    typeof parsed.wrapped !== 'object' ||
    (parsed.cipher !== undefined && !isBaseCipher(parsed.cipher))
  ) {
    throw new AppError('UNAVAILABLE', `the key file ${path} is not readable`);
  }
  return parsed as KeyFile;
}

/** Written whole to a new 0600 file, then renamed over the old one: never half a key file. */
function writeKeyFile(path: string, file: KeyFile): void {
  const part = `${path}.part`;
  rmSync(part, { force: true });
  createPrivateFile(part);
  writeFileSync(part, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(part, path);
}

/**
 * Finds, makes and re-wraps the key of one base. `wrappers[0]` wraps new keys (the OS key store in
 * Electron, the key file in browser mode); every wrapper is tried to unwrap.
 */
export class KeyStore {
  readonly path: string;

  constructor(
    private readonly dbPath: string,
    private readonly wrappers: readonly KeyWrapper[],
    /**
     * Keep the key wrapped by the first wrapper only: once a passphrase wraps it, the key file's own
     * wrapping is dropped, or the files on the disk alone would still open the base.
     */
    private readonly options: { onlyPrimary?: boolean } = {},
  ) {
    if (wrappers.length === 0) throw new Error('a key store needs a way to wrap its key');
    this.path = keyFilePath(dbPath);
  }

  private get primary(): KeyWrapper {
    return this.wrappers[0]!;
  }

  /** Where new and recovered keys are wrapped. */
  get primaryKind(): KeyStorageKind {
    return this.primary.kind;
  }

  async open(): Promise<KeyState> {
    const file = readKeyFile(this.path);
    if (!file) {
      // A base that exists and is not plain was encrypted with a key this folder no longer has.
      if (existsSync(this.dbPath) && !isPlainSqlite(this.dbPath)) return { kind: 'locked', why: 'noKeyFile' };
      const key = newDatabaseKey();
      writeKeyFile(this.path, {
        version: 1,
        keyCheck: keyCheck(key.bytes),
        cipher: key.cipher,
        recoveryShown: false,
        wrapped: { [this.primary.kind]: await this.primary.wrap(key.bytes) },
      });
      return { kind: 'ready', key, recoveryPending: true, storage: this.primary.kind };
    }
    for (const wrapper of this.wrappers) {
      const wrapped = file.wrapped[wrapper.kind];
      if (!wrapped) continue;
      let bytes: Buffer;
      try {
        bytes = await wrapper.unwrap(wrapped);
      } catch {
        continue;
      }
      if (!matchesKeyCheck(bytes, file.keyCheck)) continue;
      const cipher = this.cipherFor(bytes, file.cipher ?? LEGACY_CIPHER);
      const others = Object.keys(file.wrapped).some((kind) => kind !== this.primary.kind);
      if (
        !file.wrapped[this.primary.kind] ||
        (this.options.onlyPrimary && others) ||
        file.cipher !== cipher
      ) {
        const primary = wrapper === this.primary ? wrapped : await this.primary.wrap(bytes);
        writeKeyFile(this.path, {
          ...file,
          cipher,
          wrapped: this.options.onlyPrimary
            ? { [this.primary.kind]: primary }
            : { ...file.wrapped, [this.primary.kind]: primary },
        });
      }
      return {
        kind: 'ready',
        key: { bytes, cipher },
        recoveryPending: !file.recoveryShown,
        storage: this.primary.kind,
      };
    }
    return { kind: 'locked', why: 'unwrapFailed' };
  }

  /**
   * Opens with the recovery key the clerk typed: it must be this base's key (the key file's check,
   * or, without a key file, the base must open with it). The key is wrapped afresh by this
   * computer's key store, replacing wrappings that no longer unwrap.
   */
  async recover(typed: string): Promise<DatabaseKey> {
    const bytes = parseRecoveryKey(typed);
    const file = readKeyFile(this.path);
    // Without a key file the base tells the cipher: the one its key opens it with.
    const found = file
      ? null
      : existsSync(this.dbPath)
        ? cipherOf(this.dbPath, bytes, NEW_BASE_CIPHER)
        : null;
    const fits = file ? matchesKeyCheck(bytes, file.keyCheck) : found !== null;
    if (!fits) {
      throw new AppError('BAD_INPUT', "the recovery key is not this base's key", undefined, {
        reason: 'wrongRecoveryKey',
      });
    }
    const cipher = found ?? this.cipherFor(bytes, file?.cipher ?? LEGACY_CIPHER);
    writeKeyFile(this.path, {
      version: 1,
      keyCheck: keyCheck(bytes),
      cipher,
      recoveryShown: true,
      wrapped: { [this.primary.kind]: await this.primary.wrap(bytes) },
    });
    return { bytes, cipher };
  }

  /**
   * The cipher the base is in: a base not written yet (or still plain) gets AEGIS; an encrypted one
   * is asked, the key file's cipher first. It differs from the key file only when a start died
   * between converting the base and recording its cipher.
   */
  private cipherFor(bytes: Buffer, recorded: BaseCipher): BaseCipher {
    if (!existsSync(this.dbPath) || isPlainSqlite(this.dbPath)) return NEW_BASE_CIPHER;
    return cipherOf(this.dbPath, bytes, recorded) ?? recorded;
  }

  /** After the base was converted to another cipher (convert-cipher.ts). */
  recordCipher(cipher: BaseCipher): void {
    const file = readKeyFile(this.path);
    if (file && file.cipher !== cipher) writeKeyFile(this.path, { ...file, cipher });
  }

  /** Whether the key file holds a wrapping of this kind (a passphrase set before, say). */
  wraps(kind: KeyStorageKind): boolean {
    return readKeyFile(this.path)?.wrapped[kind] !== undefined;
  }

  markRecoveryShown(): void {
    const file = readKeyFile(this.path);
    if (file && !file.recoveryShown) writeKeyFile(this.path, { ...file, recoveryShown: true });
  }
}
