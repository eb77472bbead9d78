import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { sessionCookieName } from '../../electron/web/security';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { ivanov } from '../helpers/fixtures';

let t: TempBackend;
let server: WebServer;
let staticDir: string;
let session: string;

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; to?: WebServer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: (options.to ?? server).port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const origin = (to: WebServer = server) => `http://127.0.0.1:${to.port}`;
const cookie = (secret: string, to: WebServer = server) => `${sessionCookieName(to.port)}=${secret}`;

/** What the sign-in page's script does with the code from the address. */
async function signIn(code: string, to: WebServer = server): Promise<Answer & { secret: string | null }> {
  const answer = await raw('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: origin(to) },
    body: JSON.stringify({ code }),
    to,
  });
  const setCookie = [answer.headers['set-cookie'] ?? []].flat().join('\n');
  const secret = new RegExp(`${sessionCookieName(to.port)}=([^;]+)`).exec(setCookie)?.[1] ?? null;
  return { ...answer, secret };
}

const api = (name: string, input: unknown, headers: Record<string, string> = {}, to: WebServer = server) =>
  raw(`/api/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookie(session, to),
      origin: origin(to),
      ...headers,
    },
    body: JSON.stringify(input),
    to,
  });

beforeAll(async () => {
  t = await createTempBackend();
  staticDir = mkdtempSync(join(tmpdir(), 'tourdesk-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ dispatch: t.backend.dispatch, staticDir, maxBodyBytes: 10_000 });
  const signedIn = await signIn(server.issueLoginCode());
  if (!signedIn.secret) throw new Error(`sign-in refused: ${signedIn.status} ${signedIn.body}`);
  session = signedIn.secret;
});

afterAll(async () => {
  await server.close();
  await t.dispose();
});

describe('browser-mode HTTP transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('carries the same envelopes as the in-process transport', async () => {
    const saved = await t.call('clients.save', ivanov());
    const viaHttp = JSON.parse((await api('clients.get', { id: saved.id })).body);
    expect(viaHttp).toMatchObject({ ok: true, value: { id: saved.id, lastNameRu: 'Иванов', version: 1 } });
    expect(viaHttp).toEqual(await t.backend.dispatch('clients.get', { id: saved.id }));
    const stale = JSON.parse((await api('clients.save', { ...ivanov(), id: saved.id, version: 99 })).body);
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
    const unknown = JSON.parse((await api('clients.drop', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });

  it('limits the request size and rejects bodies that are not JSON', async () => {
    const big = await api('clients.list', { search: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    const notJson = await raw('/api/clients.list', {
      method: 'POST',
      headers: { cookie: cookie(session), origin: origin() },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const index = await raw('/', { headers: { cookie: cookie(session) } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await raw('/assets/app.js')).body).toBe('console.log(1)');
    expect((await raw('/../../etc/passwd')).status).toBe(404);
    expect((await raw('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});

describe('browser-mode sign-in', () => {
  it('serves pages that hold no secret: the app page is the file as built, the sign-in page has no code', async () => {
    const code = server.issueLoginCode();
    const anonymous = await raw('/');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/login');
    const login = await raw('/login');
    expect(login.status).toBe(200);
    expect(login.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await raw('/login.js');
    const index = await raw('/', { headers: { cookie: cookie(session) } });
    expect(index.body).toBe(readFileSync(join(staticDir, 'index.html'), 'utf8'));
    for (const page of [anonymous, login, script, index]) {
      expect(page.body).not.toContain(session);
      expect(page.body).not.toContain(code);
      expect(page.headers['set-cookie']).toBeUndefined();
    }
  });

  it('words the sign-in page in the language the app was set to', async () => {
    expect((await raw('/login')).body).toContain('Вход в TourDesk');
    for (const [language, words] of [
      ['fr', 'On n’entre dans TourDesk'],
      ['en', 'TourDesk is signed into'],
    ] as const) {
      await t.call('settings.set', { key: 'ui.language', value: language });
      const page = await raw('/login');
      expect(page.body).toContain(`<html lang="${language}">`);
      expect(page.body).toContain(words);
    }
    await t.call('settings.set', { key: 'ui.language', value: 'ru' });
  });

  it('refuses the API without the session cookie or with a made-up one', async () => {
    for (const headers of [{ cookie: '' }, { cookie: cookie('forged') }, { cookie: `other=${session}` }]) {
      const answer = await api('clients.list', {}, headers);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'not signed in' },
      });
    }
  });

  it('sets the session as an HttpOnly, SameSite=Strict cookie for the whole app', async () => {
    const answer = await signIn(server.issueLoginCode());
    expect(answer.status).toBe(204);
    expect(answer.headers['set-cookie']).toEqual([
      `${sessionCookieName(server.port)}=${answer.secret}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    expect(answer.secret).toMatch(/^[\w-]{43}$/);
    expect((await api('clients.list', {}, { cookie: cookie(answer.secret ?? '') })).status).toBe(200);
  });

  it('takes a code once, and not after its time', async () => {
    const code = server.issueLoginCode();
    expect((await signIn(code)).secret).not.toBeNull();
    const again = await signIn(code);
    expect(again.status).toBe(403);
    expect(again.secret).toBeNull();
    expect((await signIn('made-up-code')).status).toBe(403);

    const quick = await startWebServer({ dispatch: t.backend.dispatch, staticDir, loginCodeTtlMs: 50 });
    try {
      const late = quick.issueLoginCode();
      const inTime = quick.issueLoginCode();
      expect((await signIn(inTime, quick)).status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await signIn(late, quick)).status).toBe(403);
    } finally {
      await quick.close();
    }
  });

  it('does not take a session or a code of another run', async () => {
    const next = await startWebServer({ dispatch: t.backend.dispatch, staticDir });
    try {
      expect((await api('clients.list', {}, {}, next)).status).toBe(401);
      expect((await signIn(server.issueLoginCode(), next)).status).toBe(403);
      const own = await signIn(next.issueLoginCode(), next);
      expect((await api('clients.list', {}, { cookie: cookie(own.secret ?? '', next) }, next)).status).toBe(
        200,
      );
      expect((await api('clients.list', {}, { cookie: cookie(own.secret ?? '') })).status).toBe(401);
    } finally {
      await next.close();
    }
  });

  it('keeps the sessions of two apps on one computer apart, although cookies ignore ports', async () => {
    const other = await startWebServer({ dispatch: t.backend.dispatch, staticDir });
    try {
      // A browser's jar for 127.0.0.1: one value per cookie name, whatever the port.
      const jar = new Map<string, string>();
      const keep = (answer: Answer) => {
        for (const line of [answer.headers['set-cookie'] ?? []].flat()) {
          const pair = line.split(';')[0] ?? '';
          jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
        }
      };
      keep(await signIn(server.issueLoginCode()));
      keep(await signIn(other.issueLoginCode(), other));
      const header = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      expect((await api('clients.list', {}, { cookie: header })).status).toBe(200);
      expect((await api('clients.list', {}, { cookie: header }, other)).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('still refuses a foreign origin or host, even with the session', async () => {
    expect((await api('clients.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('clients.list', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await raw('/', { headers: { host: 'rebind.example' } })).status).toBe(403);
    const foreignSignIn = await raw('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ code: server.issueLoginCode() }),
    });
    expect(foreignSignIn.status).toBe(403);
    expect(foreignSignIn.headers['set-cookie']).toBeUndefined();
  });
});
