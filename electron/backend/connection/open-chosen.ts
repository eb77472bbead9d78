import { createBackend } from '../index';
import { startBackend, type BackendHost, type HostOptions } from '../crypto/start';
import type { KeyStore } from '../crypto/key-store';
import { connectionFilePath, readConnection } from './connection-file';
import type { SecretWrapper } from './secret-wrapper';
import { clientConfig } from './test-connection';

/**
 * Opens the base Settings chose for this start: the office server (its password unwrapped from the
 * connection file) or this computer's encrypted file. A server that cannot be opened stops the start
 * with the reason (serverDown, serverLogin, …): silently opening the local file instead would let a
 * clerk type a day's work into a base nobody else sees.
 */
export async function openChosenBase(
  options: HostOptions & { secrets: SecretWrapper },
  keys: KeyStore,
): Promise<BackendHost> {
  const chosen =
    process.env.TOURDESK_LOCAL_BASE === '1'
      ? ({ kind: 'local' } as const)
      : await readConnection(connectionFilePath(options.dbPath), options.secrets);
  if (chosen.kind === 'local') return startBackend(options, keys);
  const backend = await createBackend({
    ...options,
    postgres: { ...clientConfig(chosen.server, chosen.password ?? undefined), max: 10 },
  });
  return { dispatch: backend.dispatch, backend: () => backend, close: () => backend.close() };
}

/** What to tell whoever starts the app when the chosen server cannot be opened. */
export function serverStartHelp(dbPath: string): string {
  return (
    `To work on this computer's base instead, start with TOURDESK_LOCAL_BASE=1 and choose it in ` +
    `Settings → Base, or delete ${connectionFilePath(dbPath)}.`
  );
}
