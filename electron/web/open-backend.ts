import { dirname } from 'node:path';
import { createBackend } from '../backend';
import { openChosenBase, serverStartHelp } from '../backend/connection/open-chosen';
import { secretWrapperFromKeyFile } from '../backend/connection/secret-wrapper';
import { KeyStore } from '../backend/crypto/key-store';
import { fileKeyWrapper, MIN_KEY_PASSPHRASE, passphraseKeyWrapper } from '../backend/crypto/key-wrappers';
import { askLocalOnTerminal } from './ask-local';
import type { GatedBackend } from './backend-gate';
import { askPassphrase } from './passphrase-prompt';

/**
 * The base of browser mode, opened behind the server (cli.ts loads this module after it listens:
 * the backend's modules are most of the start, and the page can download meanwhile).
 */
export interface BrowserModeBase extends GatedBackend {
  close: () => Promise<void>;
}

export async function openBrowserModeBase(options: {
  dbPath: string;
  appVersion: string;
  /** The key store of a base opened with --passphrase (asked before the server starts). */
  keys?: KeyStore;
}): Promise<BrowserModeBase> {
  const { dbPath, appVersion } = options;
  if (dbPath === ':memory:') {
    const backend = await createBackend({ dbPath, appVersion });
    return {
      dispatch: backend.dispatch,
      subscribe: (l) => backend.changes.subscribe(l),
      close: backend.close,
    };
  }
  // The base is encrypted; its key is wrapped with the key file beside it (the 0700 user-data folder by default).
  const host = await openChosenBase(
    {
      dbPath,
      appVersion,
      // Or the office server, when Settings chose it (its password wrapped with the same key file).
      secrets: secretWrapperFromKeyFile(fileKeyWrapper(dirname(dbPath))),
      // Answer first; quick_check in the background (a damaged page met before it: read-only at once).
      deferIntegrityCheck: true,
    },
    options.keys ?? new KeyStore(dbPath, [fileKeyWrapper(dirname(dbPath))]),
    process.stdin.isTTY ? askLocalOnTerminal : undefined,
  ).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${serverStartHelp(dbPath)}`);
  });
  return {
    dispatch: host.dispatch,
    // A base unlocked later (recovery key) has its hub then: asked at each subscription.
    subscribe: (listener) => host.backend()?.changes.subscribe(listener) ?? (() => undefined),
    close: host.close,
  };
}

const PASSPHRASE_TRIES = 3;

/**
 * `--passphrase`: the base's key is wrapped by a passphrase typed on the terminal instead of the key
 * file (whose wrapping is dropped once the passphrase wraps the key). A new passphrase is typed
 * twice; a wrong one is asked again, and after three the app starts on its recovery-key screen.
 */
export async function passphraseKeyStore(dbPath: string): Promise<KeyStore> {
  const store = (typed: string) =>
    new KeyStore(dbPath, [passphraseKeyWrapper(typed), fileKeyWrapper(dirname(dbPath))], {
      onlyPrimary: true,
    });
  const isNew = !new KeyStore(dbPath, [fileKeyWrapper(dirname(dbPath))]).wraps('passphrase');
  for (let attempt = 1; ; attempt++) {
    const typed = await askPassphrase(`Passphrase of the base ${dbPath}: `);
    const problem =
      [...typed].length < MIN_KEY_PASSPHRASE
        ? `The passphrase must have at least ${MIN_KEY_PASSPHRASE} characters.`
        : isNew && (await askPassphrase('The same passphrase again: ')) !== typed
          ? 'The two passphrases differ.'
          : null;
    if (problem !== null) {
      console.log(problem);
      // An input that ended (a pipe) or a clerk who gave up: nothing is opened.
      if (attempt >= PASSPHRASE_TRIES) throw new Error('No passphrase was given: TourDesk stops.');
      continue;
    }
    const keys = store(typed);
    if ((await keys.open()).kind === 'ready' || attempt >= PASSPHRASE_TRIES) return keys;
    console.log('This passphrase does not open the key of the base.');
  }
}
