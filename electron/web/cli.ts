import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { transferDir } from '../backend/backup/transfer-files';
import { acquireLockFile } from '../backend/db/lock-file';
import { ensurePrivateDir } from '../backend/db/private-files';
import { defaultDatabasePath, defaultUserDataDir } from '../backend/paths';
import { appVersion } from './app-version';
import { backendGate } from './backend-gate';
import { loadInTurns } from './load-in-turns';
import { LOGIN_CODE_TTL_MS } from './security';
import { defaultStaticDir, startWebServer } from './server';

/**
 * The backend's modules, most of the start, loaded once the server listens (see backend-gate.ts):
 * in a few parts, so the sign-in, the page and its scripts asked meanwhile are served between them.
 */
const openBackend = (quiet?: () => Promise<void>) =>
  loadInTurns(
    [
      // Our own modules, not the libraries': a whole library's namespace would be bundled whole
      // (zod with its locales: 657 KB instead of the 214 KB the app uses).
      () => import('../../shared/api/contract'),
      () => import('../backend/db/open-store'),
      () => import('../backend/repositories/clients'),
      () => import('../backend/repositories/tours'),
      () => import('../backend/repositories/reference-books'),
      () => import('../backend'),
    ],
    () => import('./open-backend'),
    quiet,
  );

/**
 * Browser mode: `node out/main/web.js [--db FILE] [--port N] [--no-open] [--passphrase]`. No secret on the command
 * line: the browser is signed in with a one-time code (see server.ts), and Enter prints a new
 * sign-in address for a browser opened by hand.
 */
async function main(appDir: string): Promise<void> {
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
  const keys = values.passphrase ? await (await openBackend()).passphraseKeyStore(dbPath) : undefined;
  const gate = backendGate();
  const server = await startWebServer({
    dispatch: gate.dispatch,
    changes: gate.changes,
    staticDir: values.static ?? defaultStaticDir(appDir),
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

  // The page, its scripts and the sign-in are served while the base opens; commands wait for it.
  const opening = gate.open(async () =>
    (await openBackend(server.quiet)).openBrowserModeBase({ dbPath, appVersion: appVersion(appDir), keys }),
  );
  void opening.then(
    () => console.log('Database open.'),
    () => undefined,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await (await opening.catch(() => null))?.close();
    console.log('TourDesk stopped.');
    process.exit(0);
  };
  opening.catch(async (error: unknown) => {
    stopping = true;
    console.error(error instanceof Error ? error.message : error);
    await server.close();
    process.exit(1);
  });
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
  // open-browser (and node:child_process, ~1 ms) only for a start that opens a window.
  const { findChromium, openAppWindow, writeLaunchPage } = await import('./open-browser');
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

/** Runs browser mode; `appDir` is the folder of the built entry (out/main), whose neighbours it serves. */
export function runBrowserMode(appDir: string): void {
  main(appDir).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

// Run as a script (tsx electron/web/cli.ts): the built app starts from start.ts instead.
if (require.main === module) runBrowserMode(__dirname);
