import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { osKeyWrapper, type SafeStorageApi } from '../../../electron/main/key-wrapping';

/** A stand-in for safeStorage with its own secret: a "changed keyring" is simply another instance. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageApi {
  const secret = randomBytes(32);
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available ?? true),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), data]));
    },
    decryptStringAsync: (bytes) => {
      const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const result = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      return Promise.resolve({ result, shouldReEncrypt: false });
    },
  };
}

describe('the OS key store adapter', () => {
  it('wraps a key so that only the same key store unwraps it, and never writes the key in clear', async () => {
    const store = fakeSafeStorage();
    const os = await osKeyWrapper(store, 'linux');
    if (!('wrapper' in os)) throw new Error('expected a wrapper');
    const key = randomBytes(32);
    const wrapped = await os.wrapper.wrap(key);
    expect(wrapped).not.toContain(key.toString('hex'));
    expect(Buffer.from(wrapped, 'base64').includes(key)).toBe(false);
    expect((await os.wrapper.unwrap(wrapped)).equals(key)).toBe(true);
    const other = await osKeyWrapper(fakeSafeStorage(), 'linux');
    if (!('wrapper' in other)) throw new Error('expected a wrapper');
    await expect(other.wrapper.unwrap(wrapped)).rejects.toThrow();
  });

  it('is unavailable without a key store, and on Linux with the basic_text fallback', async () => {
    expect(await osKeyWrapper(fakeSafeStorage({ available: false }), 'win32')).toEqual({
      unavailable: 'no OS key store',
    });
    expect(await osKeyWrapper(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toMatchObject({
      unavailable: expect.stringContaining('basic_text'),
    });
    // basic_text is a Linux notion: elsewhere the backend name is not consulted.
    expect(await osKeyWrapper(fakeSafeStorage({ backend: 'basic_text' }), 'darwin')).toHaveProperty(
      'wrapper',
    );
  });
});
