import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Envelope } from '../../shared/api/envelope';
import type { Dispatch } from '../backend/dispatch';
import { CONTENT_SECURITY_POLICY, isSameOriginRequest, tokensEqual } from './security';
import { readStatic, resolveStaticPath } from './static-files';

export const TOKEN_HEADER = 'x-tourdesk-token';
export const TOKEN_PLACEHOLDER = '__TOURDESK_API_TOKEN__';
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface WebServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  token: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return; // keep draining so the 413 answer reaches the client
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolvePromise(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(envelope));
}

function fail(
  res: ServerResponse,
  status: number,
  code: 'FORBIDDEN' | 'TOO_LARGE' | 'BAD_INPUT' | 'NOT_FOUND',
  message: string,
) {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/**
 * Browser mode: serves the built renderer and forwards POST /api/<command> to the same dispatch the
 * Electron IPC channel uses. Bound to 127.0.0.1 only; every API call must carry the per-run token
 * (handed to the page inside index.html) and come from this server's own origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return fail(res, 405, 'BAD_INPUT', 'use POST');
    const token = req.headers[TOKEN_HEADER];
    if (!tokensEqual(options.token, Array.isArray(token) ? token[0] : token)) {
      return fail(res, 403, 'FORBIDDEN', 'missing or wrong token');
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return fail(res, 413, 'TOO_LARGE', `request body over ${maxBody} bytes`);
      throw error;
    }
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return fail(res, 400, 'BAD_INPUT', 'body is not JSON');
    }
    sendJson(res, 200, await options.dispatch(name, input));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'BAD_INPUT', 'use GET');
    const wantsIndex = path === '/' || path === '/index.html';
    const file = resolveStaticPath(options.staticDir, wantsIndex ? '/index.html' : path);
    const found = file ? await readStatic(file) : null;
    if (!found) return fail(res, 404, 'NOT_FOUND', 'no such file');
    let body: Buffer | string = found.body;
    if (wantsIndex) body = found.body.toString('utf8').replace(TOKEN_PLACEHOLDER, options.token);
    res.writeHead(200, {
      'content-type': found.contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': wantsIndex ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const host = req.headers.host;
    const origin = req.headers.origin;
    if (!isSameOriginRequest(host, origin, port)) {
      fail(res, 403, 'FORBIDDEN', 'foreign host or origin');
      return;
    }
    const task = path.startsWith('/api/')
      ? handleApi(req, res, path.slice('/api/'.length))
      : handleStatic(req, res, path);
    task.catch(() => {
      if (!res.headersSent) fail(res, 400, 'BAD_INPUT', 'request failed');
      else res.destroy();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

export function defaultStaticDir(scriptDir: string): string {
  return join(scriptDir, '..', 'renderer');
}
