import { z } from 'zod';
import type { CommandDefinitions } from './lazy-commands';
import { schemaOnce } from '../domain/schema-once';

/** The shortest passphrase a whole-base export accepts. */
export const MIN_EXPORT_PASSPHRASE = 10;

const counts = schemaOnce(() =>
  z.object({
    clients: z.number().int(),
    tours: z.number().int(),
    tourists: z.number().int(),
    dictionary: z.number().int(),
  }),
);

/** Issue 11: encryption at rest (key state, recovery key) and the whole-base encrypted export. */
export const cryptoContract = {
  'crypto.status': () => ({
    input: z.object({}),
    output: z.object({
      /** The base file is encrypted (false only for a base opened without a key, e.g. a tool). */
      encrypted: z.boolean(),
      /** Where the wrapped key lives: the OS key store, or a private key file (browser mode, or no key store). */
      storage: z.enum(['os', 'file', 'passphrase']).nullable(),
      /** The recovery key has not yet been shown and confirmed as printed or saved. */
      recoveryKeyPending: z.boolean(),
      /** The key could not be unwrapped: only `crypto.unlock` with the recovery key opens the base. */
      locked: z.boolean(),
    }),
  }),
  /** The recovery key, only while it is pending (shown once). */
  'crypto.recoveryKey': () => ({
    input: z.object({}),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'crypto.confirmRecoveryKey': () => ({
    input: z.object({}),
    output: z.object({}),
  }),
  'crypto.unlock': () => ({
    input: z.object({ recoveryKey: z.string().max(200) }),
    output: z.object({}),
  }),
  /**
   * The whole base as one file encrypted with a passphrase the clerk types, left as a transfer file
   * the shell saves where the clerk chooses (Electron's main process, or browser mode's download
   * of /transfer/<id>): a base of any size, never through a command.
   */
  'backup.exportBase': () => ({
    input: z.object({ passphrase: z.string().max(200) }),
    output: z.object({ fileName: z.string(), transfer: z.string(), sizeBytes: z.number().int() }),
  }),
  /**
   * Restores an export like a backup (the current base is backed up first): the file the shell
   * copied or streamed in as the transfer `transfer`.
   */
  'backup.importBase': () => ({
    input: z.object({ transfer: z.string().regex(/^[0-9a-f]{32}$/), passphrase: z.string().max(200) }),
    output: z.object({ safety: z.string(), counts: counts() }),
  }),
} satisfies CommandDefinitions;
