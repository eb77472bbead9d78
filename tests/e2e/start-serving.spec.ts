import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` (scripts/start.mjs, built app already in out/) as a real child process on a machine
 * where no browser window can open: it must keep serving the address it prints, say how to stop,
 * and stop cleanly on Ctrl+C.
 */
function startApp(dir: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--no-build', '--browser', '--db', join(dir, 'base.sqlite'), '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { HOME: dir, XDG_CONFIG_HOME: dir, ...env } },
  );
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  return { child, output: () => printed };
}

async function servesThenStops(dir: string, env: NodeJS.ProcessEnv, reason: RegExp): Promise<void> {
  const { child, output } = startApp(dir, env);
  try {
    await expect.poll(output, { timeout: 20_000 }).toMatch(/Sign-in address .*: http:\/\/\S+/);
    expect(output()).toMatch(reason);
    expect(output()).toContain('Press Ctrl+C to stop TourDesk');
    const url = /browser mode: (http:\/\/\S+)/.exec(output())?.[1] ?? '';
    const signIn = /Sign-in address .*: (http:\/\/\S+)/.exec(output())?.[1] ?? '';
    // Past the time a failed browser takes to give up: the address is still alive.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(child.exitCode).toBeNull();
    const page = await fetch(`${url}login`);
    expect(page.status).toBe(200);
    const origin = url.replace(/\/$/, '');
    const signedIn = await fetch(`${url}login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ code: new URL(signIn).hash.replace('#code=', '') }),
    });
    expect(signedIn.ok).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output()).toContain('TourDesk stopped.');
    await expect(fetch(`${url}login`)).rejects.toThrow();
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

test.describe('npm start where no browser window can open', () => {
  test.setTimeout(60_000);
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tourdesk-start-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('no browser on PATH: keeps serving the printed address until Ctrl+C', async () => {
    const emptyBin = join(dir, 'bin');
    mkdirSync(emptyBin);
    await servesThenStops(dir, { PATH: emptyBin }, /No Chromium or Chrome found/);
  });

  test('a browser that cannot open a window (quits at once): keeps serving until Ctrl+C', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const failing = join(bin, 'chromium');
    writeFileSync(failing, '#!/bin/sh\necho "Missing X server or $DISPLAY" >&2\nexit 1\n');
    chmodSync(failing, 0o700);
    await servesThenStops(dir, { PATH: `${bin}:/usr/bin:/bin` }, /browser window could not be opened/);
  });

  test('an environment that forbids opening a browser: keeps serving until Ctrl+C', async () => {
    await servesThenStops(
      dir,
      { PATH: process.env.PATH ?? '', TOURDESK_NO_BROWSER: '1' },
      /TOURDESK_NO_BROWSER=1/,
    );
  });
});
