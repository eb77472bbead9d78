/** Issue 11's encryption commands, zod-free for the preload like command-names.ts. */
export const CRYPTO_COMMAND_NAMES = [
  'crypto.status',
  'crypto.recoveryKey',
  'crypto.confirmRecoveryKey',
  'crypto.unlock',
  'backup.exportBase',
  'backup.importBase',
] as const;
