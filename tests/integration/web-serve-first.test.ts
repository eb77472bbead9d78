import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/api/live-events';
import { backendGate } from '../../electron/web/backend-gate';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { sessionCookieName } from '../../electron/web/security';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { ivanov } from '../helpers/fixtures';

/**
 * Browser mode listens before its base is open (issue 17): the page, its scripts and the sign-in
 * are served at once, and a command sent meanwhile gets the open base's real answer.
 */
let server: WebServer | null = null;
let t: TempBackend | null = null;

afterEach(async () => {
  await server?.close();
  await t?.dispose();
  server = null;
  t = null;
});

function staticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="./assets/index-AbC123.js"></script><div id="root"></div>',
  );
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
  return dir;
}

async function signIn(to: WebServer): Promise<string> {
  const url = to.url.replace(/\/$/, '');
  const answer = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ code: to.issueLoginCode() }),
  });
  const secret = new RegExp(`${sessionCookieName(to.port)}=([^;]+)`).exec(
    answer.headers.get('set-cookie') ?? '',
  )?.[1];
  if (!secret) throw new Error(`sign-in refused: ${answer.status}`);
  return secret;
}

const settledWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('browser mode serves while its base opens', () => {
  it('signs in and serves the page and its scripts before the base is open; commands wait and get real answers', async () => {
    const gate = backendGate();
    server = await startWebServer({ dispatch: gate.dispatch, changes: gate.changes, staticDir: staticDir() });
    const url = server.url.replace(/\/$/, '');
    const session = await signIn(server);
    const cookie = `${sessionCookieName(server.port)}=${session}`;

    const page = await fetch(`${url}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const script = await fetch(`${url}/assets/index-AbC123.js`);
    expect(await script.text()).toBe('console.log(1)');
    // Named by its content: kept by the browser instead of asked again at the next start.
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const heard: ChangeEvent[] = [];
    const stopListening = gate.changes((event) => heard.push(event));
    const early = fetch(`${url}/api/clients.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: url },
      body: JSON.stringify({ limit: 100, count: false }),
    }).then(async (r) => (await r.json()) as { ok: boolean; value: { rows: { lastNameRu: string }[] } });
    expect(await settledWithin(early, 150)).toBe(false);

    t = await createTempBackend();
    const opened = t;
    await opened.call('clients.save', ivanov());
    await gate.open(async () => ({
      dispatch: opened.backend.dispatch,
      subscribe: (listener: (event: ChangeEvent) => void) => opened.backend.changes.subscribe(listener),
    }));
    const answer = await early;
    expect(answer.ok).toBe(true);
    expect(answer.value.rows.map((r) => r.lastNameRu)).toEqual(['Иванов']);
    // A listener taken before the base opened hears its changes after.
    const event: ChangeEvent = { entity: 'client', id: 1, clerk: 'anna' };
    opened.backend.changes.emit(event);
    expect(heard).toEqual([event]);
    stopListening();
  });

  it('reads the assets the page names at start, so they are served without waiting for the files while the backend loads', async () => {
    const dir = staticDir();
    writeFileSync(join(dir, 'assets', 'LoyaltyScreen-XyZ789.js'), 'console.log(2)');
    server = await startWebServer({ dispatch: backendGate().dispatch, staticDir: dir });
    rmSync(join(dir, 'assets'), { recursive: true });
    const script = await fetch(`${server.url}assets/index-AbC123.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('console.log(1)');
    // Another screen's script is read when first asked for, not at start (here: gone by then).
    expect((await fetch(`${server.url}assets/LoyaltyScreen-XyZ789.js`)).status).toBe(404);
  });

  it('is quiet while only requests that wait for the base are open, so the base can go on loading', async () => {
    const gate = backendGate();
    server = await startWebServer({ dispatch: gate.dispatch, staticDir: staticDir() });
    const url = server.url.replace(/\/$/, '');
    // The sign-in page waits for the base's language setting, a command for the base itself.
    const loginPage = fetch(`${url}/login`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await settledWithin(server.quiet(), 500)).toBe(true);
    t = await createTempBackend();
    const opened = t;
    await gate.open(async () => ({ dispatch: opened.backend.dispatch, subscribe: () => () => undefined }));
    expect(await loginPage).toContain('TourDesk');
  });

  it('refuses the waiting commands, with a reason, when the base does not open', async () => {
    const gate = backendGate();
    const waiting = gate.dispatch('app.info', {});
    await expect(gate.open(() => Promise.reject(new Error('wrong key')))).rejects.toThrow('wrong key');
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await gate.dispatch('clients.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });
});
