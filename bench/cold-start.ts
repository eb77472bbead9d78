import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { KeyStore } from '../electron/backend/crypto/key-store';
import { fileKeyWrapper } from '../electron/backend/crypto/key-wrappers';
import { sessionCookieOf } from '../tests/helpers/session-cookie';
import { chromiumExecutable } from '../tests/helpers/chromium';
import { printRatio } from './scale';
import { flushToDisk } from './disk';

/** The build the app is launched from: `out` (npm run build), or BENCH_OUT (a copy of it). */
export const BUILD = process.env.BENCH_OUT ?? join(__dirname, '..', 'out');

/**
 * Resolves with the first capture of `pattern` in the child's output. The app's first start on the
 * copy encrypts it and backs it up, minutes for a million clients on a busy machine.
 */
export function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`not printed ${pattern}: ${output}`)), 600_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = pattern.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1] ?? '');
      }
    });
  });
}

/**
 * A bare Node + SQLite server on the same file: opens it, answers the first page of clients, and
 * serves a page that fetches them and shows them as a table (the bare first paint).
 */
const BARE_SERVER = `
const http = require('node:http');
const Database = require(process.argv[2]);
const db = new Database(process.argv[1]);
const page = db.prepare('SELECT * FROM clients WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 100');
const html = '<!doctype html><meta charset="utf-8"><table id="t"></table><script>' +
  'fetch("/api/clients.list",{method:"POST"}).then(r=>r.json()).then(a=>{' +
  'document.getElementById("t").innerHTML=a.value.rows.map((r,i)=>' +
  '"<tr role=row aria-rowindex="+(i+1)+"><td role=gridcell>"+r.last_name_ru+"</td><td>"+r.first_name_ru+"</td></tr>").join("")})' +
  '</script>';
const server = http.createServer((req, res) => {
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html');
    return res.end(html);
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ ok: true, value: { rows: page.all() } }));
});
server.listen(0, '127.0.0.1', () => console.log('listening http://127.0.0.1:' + server.address().port + '/'));
`;

/** Stops a server and waits until it has let go of the base (its lock) before the next one starts. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function launchBare(dbPath: string): { child: ChildProcess; start: number; url: Promise<string> } {
  const start = performance.now();
  const child = spawn(process.execPath, ['-e', BARE_SERVER, dbPath, require.resolve('better-sqlite3')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return { child, start, url: printed(child, /listening (\S+)/) };
}

async function bareFirstAnswer(dbPath: string): Promise<number> {
  const bare = launchBare(dbPath);
  try {
    const url = await bare.url;
    await (await fetch(`${url}api/clients.list`, { method: 'POST' })).json();
    return performance.now() - bare.start;
  } finally {
    await stop(bare.child);
  }
}

/**
 * The first row painted and no row left waiting for its page, checked at every animation frame: a
 * locator's wait polls at growing intervals (up to half a second apart), which the figure would carry.
 */
async function rowsPainted(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[role=row][aria-rowindex="1"] [role=gridcell]') !== null &&
      !document.querySelector('.placeholder-bar'),
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
}

/** Launch to the first row painted by the bare server's page, in a tab opened before the launch. */
async function bareFirstPaint(dbPath: string, page: Page): Promise<number> {
  const bare = launchBare(dbPath);
  try {
    await page.goto(await bare.url);
    await rowsPainted(page);
    return performance.now() - bare.start;
  } finally {
    await stop(bare.child);
  }
}

/**
 * The longest API round trip from the first answer until the start backup is kept: the start check,
 * the start-up writes and the backup all run then, and none may hold the app's answers up.
 */
async function longestAnswerDuringStart(dbPath: string): Promise<{ longestMs: number; backupMs: number }> {
  const folder = join(dirname(dbPath), 'backups');
  const app = await launchApp(dbPath);
  try {
    let longestMs = 0;
    // Its record is written once the copy is made and checked (rotation keeps the count at 3).
    const deadline = performance.now() + 60_000;
    let kept = false;
    while (!kept && performance.now() < deadline) {
      const t = performance.now();
      await apiCall(app, 'app.info', {});
      longestMs = Math.max(longestMs, performance.now() - t);
      kept = newestStartBackupAfter(folder, app.startedAt);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { longestMs, backupMs: performance.now() - app.start };
  } finally {
    await stop(app.child);
  }
}

function newestStartBackupAfter(folder: string, since: number): boolean {
  if (!existsSync(folder)) return false;
  return readdirSync(folder).some(
    (name) => name.endsWith('-start.sqlite.json') && statSync(join(folder, name)).mtimeMs >= since,
  );
}

async function apiCall(app: AppStart, command: string, input: object): Promise<unknown> {
  const answer = await fetch(`${app.url}api/${command}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `${sessionCookieOf(app.url)}=${app.session}`,
      origin: app.url.replace(/\/$/, ''),
    },
    body: JSON.stringify(input),
  });
  return answer.json();
}

interface AppStart {
  child: ChildProcess;
  url: string;
  start: number;
  /** Date.now() at the launch, to compare with file times. */
  startedAt: number;
  session: string;
}

/**
 * The launched app's user-data folder (XDG_CONFIG_HOME) is the benchmark's own, beside its base: the
 * compiled code it keeps between launches (electron/boot/code-cache.ts) is then the benchmark's.
 */
function configHomeOf(dbPath: string): string {
  return join(dirname(dbPath), 'config');
}

/** Forgets the compiled code kept by earlier launches: the first launch after an install or upgrade. */
function forgetCompiledCode(dbPath: string): void {
  rmSync(join(configHomeOf(dbPath), 'TourDesk', 'code-cache'), { recursive: true, force: true });
}

/** Launches browser mode in a fresh process and signs in as the launcher's window does. */
async function launchApp(dbPath: string): Promise<AppStart> {
  const start = performance.now();
  const startedAt = Date.now();
  const child = spawn(
    process.execPath,
    [join(BUILD, 'main', 'web.js'), '--db', dbPath, '--port', '0', '--no-open'],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, XDG_CONFIG_HOME: configHomeOf(dbPath) } },
  );
  const { url, session } = await signInAs(child);
  return { child, url, start, startedAt, session };
}

/** Waits for the launcher's sign-in address and trades its one-time code for a session cookie. */
export async function signInAs(
  child: ChildProcess,
): Promise<{ url: string; session: string; printedAt: number }> {
  const signIn = await printed(child, /Sign-in address .*: (http:\/\/\S+)/);
  const printedAt = Date.now();
  const url = signIn.replace(/login#code=.*$/, '');
  const response = await fetch(`${url}login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url.replace(/\/$/, '') },
    body: JSON.stringify({ code: new URL(signIn).hash.replace('#code=', '') }),
  });
  const session = new RegExp(`${sessionCookieOf(url)}=([^;]+)`).exec(
    response.headers.get('set-cookie') ?? '',
  )?.[1];
  if (!session) throw new Error(`sign-in refused: ${response.status}`);
  return { url, session, printedAt };
}

/**
 * Launch to the answer of the clients screen's first request: a page without the total (the screen
 * counts in a request of its own after it), the same page the bare server answers.
 */
async function appFirstAnswer(dbPath: string): Promise<number> {
  const app = await launchApp(dbPath);
  try {
    await apiCall(app, 'clients.list', { limit: 100, count: false });
    return performance.now() - app.start;
  } finally {
    await stop(app.child);
  }
}

/** Launches per first-answer figure (the median is printed): one launch moves by ±10 ms here. */
const LAUNCHES = 7;

/**
 * Cold start, first paint and the renderer's heap after scrolling the whole list, each from a fresh
 * server process on the base (closed by the caller first: one program holds a base at a time).
 */
export async function benchColdStart(basePath: string, clients: number): Promise<void> {
  // Copies: the app encrypts a plain base at its first start and backs it up, and the benchmark's
  // base must stay as it is for the next run. That first start is not timed. The bare server reads a
  // plain copy of its own, so that the two are launched in turns.
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-cold-'));
  const dbPath = join(dir, 'cold.sqlite');
  const plainPath = join(dir, 'plain.sqlite');
  const source = new Database(basePath);
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  copyFileSync(basePath, dbPath);
  copyFileSync(basePath, plainPath);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  try {
    await appFirstAnswer(dbPath);
    // That start rewrote the whole file encrypted: its pages go to the disk now, not in the kernel's
    // background writeback during the timed launches (it moved them by tens of ms on a big base).
    flushToDisk(dbPath);
    // The recovery key is shown once, at the first start, and covered every timed paint: taken as
    // shown, as a clerk does once (the e2e fixture does the same).
    new KeyStore(dbPath, [fileKeyWrapper(dir)]).markRecoveryShown();
    // Bare and app in turns: this machine's speed drifts by a tenth within a minute, and launches of
    // one after all of the other's put that drift into their ratio.
    const bare: number[] = [];
    const app: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      bare.push(await bareFirstAnswer(plainPath));
      app.push(await appFirstAnswer(dbPath));
    }
    // The tab is opened before each launch: the browser's own start is not the app's, for both.
    const barePage = await (await browser.newContext()).newPage();
    const barePaints: number[] = [];
    for (let i = 0; i < 3; i++) barePaints.push(await bareFirstPaint(plainPath, barePage));
    rmSync(plainPath, { force: true });
    const firstOfVersion: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      forgetCompiledCode(dbPath);
      firstOfVersion.push(await appFirstAnswer(dbPath));
    }
    await uiFromFreshProcess(dbPath, clients, { bare, app, barePaints, firstOfVersion }, browser);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function uiFromFreshProcess(
  dbPath: string,
  clients: number,
  runs: { bare: number[]; app: number[]; barePaints: number[]; firstOfVersion: number[] },
  browser: Browser,
) {
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
  const { bare, app, barePaints, firstOfVersion } = runs;
  printRatio(
    'launch to the first API answer (fresh process)',
    median(app),
    median(bare),
    Math.round(1.5 * median(bare)),
  );
  console.log('  (the app opens the base encrypted, as it keeps it; the bare server reads the plain copy;');
  console.log('   the budget is 1.5x the bare figure; V8 starts from the code it kept at the last launch)');
  printRatio(
    '  the same, first launch of a new version (no kept code)',
    median(firstOfVersion),
    median(bare),
  );
  const during = await longestAnswerDuringStart(dbPath);
  console.log(
    `${'longest API answer until the start backup is kept'.padEnd(52)} ${during.longestMs.toFixed(0).padStart(7)} ms  (backup kept ${during.backupMs.toFixed(0)} ms after launch; was ~3 s blocked before the worker)`,
  );

  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  const started = await launchApp(dbPath);
  try {
    await context.addCookies([
      {
        name: sessionCookieOf(started.url),
        value: started.session,
        url: started.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    await page.goto(started.url);
    await rowsPainted(page);
    const firstPaintMs = performance.now() - started.start;
    printRatio('launch to first paint of the clients list (fresh)', firstPaintMs, median(barePaints), 1000);
    console.log('  (raw: the bare server and a page that fetches the first 100 rows into a table)');

    const body = page.getByTestId('clients-grid-body');
    const steps = 200;
    const fill: number[] = [];
    for (let step = 1; step <= steps; step++) {
      const t = performance.now();
      await body.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), step / steps);
      await page.waitForFunction(() => !document.querySelector('.placeholder-bar'));
      fill.push(performance.now() - t);
    }
    await body.evaluate((el) => (el.scrollTop = 0));
    await page.waitForFunction(() => !document.querySelector('.placeholder-bar'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const pages = await page.getByTestId('clients-grid').getAttribute('data-loaded-pages');
    fill.sort((a, b) => a - b);
    console.log(
      `scrollbar dragged over ${clients.toLocaleString('en')} rows in ${steps} jumps: rows filled in p50 ${fill[steps / 2]?.toFixed(0)} ms, p95 ${fill[Math.floor(steps * 0.95)]?.toFixed(0)} ms`,
    );
    const heapMb = heap.usedSize / 1024 / 1024;
    console.log(
      `${'renderer heap after the whole list end to end'.padEnd(52)} ${heapMb.toFixed(1).padStart(7)} MB  (${pages} pages held) budget 100 MB: ${heapMb <= 100 ? 'OK' : 'OVER'}`,
    );
  } finally {
    await stop(started.child);
  }
}
