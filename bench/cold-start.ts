import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumExecutable } from '../tests/helpers/chromium';
import { printRatio } from './scale';

const SESSION_COOKIE = 'tourdesk_session';

/**
 * Resolves with the first capture of `pattern` in the child's output. The app's first start on the
 * copy encrypts it and backs it up, minutes for a million clients on a busy machine.
 */
function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
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

/** A bare Node + SQLite server on the same file: opens it, answers the first page of clients. */
const BARE_SERVER = `
const http = require('node:http');
const Database = require(process.argv[2]);
const db = new Database(process.argv[1]);
const page = db.prepare('SELECT * FROM clients WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 100');
const server = http.createServer((req, res) => {
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

async function bareFirstAnswer(dbPath: string): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, ['-e', BARE_SERVER, dbPath, require.resolve('better-sqlite3')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await printed(child, /listening (\S+)/);
    await (await fetch(`${url}api/clients.list`, { method: 'POST' })).json();
    return performance.now() - start;
  } finally {
    await stop(child);
  }
}

interface AppStart {
  child: ChildProcess;
  url: string;
  start: number;
  session: string;
}

/** Launches browser mode in a fresh process and signs in as the launcher's window does. */
async function launchApp(dbPath: string): Promise<AppStart> {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [join(__dirname, '..', 'out', 'main', 'web.js'), '--db', dbPath, '--port', '0', '--no-open'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const signIn = await printed(child, /Sign-in address .*: (http:\/\/\S+)/);
  const url = signIn.replace(/login#code=.*$/, '');
  const response = await fetch(`${url}login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url.replace(/\/$/, '') },
    body: JSON.stringify({ code: new URL(signIn).hash.replace('#code=', '') }),
  });
  const session = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!session) throw new Error(`sign-in refused: ${response.status}`);
  return { child, url, start, session };
}

async function appFirstAnswer(dbPath: string): Promise<number> {
  const app = await launchApp(dbPath);
  try {
    const answer = await fetch(`${app.url}api/clients.list`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `${SESSION_COOKIE}=${app.session}`,
        origin: app.url.replace(/\/$/, ''),
      },
      body: JSON.stringify({ limit: 100 }),
    });
    await answer.json();
    return performance.now() - app.start;
  } finally {
    await stop(app.child);
  }
}

/**
 * Cold start, first paint and the renderer's heap after scrolling the whole list, each from a fresh
 * server process on the base (closed by the caller first: one program holds a base at a time).
 */
export async function benchColdStart(basePath: string, clients: number): Promise<void> {
  // A copy: the app encrypts a plain base at its first start and backs it up, and the benchmark's
  // base must stay as it is for the next run. That first start is not timed.
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-cold-'));
  const dbPath = join(dir, 'cold.sqlite');
  const source = new Database(basePath);
  source.pragma('wal_checkpoint(TRUNCATE)');
  source.close();
  copyFileSync(basePath, dbPath);
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) bare.push(await bareFirstAnswer(dbPath));
  await appFirstAnswer(dbPath);
  const app: number[] = [];
  for (let i = 0; i < 3; i++) app.push(await appFirstAnswer(dbPath));
  try {
    await uiFromFreshProcess(dbPath, clients, bare, app);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function uiFromFreshProcess(dbPath: string, clients: number, bare: number[], app: number[]) {
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[1] ?? NaN;
  printRatio('launch to the first API answer (fresh process)', median(app), median(bare));
  console.log('  (the app opens the base encrypted, as it keeps it; the bare server reads the plain copy)');

  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  const started = await launchApp(dbPath);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
    await context.addCookies([
      { name: SESSION_COOKIE, value: started.session, url: started.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    const page = await context.newPage();
    await page.goto(started.url);
    await page.locator('[role=row][aria-rowindex="1"] [role=gridcell]').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.placeholder-bar'));
    const firstPaintMs = performance.now() - started.start;
    console.log(
      `${'launch to first paint of the clients list (fresh process)'.padEnd(52)} ${firstPaintMs.toFixed(0).padStart(7)} ms  budget 1000 ms: ${firstPaintMs <= 1000 ? 'OK' : 'OVER'}`,
    );

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
    await browser.close();
  }
}
