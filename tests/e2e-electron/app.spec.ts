import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { WindowApi } from '../../shared/api/transport';

const require = createRequire(__filename);

/**
 * The installed Electron binary, found the way the electron package records it (path.txt beside
 * dist/). Requiring the package is avoided: since Electron 36 it downloads a missing binary.
 */
function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * The exact keys the preload exposes. The preload's object literal is typed `WindowApi` (no missing
 * and no extra properties), and this record must name every key of `WindowApi` and nothing else, so
 * a member added to or removed from the preload changes this list or fails the typecheck.
 */
const PRELOAD_KEYS: Record<keyof WindowApi, true> = {
  invoke: true,
  print: true,
  transfer: true,
  onChange: true,
  shell: true,
};

/** What the main process decided about the page's last attempt to navigate (see the test). */
interface NavigationDecision {
  url: string;
  prevented: boolean;
}
type DecisionHolder = typeof globalThis & { navigationDecision?: NavigationDecision };

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
      Object.keys(PRELOAD_KEYS).sort(),
    );

    // The app's own will-navigate handler was registered when the window was created, so it runs
    // before this listener, which records whether it prevented the navigation.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      if (!contents) throw new Error('no window');
      contents.once('will-navigate', (event, url) => {
        (globalThis as DecisionHolder).navigationDecision = { url, prevented: event.defaultPrevented };
      });
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect
      .poll(() => app.evaluate(() => (globalThis as DecisionHolder).navigationDecision ?? null))
      .toEqual({ url: 'https://example.com/', prevented: true });
    expect(page.url()).toMatch(/^app:\/\/app\//);
    await expect(page.getByTestId('clients-count')).toBeVisible();
    await app.close();
  });
});
