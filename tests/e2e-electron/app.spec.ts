import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(__filename);

function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary === null)
  console.log('Electron suite skipped: the Electron binary is not installed on this machine.');

test.describe('the Electron app', () => {
  test.skip(
    binary === null,
    'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1); run where it is.',
  );

  test('opens hardened, shows the clients list and refuses navigation away', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'tourdesk-electron-'));
    const app = await electron.launch({
      executablePath: binary as string,
      args: ['.', `--user-data-dir=${userData}`],
      env: { ...process.env, XDG_CONFIG_HOME: userData },
    });
    const page = await app.firstWindow();
    await expect(page.getByTestId('clients-count')).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(
      ['invoke', 'shell'],
    );
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/app\//);
    await app.close();
  });
});
