import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/envelope';
import type { cryptoContract } from '../../../shared/api/crypto-contract';
import type { Clock } from '../../../shared/domain/clock';
import type { Handlers } from '../dispatch';
import type { Backups } from '../backup/backups';
import { exportBase, importBase } from '../backup/base-export';
import type { DatabaseKey } from './database-key';
import type { KeyStorageKind } from './key-wrappers';
import { formatRecoveryKey } from './recovery-key';

type CryptoHandlers = Pick<Handlers, keyof typeof cryptoContract>;

/** What the app's key handling tells the backend about the key it gave (see crypto/start.ts). */
export interface KeySession {
  storage: KeyStorageKind;
  recoveryPending: () => boolean;
  confirmRecoveryShown: () => void;
}

export interface CryptoDeps {
  sqlite: Database.Database;
  backups: Backups;
  key: DatabaseKey | null;
  clock: Clock;
  readOnly: boolean;
  session: KeySession | null;
  /** Records an export or import in the audit trail (the file's name, never its content). */
  audited: (action: string, name: string) => Promise<void>;
}

export function cryptoHandlers(deps: CryptoDeps): CryptoHandlers {
  const { key, session } = deps;
  return {
    'crypto.status': () => ({
      encrypted: key !== null,
      storage: session?.storage ?? null,
      recoveryKeyPending: key !== null && (session?.recoveryPending() ?? false),
      locked: false,
    }),
    'crypto.recoveryKey': () => {
      if (!key || !session?.recoveryPending()) {
        throw new AppError('FORBIDDEN', 'the recovery key is shown once, when the key is made');
      }
      return { recoveryKey: formatRecoveryKey(key) };
    },
    'crypto.confirmRecoveryKey': () => {
      session?.confirmRecoveryShown();
      return {};
    },
    'crypto.unlock': () => {
      throw new AppError('BAD_INPUT', 'the base is open already');
    },
    'backup.exportBase': async ({ passphrase }) => {
      const file = exportBase(deps.sqlite, deps.backups, key, deps.clock, passphrase);
      await deps.audited('exportBase', file.fileName);
      return file;
    },
    'backup.importBase': async ({ transfer, passphrase }) => {
      if (deps.readOnly)
        throw new AppError('READ_ONLY', 'the base is open read-only: restore a backup instead');
      const result = await importBase(deps.backups, key, transfer, passphrase);
      await deps.audited('importBase', result.safety);
      return result;
    },
  };
}

/**
 * On an office server base there is no file to encrypt or export: the server keeps its data (and
 * its disk encryption and backups are the server's business).
 */
export function serverCryptoHandlers(): CryptoHandlers {
  const onServer = () => {
    throw new AppError(
      'UNAVAILABLE',
      "the base is on the office server: encryption and whole-base copies are the server's business",
    );
  };
  return {
    'crypto.status': () => ({ encrypted: false, storage: null, recoveryKeyPending: false, locked: false }),
    'crypto.recoveryKey': onServer,
    'crypto.confirmRecoveryKey': () => ({}),
    'crypto.unlock': onServer,
    'backup.exportBase': onServer,
    'backup.importBase': onServer,
  };
}
