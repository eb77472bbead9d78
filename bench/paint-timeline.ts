/**
 * Where first paint's time goes: launches browser mode on a copy of a base, opens the clients list in
 * a fresh tab and prints, from the launch, when the server was ready, each request (script, chunk,
 * style, font, API command) started and ended, the page's own marks, and the busiest main-thread
 * work of the renderer (script compile and run, style, layout) from a Chromium trace.
 *
 *   node scripts/run-ts.mjs bench/paint-timeline.ts /tmp/tourdesk-scale-bench/c20000.sqlite [runs]
 *
 * BENCH_OUT picks another build than out/.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { KeyStore } from '../electron/backend/crypto/key-store';
import { fileKeyWrapper } from '../electron/backend/crypto/key-wrappers';
import { chromiumExecutable } from '../tests/helpers/chromium';
import { sessionCookieOf } from '../tests/helpers/session-cookie';
import { BUILD, signInAs } from './cold-start';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { url?: string } };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function launch(
  dbPath: string,
): Promise<{ child: ChildProcess; epoch: number; url: string; session: string; ready: number }> {
  const epoch = Date.now();
  const child = spawn(
    process.execPath,
    [join(BUILD, 'main', 'web.js'), '--db', dbPath, '--port', '0', '--no-open'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const { url, session, printedAt } = await signInAs(child);
  return { child, epoch, url, session, ready: printedAt - epoch };
}

/** Records, in page time, when the first row is painted (checked at every frame from the start). */
const PAINT_WATCH = `
(() => {
  const check = () => {
    if (document.querySelector('[role=row][aria-rowindex="1"] [role=gridcell]') && !document.querySelector('.placeholder-bar')) {
      window.__rowsPainted = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
`;

function summariseTrace(events: TraceEvent[], origin: number, shift: number): string[] {
  const threads = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name)
      threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = [...threads].find(([, name]) => name === 'CrRendererMain')?.[0];
  const lines: string[] = [];
  const wanted =
    /^(EvaluateScript|v8\.compile|v8\.compileModule|v8\.evaluateModule|v8\.parseOnBackground|FunctionCall|ParseHTML|UpdateLayoutTree|Layout|Paint|ParseAuthorStyleSheet|TimerFire|FireAnimationFrame|RunMicrotasks|XHRReadyStateChange|v8\.run|V8\.GCScavenger|MajorGC|MinorGC)$/;
  const totals = new Map<string, { n: number; ms: number }>();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !wanted.test(e.name) || e.dur === undefined) continue;
    const key = e.name;
    const t = totals.get(key) ?? { n: 0, ms: 0 };
    t.n++;
    t.ms += e.dur / 1000;
    totals.set(key, t);
    if (e.dur >= 15_000)
      lines.push(
        `  ${((e.ts - origin) / 1000 + shift).toFixed(0).padStart(6)} ms +${(e.dur / 1000).toFixed(0).padStart(4)} ${e.name} ${e.args?.data?.url?.replace(/^.*\//, '') ?? ''}`,
      );
  }
  lines.push('  main-thread totals (nested events counted in each):');
  for (const [name, t] of [...totals].sort((a, b) => b[1].ms - a[1].ms))
    lines.push(`    ${name.padEnd(24)} ${t.ms.toFixed(0).padStart(6)} ms in ${t.n}`);
  return lines;
}

async function oneRun(dbPath: string, page: Page, trace: boolean): Promise<void> {
  const app = await launch(dbPath);
  try {
    const context = page.context();
    await context.addCookies([
      {
        name: sessionCookieOf(app.url),
        value: app.session,
        url: app.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    const browser = context.browser();
    if (trace && browser && !process.env.PROFILE_FILE)
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'blink',
          'loading',
          'blink.user_timing',
          'disabled-by-default-v8.compile',
        ],
      });
    const cdp = process.env.PROFILE_FILE && trace ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const gotoAt = Date.now() - app.epoch;
    await page.goto(app.url);
    await page.waitForFunction(
      () => (window as { __rowsPainted?: number }).__rowsPainted !== undefined,
      undefined,
      {
        timeout: 120_000,
      },
    );
    if (cdp && process.env.PROFILE_FILE) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.PROFILE_FILE, JSON.stringify(profile));
    }
    const buffer = trace && browser && !cdp ? await browser.stopTracing() : undefined;
    if (buffer && process.env.TRACE_FILE) writeFileSync(process.env.TRACE_FILE, buffer);
    const report = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (r) => ({
          name: r.name.replace(location.origin, ''),
          start: r.startTime,
          end: r.responseEnd,
          size: r.encodedBodySize,
        }),
      );
      const paints = performance.getEntriesByType('paint').map((p) => ({ name: p.name, at: p.startTime }));
      const marks = performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime }));
      return {
        origin: performance.timeOrigin,
        html: { start: nav.requestStart, end: nav.responseEnd },
        domInteractive: nav.domInteractive,
        domContentLoaded: nav.domContentLoadedEventEnd,
        resources,
        paints,
        marks,
        rows: (window as { __rowsPainted?: number }).__rowsPainted ?? NaN,
      };
    });
    const shift = report.origin - app.epoch;
    const at = (ms: number) => (ms + shift).toFixed(0).padStart(6);
    console.log(`server printed its sign-in address ${app.ready} ms after launch; page.goto at ${gotoAt} ms`);
    console.log(`${at(report.html.start)}–${at(report.html.end)} ms  index.html`);
    for (const r of report.resources)
      console.log(
        `${at(r.start)}–${at(r.end)} ms  ${r.name} ${r.size ? `(${(r.size / 1024).toFixed(0)} KB)` : ''}`,
      );
    for (const p of report.paints) console.log(`${at(p.at)} ms  ${p.name}`);
    for (const m of report.marks) console.log(`${at(m.at)} ms  mark ${m.name}`);
    console.log(
      `${at(report.domInteractive)} ms  domInteractive; ${at(report.domContentLoaded)} ms DOMContentLoaded`,
    );
    console.log(`${at(report.rows)} ms  FIRST ROWS PAINTED (launch to first paint)`);
    console.log(`page.goto to the first rows painted: ${(report.rows + shift - gotoAt).toFixed(0)} ms`);
    if (buffer) {
      const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      // Trace timestamps are monotonic µs; the navigation start anchors them to page time 0.
      const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'fetchStart');
      if (nav) for (const line of summariseTrace(events, nav.ts, shift)) console.log(line);
      else console.log('  (no navigationStart in the trace)');
    }
  } finally {
    await stop(app.child);
  }
}

async function main(): Promise<void> {
  const base = process.argv[2];
  if (!base) throw new Error('usage: paint-timeline.ts BASE.sqlite [runs]');
  const runs = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-paint-'));
  const dbPath = join(dir, 'paint.sqlite');
  const source = new Database(base, { readonly: true });
  source.close();
  copyFileSync(base, dbPath);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    // The first start encrypts the copy and backs it up: not timed.
    const first = await launch(dbPath);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await stop(first.child);
    new KeyStore(dbPath, [fileKeyWrapper(dir)]).markRecoveryShown();
    for (let i = 0; i < runs; i++) {
      console.log(`--- run ${i + 1}`);
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
      await page.addInitScript(PAINT_WATCH);
      await oneRun(dbPath, page, i === runs - 1);
      await page.context().close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
