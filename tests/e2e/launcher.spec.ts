import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The launcher as a clerk starts it: it opens "the browser" itself. The browser here is a stand-in
 * that writes down its command line (what `ps` shows other local accounts) and waits; the test then
 * opens the address it was given in Chromium, as the real window would.
 */
test('the launcher signs its window in without any secret on a command line', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-launcher-'));
  const argsFile = join(dir, 'browser-args.txt');
  const fakeBrowser = join(dir, 'chromium');
  writeFileSync(
    fakeBrowser,
    `#!/bin/sh\necho "$$" > "${argsFile}.pid"\nprintf '%s\\n' "$@" > "${argsFile}"\nexec sleep 120\n`,
  );
  chmodSync(fakeBrowser, 0o700);
  const server = spawn(
    process.execPath,
    ['out/main/web.js', '--db', join(dir, 'base.sqlite'), '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CHROMIUM_PATH: fakeBrowser, HOME: dir, XDG_CONFIG_HOME: dir },
    },
  );
  let printed = '';
  server.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  try {
    await expect
      .poll(() => existsSync(argsFile) && readFileSync(argsFile, 'utf8').includes('--app='), {
        timeout: 15_000,
      })
      .toBe(true);
    const appUrl = /browser mode: (http:\/\/\S+)/.exec(printed)?.[1] ?? '';
    const args = readFileSync(argsFile, 'utf8');
    expect(args).not.toContain('code=');
    expect(printed).not.toContain('code=');
    const launch = /--app=(file:\S+)/.exec(args)?.[1] ?? '';
    const launchFile = fileURLToPath(launch);
    expect(statSync(launchFile).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(launchFile)).mode & 0o777).toBe(0o700);

    await page.goto(launch);
    await page.waitForURL(appUrl);
    await page.getByTestId('clients-count').waitFor();
    // The file is spent: opened a second time, its code is refused.
    const again = await page.context().browser()!.newPage();
    await again.goto(launch);
    await expect(again).toHaveURL(`${appUrl}login`);
    await again.getByText('Этот адрес входа уже использован или устарел').waitFor();
    await again.close();

    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    expect(existsSync(launchFile)).toBe(false);
  } finally {
    server.kill('SIGTERM');
    const pid = existsSync(`${argsFile}.pid`) ? Number(readFileSync(`${argsFile}.pid`, 'utf8')) : 0;
    try {
      if (pid > 0) process.kill(pid, 'SIGTERM');
    } catch {
      // the stand-in browser is gone already
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
