import { contract, isCommandName } from '../../../shared/api/contract';
import { AppError, type Envelope } from '../../../shared/api/envelope';
import { createBackend, type Backend, type BackendOptions } from '../index';
import type { Dispatch } from '../dispatch';
import type { KeyState, KeyStore } from './key-store';
import { convertBaseCipher } from './convert-cipher';

export interface BackendHost {
  /** Answers every command: the open base's, or, while locked, only the unlock and status commands. */
  dispatch: Dispatch;
  /** The open backend, or null while the base waits for its recovery key. */
  backend: () => Backend | null;
  close: () => Promise<void>;
}

export type HostOptions = Omit<BackendOptions, 'key' | 'keySession'>;

const errorEnvelope = (error: unknown): Envelope<unknown> => {
  if (error instanceof AppError) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.detail ? { reason: error.detail.reason } : {}),
        ...(error.detail?.params ? { params: error.detail.params } : {}),
      },
    };
  }
  throw error;
};

/**
 * Starts the backend with the base's key from the key store (Electron: safeStorage; browser mode:
 * the key file). When the key cannot be unwrapped (the OS keyring changed, the key file is gone) the
 * app still starts, locked: it answers `crypto.status` (locked) and `app.info`, and
 * `crypto.unlock` with the recovery key re-wraps the key for this computer and opens the base.
 */
export async function startBackend(options: HostOptions, keys: KeyStore): Promise<BackendHost> {
  let current: Backend | null = null;
  const open = async (state: Extract<KeyState, { kind: 'ready' }>) => {
    let pending = state.recoveryPending;
    const key = convertBaseCipher(options.dbPath, state.key, {
      log: (message) => (options.logger ?? console).error(message),
    });
    if (key.cipher !== state.key.cipher) keys.recordCipher(key.cipher);
    current = await createBackend({
      ...options,
      key,
      keySession: {
        storage: state.storage,
        recoveryPending: () => pending,
        confirmRecoveryShown: () => {
          keys.markRecoveryShown();
          pending = false;
        },
      },
    });
  };
  const state = await keys.open();
  if (state.kind === 'ready') await open(state);

  const locked: Dispatch = async (name, input) => {
    if (name === 'crypto.status') {
      return { ok: true, value: { encrypted: true, storage: null, recoveryKeyPending: false, locked: true } };
    }
    if (name === 'app.info') {
      return {
        ok: true,
        value: {
          version: options.appVersion ?? '0.0.0',
          dbPath: options.dbPath,
          schemaVersion: 0,
          readOnly: true,
          readOnlyReason: null,
        },
      };
    }
    if (name !== 'crypto.unlock' || !isCommandName(name)) {
      return {
        ok: false,
        error: { code: 'UNAVAILABLE', message: 'the base is locked: open it with the recovery key' },
      };
    }
    const parsed = contract['crypto.unlock'].input.safeParse(input ?? {});
    if (!parsed.success)
      return { ok: false, error: { code: 'BAD_INPUT', message: 'invalid input for crypto.unlock' } };
    try {
      const key = await keys.recover(parsed.data.recoveryKey);
      await open({ kind: 'ready', key, recoveryPending: false, storage: keys.primaryKind });
      return { ok: true, value: {} };
    } catch (error) {
      return errorEnvelope(error);
    }
  };

  return {
    dispatch: (name, input) => (current ? current.dispatch(name, input) : locked(name, input)),
    backend: () => current,
    close: async () => {
      await current?.close();
    },
  };
}
