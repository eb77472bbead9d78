import type { KeyWrapper } from '../backend/crypto/key-wrappers';

/** The part of Electron's safeStorage the key wrapping uses (the asynchronous API: the synchronous one is deprecated). */
export interface SafeStorageApi {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

export type OsKeyWrapping = { wrapper: KeyWrapper } | { unavailable: string };

/**
 * The OS key store (Keychain, DPAPI, libsecret/KWallet) as a key wrapper. On Linux without a secret
 * service Electron falls back to `basic_text`, a fixed password: that is no protection, so it counts
 * as unavailable and the app says so and uses its key file instead.
 */
export async function osKeyWrapper(api: SafeStorageApi, platform: NodeJS.Platform): Promise<OsKeyWrapping> {
  if (!(await api.isAsyncEncryptionAvailable())) return { unavailable: 'no OS key store' };
  if (platform === 'linux' && api.getSelectedStorageBackend?.() === 'basic_text') {
    return { unavailable: 'basic_text (no secret service)' };
  }
  return {
    wrapper: {
      kind: 'os',
      wrap: async (key) => (await api.encryptStringAsync(key.toString('hex'))).toString('base64'),
      unwrap: async (wrapped) => {
        const { result } = await api.decryptStringAsync(Buffer.from(wrapped, 'base64'));
        const key = Buffer.from(result, 'hex');
        if (key.length !== 32) throw new Error('the unwrapped key has the wrong length');
        return key;
      },
    },
  };
}
