import type { SecretWrapper } from '../backend/connection/secret-wrapper';
import type { SafeStorageApi } from './key-wrapping';

/** The office server's password through the OS key store (the same safeStorage as the base's key). */
export function osSecretWrapper(api: SafeStorageApi): SecretWrapper {
  return {
    kind: 'os',
    wrap: async (secret) => (await api.encryptStringAsync(secret)).toString('base64'),
    unwrap: async (wrapped) => (await api.decryptStringAsync(Buffer.from(wrapped, 'base64'))).result,
  };
}
