import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, TOKEN_HEADER, TOKEN_PLACEHOLDER, type WebServer } from '../../electron/web/server';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { ivanov } from '../helpers/fixtures';

let t: TempBackend;
let server: WebServer;
const token = 'test-token-123';

function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
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

const origin = () => `http://127.0.0.1:${server.port}`;
const api = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, origin: origin(), ...headers },
    body: JSON.stringify(input),
  });

beforeAll(async () => {
  t = await createTempBackend();
  const staticDir = mkdtempSync(join(tmpdir(), 'tourdesk-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    `<meta name="tourdesk-api-token" content="${TOKEN_PLACEHOLDER}">`,
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ dispatch: t.backend.dispatch, staticDir, token, maxBodyBytes: 10_000 });
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

  it('refuses a missing or wrong token, a foreign origin and a foreign host', async () => {
    expect((await api('clients.list', {}, { [TOKEN_HEADER]: 'nope' })).status).toBe(403);
    expect((await api('clients.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('clients.list', {}, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await raw('/', { headers: { host: 'rebind.example' } })).status).toBe(403);
  });

  it('limits the request size and rejects bodies that are not JSON', async () => {
    const big = await api('clients.list', { search: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    const notJson = await raw('/api/clients.list', {
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, origin: origin() },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('serves the renderer with the token and a strict CSP, and nothing outside it', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain(token);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await raw('/assets/app.js')).body).toBe('console.log(1)');
    expect((await raw('/../../etc/passwd')).status).toBe(404);
    expect((await raw('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
