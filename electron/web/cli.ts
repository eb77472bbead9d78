import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { transferDir } from '../backend/backup/transfer-files';
import { acquireLockFile } from '../backend/db/lock-file';
import { ensurePrivateDir } from '../backend/db/private-files';
import { defaultDatabasePath, defaultUserDataDir } from '../backend/paths';
import { backendGate } from './backend-gate';
import { openBaseInWorker } from './backend-in-worker';
import { findChromium, openAppWindow, writeLaunchPage } from './open-browser';
import { LOGIN_CODE_TTL_MS } from './security';
import { defaultStaticDir, startWebServer, type WebServer } from './server';

/** The backend in this thread: only for `--passphrase`, whose key store is asked for before serving. */
const inProcessBackend = () => import('./open-backend');

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
  // A passphrase is asked on the terminal before anything is served.
  const keys = values.passphrase ? await (await inProcessBackend()).passphraseKeyStore(dbPath) : undefined;
  // The base opens on the backend's thread from here, beside the server's own start: its modules
  // are most of the start. The page, its scripts and the sign-in are served meanwhile; commands wait
  // for the base at the gate.
  let server: WebServer | null = null;
  const backendStopped = (error: Error) => {
    console.error(`TourDesk's backend stopped: ${error.message}`);
    void (server?.close() ?? Promise.resolve()).then(() => process.exit(1));
  };
  const gate = backendGate();
  const opening = gate.open(() =>
    keys
      ? inProcessBackend().then((backend) =>
          backend.openBrowserModeBase({ dbPath, appVersion: appVersion(), keys }),
        )
      : openBaseInWorker(
          join(__dirname, __filename.endsWith('.ts') ? 'backend-worker-source.mjs' : 'backend-worker.js'),
          { dbPath, appVersion: appVersion(), terminal: Boolean(process.stdin.isTTY) },
          backendStopped,
        ),
  );
  let stopping = false;
  opening.catch(async (error: unknown) => {
    stopping = true;
    console.error(error instanceof Error ? error.message : error);
    await server?.close();
    process.exit(1);
  });
  const listening = await startWebServer({
    dispatch: gate.dispatch,
    changes: gate.changes,
    staticDir: values.static ?? defaultStaticDir(__dirname),
    port: Number(values.port),
    ...(dbPath === ':memory:' ? {} : { transferDir: transferDir(dbPath) }),
  });
  server = listening;
  console.log(`TourDesk browser mode: ${listening.url}`);
  console.log(`Database: ${dbPath}`);
  const printSignIn = () =>
    console.log(
      `Sign-in address (works once, within ${LOGIN_CODE_TTL_MS / 1000} s; Enter prints a new one): ` +
        `${listening.url}login#code=${listening.issueLoginCode()}`,
    );
  createInterface({ input: process.stdin }).on('line', printSignIn);

  void opening.then(
    () => console.log('Database open.'),
    () => undefined,
  );
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await listening.close();
    await (await opening.catch(() => null))?.close();
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
  const launch = writeLaunchPage(`${listening.url}login#code=${listening.issueLoginCode()}`);
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

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
