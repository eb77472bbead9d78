import { existsSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { AppError } from '../../../shared/api/envelope';
import { createPrivateFile } from '../db/private-files';
import {
  connect,
  isPlainSqlite,
  keyCheck,
  matchesKeyCheck,
  newDatabaseKey,
  type DatabaseKey,
} from './database-key';
import type { KeyStorageKind, KeyWrapper } from './key-wrappers';
import { parseRecoveryKey } from './recovery-key';

/** The key file beside the base: the key wrapped once per way of unwrapping it, never in clear. */
interface KeyFile {
  version: 1;
  keyCheck: string;
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
  if (parsed.version !== 1 || typeof parsed.keyCheck !== 'string' || typeof parsed.wrapped !== 'object') {
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
        keyCheck: keyCheck(key),
        recoveryShown: false,
        wrapped: { [this.primary.kind]: await this.primary.wrap(key) },
      });
      return { kind: 'ready', key, recoveryPending: true, storage: this.primary.kind };
    }
    for (const wrapper of this.wrappers) {
      const wrapped = file.wrapped[wrapper.kind];
      if (!wrapped) continue;
      let key: DatabaseKey;
      try {
        key = await wrapper.unwrap(wrapped);
      } catch {
        continue;
      }
      if (!matchesKeyCheck(key, file.keyCheck)) continue;
      const others = Object.keys(file.wrapped).some((kind) => kind !== this.primary.kind);
      if (!file.wrapped[this.primary.kind] || (this.options.onlyPrimary && others)) {
        const primary = wrapper === this.primary ? wrapped : await this.primary.wrap(key);
        writeKeyFile(this.path, {
          ...file,
          wrapped: this.options.onlyPrimary
            ? { [this.primary.kind]: primary }
            : { ...file.wrapped, [this.primary.kind]: primary },
        });
      }
      return { kind: 'ready', key, recoveryPending: !file.recoveryShown, storage: this.primary.kind };
    }
    return { kind: 'locked', why: 'unwrapFailed' };
  }

  /**
   * Opens with the recovery key the clerk typed: it must be this base's key (the key file's check,
   * or, without a key file, the base must open with it). The key is wrapped afresh by this
   * computer's key store, replacing wrappings that no longer unwrap.
   */
  async recover(typed: string): Promise<DatabaseKey> {
    const key = parseRecoveryKey(typed);
    const file = readKeyFile(this.path);
    const fits = file ? matchesKeyCheck(key, file.keyCheck) : this.opensBase(key);
    if (!fits) {
      throw new AppError('BAD_INPUT', "the recovery key is not this base's key", undefined, {
        reason: 'wrongRecoveryKey',
      });
    }
    writeKeyFile(this.path, {
      version: 1,
      keyCheck: keyCheck(key),
      recoveryShown: true,
      wrapped: { [this.primary.kind]: await this.primary.wrap(key) },
    });
    return key;
  }

  private opensBase(key: DatabaseKey): boolean {
    if (!existsSync(this.dbPath)) return false;
    try {
      const db = connect(this.dbPath, key, { readonly: true, fileMustExist: true });
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

  /** Whether the key file holds a wrapping of this kind (a passphrase set before, say). */
  wraps(kind: KeyStorageKind): boolean {
    return readKeyFile(this.path)?.wrapped[kind] !== undefined;
  }

  markRecoveryShown(): void {
    const file = readKeyFile(this.path);
    if (file && !file.recoveryShown) writeKeyFile(this.path, { ...file, recoveryShown: true });
  }
}
