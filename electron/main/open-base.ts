import { app, dialog, safeStorage } from 'electron';
import type { BackendHost } from '../backend/crypto/start';
import { openChosenBase, serverStartHelp } from '../backend/connection/open-chosen';
import { secretWrapperFromKeyFile } from '../backend/connection/secret-wrapper';
import { KeyStore } from '../backend/crypto/key-store';
import { fileKeyWrapper } from '../backend/crypto/key-wrappers';
import { osKeyWrapper } from './key-wrapping';
import { osSecretWrapper } from './secret-wrapping';
import { askLocalInstead } from './server-down';

/**
 * Opens the chosen base (this computer's file or the office server). Loaded by index.ts after the
 * window is created: the backend's modules are most of the start, and the page loads meanwhile.
 * A base that cannot be opened throws with the reason and what to do instead.
 */
export async function openChosenForWindow(userData: string, dbPath: string): Promise<BackendHost> {
  try {
    // The base's key is wrapped by the OS key store; without one the key file of browser mode is
    // used, and said so, never a plain base.
    const os = await osKeyWrapper(safeStorage, process.platform);
    if ('unavailable' in os)
      console.warn(
        `The OS key store is unavailable (${os.unavailable}): the database key is kept in a private file.`,
      );
    const wrappers = 'wrapper' in os ? [os.wrapper, fileKeyWrapper(userData)] : [fileKeyWrapper(userData)];
    // Or the office server Settings chose, its password kept by the same key store.
    const secrets =
      'wrapper' in os ? osSecretWrapper(safeStorage) : secretWrapperFromKeyFile(fileKeyWrapper(userData));
    return await openChosenBase(
      // Answer first; quick_check in the background (a damaged page met before it: read-only at once).
      { dbPath, appVersion: app.getVersion(), secrets, deferIntegrityCheck: true },
      new KeyStore(dbPath, wrappers),
      askLocalInstead(dialog, app.getLocale()),
    );
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${serverStartHelp(dbPath)}`);
  }
}
