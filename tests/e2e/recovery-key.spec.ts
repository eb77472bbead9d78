import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCREENSHOTS = 'test-results/screenshots';

/** Browser mode on a base of its own, as a clerk starts it (no key made beforehand). */
async function startBrowserMode(dbPath: string): Promise<{ signIn: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/main/web.js', '--db', dbPath, '--port', '0', '--no-open'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  const signIn = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sign-in address: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Sign-in address[^:]*: (http\S+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
  });
  return { signIn, stop: () => child.kill() };
}

test('the recovery key is shown once at the first start, and opens the base when the key file is lost', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-e2e-recovery-'));
  const dbPath = join(dir, 'tourdesk.sqlite');
  try {
    const first = await startBrowserMode(dbPath);
    await page.goto(first.signIn);
    const dialog = page.getByRole('dialog', { name: 'Ключ восстановления базы' });
    const shown = dialog.getByTestId('recovery-key');
    await expect(shown).toHaveText(/^([0-9A-Z]{4}){14}$/);
    const recoveryKey = ((await shown.textContent()) ?? '').match(/.{4}/g)!.join('-');
    const done = dialog.getByRole('button', { name: 'Готово' });
    await expect(done).toBeDisabled();
    await dialog.getByLabel(/Я сохранил или распечатал/).check();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/recovery-key.png` });
    await done.click();
    await expect(dialog).toHaveCount(0);
    first.stop();

    // Another computer, or a keyring that changed: the wrapping key file is gone.
    rmSync(join(dir, 'tourdesk-master.key'));
    const second = await startBrowserMode(dbPath);
    await page.goto(second.signIn);
    const unlock = page.getByTestId('unlock-screen');
    await expect(unlock).toContainText('База заблокирована');
    await unlock.getByLabel('Ключ восстановления').fill('ABCD-EFGH');
    await unlock.getByRole('button', { name: 'Открыть базу' }).click();
    await expect(unlock.getByRole('alert')).toContainText('Этот ключ восстановления не от этой базы');
    await unlock.getByLabel('Ключ восстановления').fill(recoveryKey.toLowerCase());
    await page.screenshot({ path: `${SCREENSHOTS}/unlock.png` });
    await unlock.getByRole('button', { name: 'Открыть базу' }).click();
    await expect(page.getByTestId('unlock-screen')).toHaveCount(0);
    await expect(page.getByRole('dialog', { name: 'Ключ восстановления базы' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Отмена и копии' })).toBeVisible();
    second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
