import type { KeyWrapper } from '../crypto/key-wrappers';

/** Keeps a short secret (the server password) wrapped: by the OS key store in Electron, a key file otherwise. */
export interface SecretWrapper {
  readonly kind: 'os' | 'file';
  wrap(secret: string): Promise<string>;
  unwrap(wrapped: string): Promise<string>;
}

/** The base key's file wrapper (AES-256-GCM with the private master key file) reused for a text secret. */
export function secretWrapperFromKeyFile(keys: KeyWrapper): SecretWrapper {
  return {
    kind: 'file',
    wrap: (secret) => keys.wrap(Buffer.from(secret, 'utf8')),
    unwrap: async (wrapped) => (await keys.unwrap(wrapped)).toString('utf8'),
  };
}
