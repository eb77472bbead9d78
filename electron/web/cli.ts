import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend';
import { transferDir } from '../backend/backup/transfer-files';
import { openChosenBase, serverStartHelp } from '../backend/connection/open-chosen';
import { askLocalOnTerminal } from './ask-local';
import { secretWrapperFromKeyFile } from '../backend/connection/secret-wrapper';
import { KeyStore } from '../backend/crypto/key-store';
import { fileKeyWrapper, MIN_KEY_PASSPHRASE, passphraseKeyWrapper } from '../backend/crypto/key-wrappers';
import { acquireLockFile } from '../backend/db/lock-file';
import { ensurePrivateDir } from '../backend/db/private-files';
import { defaultDatabasePath, defaultUserDataDir } from '../backend/paths';
import { findChromium, openAppWindow, writeLaunchPage } from './open-browser';
import { askPassphrase } from './passphrase-prompt';
import { LOGIN_CODE_TTL_MS } from './security';
import { defaultStaticDir, startWebServer } from './server';

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Browser mode: `node out/main/web.js [--db FILE] [--port N] [--no-open] [--passphrase]`. No secret on the command
 * line: the browser is signed in with a one-time code (see server.ts), and Enter prints a new
 * sign-in address for a browser opened by hand.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '0' },
      static: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      passphrase: { type: 'boolean', default: false },
    },
  });
  const dbPath = values.db ?? defaultDatabasePath();
  if (dbPath !== ':memory:') {
    ensurePrivateDir(dirname(dbPath), dbPath === defaultDatabasePath());
    // One app per base: a second start on the same file says so and leaves it alone.
    const lock = acquireLockFile(dbPath);
    if (!lock.acquired) {
      const owner = lock.owner ? ` (process ${lock.owner.pid} on ${lock.owner.host})` : '';
      console.log(
        `TourDesk is already running on ${dbPath}${owner}: use its window, or stop it first. ` +
          `If it is not running, delete ${lock.path}.`,
      );
      return;
    }
  }
  // The base is encrypted; its key is wrapped with the key file beside it (the 0700 user-data folder by default).
  const backend =
    dbPath === ':memory:'
      ? await createBackend({ dbPath, appVersion: appVersion() })
      : // Or the office server, when Settings chose it (its password wrapped with the same key file).
        await openChosenBase(
          {
            dbPath,
            appVersion: appVersion(),
            secrets: secretWrapperFromKeyFile(fileKeyWrapper(dirname(dbPath))),
            // Answer first; quick_check in the background (a damaged page met before it: read-only at once).
            deferIntegrityCheck: true,
          },
          values.passphrase
            ? await passphraseKeyStore(dbPath)
            : new KeyStore(dbPath, [fileKeyWrapper(dirname(dbPath))]),
          process.stdin.isTTY ? askLocalOnTerminal : undefined,
        ).catch((error: unknown) => {
          throw new Error(
            `${error instanceof Error ? error.message : String(error)}\n${serverStartHelp(dbPath)}`,
          );
        });
  const server = await startWebServer({
    dispatch: backend.dispatch,
    changes: (listener) =>
      ('changes' in backend ? backend.changes : backend.backend()?.changes)?.subscribe(listener) ??
      (() => undefined),
    staticDir: values.static ?? defaultStaticDir(__dirname),
    port: Number(values.port),
    ...(dbPath === ':memory:' ? {} : { transferDir: transferDir(dbPath) }),
  });
  console.log(`TourDesk browser mode: ${server.url}`);
  console.log(`Database: ${dbPath}`);
  const printSignIn = () =>
    console.log(
      `Sign-in address (works once, within ${LOGIN_CODE_TTL_MS / 1000} s; Enter prints a new one): ` +
        `${server.url}login#code=${server.issueLoginCode()}`,
    );
  createInterface({ input: process.stdin }).on('line', printSignIn);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await backend.close();
    console.log('TourDesk stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  // Without a window the server keeps running: the clerk opens the address by hand.
  const keepServing = (why: string) => {
    console.log(`${why} Open the sign-in address below in a browser. Press Ctrl+C to stop TourDesk.`);
    printSignIn();
  };
  if (values['no-open']) return keepServing('--no-open: no browser window is opened.');
  if (process.env.TOURDESK_NO_BROWSER === '1')
    return keepServing('TOURDESK_NO_BROWSER=1: no browser window is opened.');
  const browser = findChromium();
  if (!browser) return keepServing('No Chromium or Chrome found.');
  const launch = writeLaunchPage(`${server.url}login#code=${server.issueLoginCode()}`);
  setTimeout(launch.remove, LOGIN_CODE_TTL_MS).unref();
  process.on('exit', launch.remove);
  const startedAt = Date.now();
  const child = openAppWindow(browser, launch.url, join(defaultUserDataDir(), 'browser-profile'));
  child.on('exit', (code) => {
    // A browser that fails or quits at once never showed a window (no display, a sandbox refusal):
    // the address must stay alive. Closing a window that was used ends the app, as Electron does.
    if (code === 0 && Date.now() - startedAt > BROWSER_FAILED_WITHIN_MS) void shutdown();
    else keepServing('The browser window could not be opened.');
  });
  child.on('error', () => keepServing('Could not start the browser.'));
}

const BROWSER_FAILED_WITHIN_MS = 5000;
const PASSPHRASE_TRIES = 3;

/**
 * `--passphrase`: the base's key is wrapped by a passphrase typed on the terminal instead of the key
 * file (whose wrapping is dropped once the passphrase wraps the key). A new passphrase is typed
 * twice; a wrong one is asked again, and after three the app starts on its recovery-key screen.
 */
async function passphraseKeyStore(dbPath: string): Promise<KeyStore> {
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
