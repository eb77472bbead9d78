import { test as base, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppServer {
  url: string;
  token: string;
  dbPath: string;
  /** Calls the API as the page does (same token, same origin): for seeding data quickly. */
  api: (name: string, input: unknown) => Promise<unknown>;
}

async function startServer(): Promise<{ server: AppServer; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-e2e-'));
  const dbPath = join(dir, 'e2e.sqlite');
  const token = `e2e-${Math.random().toString(36).slice(2)}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/main/web.js', '--db', dbPath, '--port', '0', '--token', token, '--no-open'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /browser mode: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const api = async (name: string, input: unknown) => {
    const response = await fetch(`${url}api/${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-tourdesk-token': token,
        origin: url.replace(/\/$/, ''),
      },
      body: JSON.stringify(input),
    });
    const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
    return envelope.value;
  };
  return {
    server: { url, token, dbPath, api },
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
  openApp: async ({ app, page }, use) => {
    await use(async (target = page) => {
      await target.goto(app.url);
      await target.getByTestId('clients-count').waitFor();
      return target;
    });
  },
});

export { expect } from '@playwright/test';
