import { createBackend, type Backend } from '../index';
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
  /**
   * Asked, with the reason, when the chosen server cannot be opened: true opens this computer's
   * base for this run instead (the choice in Settings stays the server). Without it the start stops.
   */
  askLocalInstead?: (reason: string) => Promise<boolean>,
): Promise<BackendHost> {
  const chosen =
    process.env.TOURDESK_LOCAL_BASE === '1'
      ? ({ kind: 'local' } as const)
      : await readConnection(connectionFilePath(options.dbPath), options.secrets);
  if (chosen.kind === 'local') return startBackend(options, keys);
  let backend: Backend;
  try {
    backend = await createBackend({
      ...options,
      postgres: { ...clientConfig(chosen.server, chosen.password ?? undefined), max: 10 },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (askLocalInstead && (await askLocalInstead(reason))) return startBackend(options, keys);
    throw error;
  }
  return { dispatch: backend.dispatch, backend: () => backend, close: () => backend.close() };
}

/** What to tell whoever starts the app when the chosen server cannot be opened. */
export function serverStartHelp(dbPath: string): string {
  return (
    `To work on this computer's base instead, start with TOURDESK_LOCAL_BASE=1 and choose it in ` +
    `Settings → Base, or delete ${connectionFilePath(dbPath)}.`
  );
}
