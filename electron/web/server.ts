import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Envelope } from '../../shared/api/envelope';
import { isLanguage, type Language } from '../../shared/i18n/languages';
import type { Dispatch } from '../backend/dispatch';
import { LIVE_EVENTS_PATH, type ChangeEvent } from '../../shared/api/live-events';
import {
  CONTENT_SECURITY_POLICY,
  isSameOriginRequest,
  LOGIN_CODE_TTL_MS,
  readCookie,
  sessionCookie,
  sessionCookieName,
  SignIn,
} from './security';
import { readStatic, readStaticNow, resolveStaticPath, StaticCache } from './static-files';
import { receiveTransfer, sendTransfer } from './transfers';

// The sign-in page's text in three languages: loaded when it is first asked for, not at start.
const signInPage = () => import('./login-page');

const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
const MAX_LOGIN_BODY_BYTES = 1024;

export interface WebServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  maxBodyBytes?: number;
  /** How long a sign-in code stays valid; a minute unless a test says otherwise. */
  loginCodeTtlMs?: number;
  /** Other clerks' changes (office server), sent to the page as Server-Sent Events at /events. */
  changes?: (listener: (event: ChangeEvent) => void) => () => void;
  /** Where whole-base exports and imports wait (see transfer-files.ts); without it /transfer answers 404. */
  transferDir?: string;
}

export interface WebServer {
  url: string;
  port: number;
  /** A one-time code for `${url}login#code=…`, for the launcher only; it is never written into a page. */
  issueLoginCode: () => string;
  close: () => Promise<void>;
  /**
   * Resolves once no page, script or sign-in is being served: the backend's start loads its next
   * part then (a request needs several turns of the event loop, each of which a part would hold).
   */
  quiet: () => Promise<void>;
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

const IMMUTABLE = 'public, max-age=31536000, immutable';

const PAGE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Browser mode: serves the built renderer and forwards POST /api/<command> to the same dispatch the
 * Electron IPC channel uses. Bound to 127.0.0.1 only; every API call must come from this server's
 * own origin and carry the session cookie, which only a one-time code from the launcher gets
 * (POST /login). Static files hold no data and no secret, so they are served to anyone local; the
 * app page itself sends a browser without a session to the sign-in page.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const signIn = new SignIn(options.loginCodeTtlMs ?? LOGIN_CODE_TTL_MS);
  const assets = new StaticCache();
  assets.preload(options.staticDir);
  let port = 0;

  const hasSession = (req: IncomingMessage) =>
    signIn.isSession(readCookie(req.headers.cookie, sessionCookieName(port)));

  async function readJson(
    req: IncomingMessage,
    res: ServerResponse,
    limit: number,
  ): Promise<{ value: unknown } | null> {
    let body: string;
    try {
      body = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        fail(res, 413, 'TOO_LARGE', `request body over ${limit} bytes`);
        return null;
      }
      throw error;
    }
    try {
      return { value: body === '' ? {} : (JSON.parse(body) as unknown) };
    } catch {
      fail(res, 400, 'BAD_INPUT', 'body is not JSON');
      return null;
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return fail(res, 405, 'BAD_INPUT', 'use POST');
    if (!hasSession(req)) return fail(res, 401, 'FORBIDDEN', 'not signed in');
    const input = await readJson(req, res, maxBody);
    if (input) sendJson(res, 200, await options.dispatch(name, input.value));
  }

  /** Whole-base exports and imports as streams (transfer-files.ts), with the API's session. */
  async function handleTransfer(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!hasSession(req)) return fail(res, 401, 'FORBIDDEN', 'not signed in');
    const dir = options.transferDir;
    if (!dir) return fail(res, 404, 'NOT_FOUND', 'no transfers here');
    if (path === '/transfer') {
      if (req.method !== 'POST') return fail(res, 405, 'BAD_INPUT', 'use POST');
      return sendJson(res, 200, { ok: true, value: { transfer: await receiveTransfer(req, dir) } });
    }
    if (req.method !== 'GET') return fail(res, 405, 'BAD_INPUT', 'use GET');
    sendTransfer(res, dir, path.slice('/transfer/'.length), new URL(req.url ?? '/', 'http://x').searchParams);
  }

  /** Live updates (issue 14): one event stream per open page, ids only, for a signed-in page alone. */
  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return fail(res, 405, 'BAD_INPUT', 'use GET');
    if (!hasSession(req)) return fail(res, 401, 'FORBIDDEN', 'not signed in');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': live\n\n');
    const stop = options.changes?.((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    // A comment now and then keeps the browser from taking a quiet stream for a dead one.
    const beat = setInterval(() => res.write(': beat\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(beat);
      stop?.();
    });
  }

  async function pageLanguage(): Promise<Language> {
    const stored = await options.dispatch('settings.get', { key: 'ui.language' });
    return stored.ok && isLanguage((stored.value as { value: unknown }).value)
      ? (stored.value as { value: Language }).value
      : 'ru';
  }

  async function handleLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' || req.method === 'HEAD') {
      res.writeHead(200, {
        ...PAGE_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      const [{ loginPage }, language] = await Promise.all([signInPage(), pageLanguage()]);
      res.end(req.method === 'HEAD' ? undefined : loginPage(language));
      return;
    }
    if (req.method !== 'POST') return fail(res, 405, 'BAD_INPUT', 'use GET or POST');
    const input = await readJson(req, res, MAX_LOGIN_BODY_BYTES);
    if (!input) return;
    const code = (input.value as { code?: unknown } | null)?.code;
    const secret = typeof code === 'string' ? signIn.redeem(code) : null;
    if (!secret) return fail(res, 403, 'FORBIDDEN', 'sign-in code unknown, used or expired');
    res.writeHead(204, { 'set-cookie': sessionCookie(secret, port), 'cache-control': 'no-store' });
    res.end();
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'BAD_INPUT', 'use GET');
    if (path === '/login.js') {
      res.writeHead(200, {
        ...PAGE_HEADERS,
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : (await signInPage()).LOGIN_SCRIPT);
      return;
    }
    const wantsIndex = path === '/' || path === '/index.html';
    if (wantsIndex && !hasSession(req)) {
      res.writeHead(303, { location: '/login', 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const file = resolveStaticPath(options.staticDir, wantsIndex ? '/index.html' : path);
    const hashed = path.startsWith('/assets/');
    const found = !file
      ? null
      : hashed
        ? await assets.read(file)
        : wantsIndex
          ? readStaticNow(file)
          : await readStatic(file);
    if (!found) return fail(res, 404, 'NOT_FOUND', 'no such file');
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': found.contentType,
      // Vite names each asset by its content: a name never gets other bytes, so the browser keeps it.
      'cache-control': wantsIndex ? 'no-store' : hashed ? IMMUTABLE : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : found.body);
  }

  // Pages, scripts and sign-ins being served (not commands: those may wait for the backend itself).
  let serving = 0;
  const whenQuiet: (() => void)[] = [];
  const track = (res: ServerResponse) => {
    serving++;
    res.once('close', () => {
      serving--;
      if (serving === 0) for (const resume of whenQuiet.splice(0)) resume();
    });
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    const host = req.headers.host;
    const origin = req.headers.origin;
    if (!isSameOriginRequest(host, origin, port)) {
      fail(res, 403, 'FORBIDDEN', 'foreign host or origin');
      return;
    }
    if (path === LIVE_EVENTS_PATH) return handleEvents(req, res);
    // The sign-in page asks the base for its language: counted, it would hold the base's own start.
    const waitsForBase =
      path.startsWith('/api/') || path.startsWith('/transfer') || path === LIVE_EVENTS_PATH;
    if (!waitsForBase && !(path === '/login' && req.method !== 'POST')) track(res);
    const task = path.startsWith('/api/')
      ? handleApi(req, res, path.slice('/api/'.length))
      : path === '/transfer' || path.startsWith('/transfer/')
        ? handleTransfer(req, res, path)
        : path === '/login'
          ? handleLogin(req, res)
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
    issueLoginCode: () => signIn.issueCode(),
    quiet: () =>
      serving === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenQuiet.push(resolve)),
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
