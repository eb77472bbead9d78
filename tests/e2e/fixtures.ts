import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore } from '../../electron/backend/crypto/key-store';
import { fileKeyWrapper } from '../../electron/backend/crypto/key-wrappers';
import { sessionCookieOf } from '../helpers/session-cookie';

export interface AppServer {
  url: string;
  dbPath: string;
  /** A fresh one-time sign-in address, as the launcher prints it when Enter is pressed. */
  signInUrl: () => Promise<string>;
  /** Calls the API as the page does (a session cookie of its own, same origin): for seeding data quickly. */
  api: (name: string, input: unknown) => Promise<unknown>;
  /** The session cookie the harness signed in with, for tests of the API's own refusals. */
  session: string;
}

/** Lines the server prints, each matched once, in order. */
function printedLines(child: ChildProcess) {
  let output = '';
  let seen = 0;
  const waiters: (() => void)[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  const next = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not print ${pattern}: ${output}`)), 45_000);
      const look = () => {
        const lines = output.split('\n').slice(seen);
        const index = lines.findIndex((line) => pattern.test(line));
        if (index === -1) return void waiters.push(look);
        seen += index + 1;
        clearTimeout(timer);
        resolve(pattern.exec(lines[index] ?? '')?.[1] ?? '');
      };
      look();
    });
  child.on('exit', (code) => {
    output += `\n(server exited with ${code})`;
  });
  return next;
}

/** `prepare` writes files beside the base before the server starts (a connection file: an office server base). */
export async function startServer(
  options: { prepare?: (dbPath: string) => void } = {},
): Promise<{ server: AppServer; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-e2e-'));
  const dbPath = join(dir, 'e2e.sqlite');
  options.prepare?.(dbPath);
  // The base's key made beforehand, as browser mode makes it, with its recovery key taken as shown:
  // the once-only recovery-key dialog would cover every screen (recovery-key.spec.ts shows it).
  const keys = new KeyStore(dbPath, [fileKeyWrapper(dir)]);
  await keys.open();
  keys.markRecoveryShown();
  // No secret on the command line: the harness reads the sign-in address the launcher prints.
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/main/web.js', '--db', dbPath, '--port', '0', '--no-open'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const next = printedLines(child);
  const url = await next(/browser mode: (http:\/\/\S+)/);
  let pending = Promise.resolve('');
  const signInUrl = () => {
    pending = pending
      .catch(() => '')
      .then(() => {
        child.stdin?.write('\n');
        return next(/Sign-in address .*: (http:\/\/\S+)/);
      });
    return pending;
  };
  const origin = url.replace(/\/$/, '');
  const firstSignIn = await next(/Sign-in address .*: (http:\/\/\S+)/);
  const signedIn = await fetch(`${url}login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ code: new URL(firstSignIn).hash.replace('#code=', '') }),
  });
  const session = new RegExp(`${sessionCookieOf(url)}=([^;]+)`).exec(
    signedIn.headers.get('set-cookie') ?? '',
  )?.[1];
  if (!session) throw new Error(`the harness could not sign in: ${signedIn.status}`);
  const api = async (name: string, input: unknown) => {
    const response = await fetch(`${url}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${sessionCookieOf(url)}=${session}`, origin },
      body: JSON.stringify(input),
    });
    const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
    return envelope.value;
  };
  return {
    server: { url, dbPath, api, signInUrl, session },
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Each test gets its own server and its own SQLite file, so tests never see each other's data. */
export const test = base.extend<{ app: AppServer; openApp: (page?: Page) => Promise<Page> }>({
  app: async ({}, use) => {
    const { server, stop } = await startServer();
    await use(server);
    stop();
  },
  // Every page signs in the way the launcher's browser window does: the one-time address, then the app.
  openApp: async ({ app, page }, use) => {
    await use(async (target = page) => {
      await target.goto(await app.signInUrl());
      await target.waitForURL(app.url);
      await target.getByTestId('clients-count').waitFor();
      return target;
    });
  },
});

export { expect } from '@playwright/test';
