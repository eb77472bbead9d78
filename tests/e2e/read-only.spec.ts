import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts browser mode on a base and reads the sign-in address it prints (--no-open prints one). */
async function startOn(dbPath: string): Promise<{ child: ChildProcess; signIn: string }> {
  const child = spawn(process.execPath, ['out/main/web.js', '--db', dbPath, '--port', '0', '--no-open'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let printed = '';
  const signIn = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sign-in address: ${printed}`)), 45_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const found = /Sign-in address .*: (http:\/\/\S+)/.exec(printed)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  return { child, signIn };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });

test('a damaged base opens read-only and says so above the screen', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-damaged-'));
  const dbPath = join(dir, 'base.sqlite');
  try {
    // A base with many clients, loaded the way an import does.
    const first = await startOn(dbPath);
    await page.goto(first.signIn);
    await page.waitForURL(first.signIn.replace(/login#.*$/, ''));
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      draft: { lastNameRu: 'Повреждённова', firstNameRu: ['Анна', 'Вера', 'Зоя'][i % 3] },
      action: 'create',
      clientId: null,
    }));
    const loaded = await page.evaluate(
      async (body) =>
        (await fetch('/api/import.commit', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((r) => r.json())) as { ok: boolean },
      { tourId: null, rows },
    );
    expect(loaded.ok).toBe(true);
    await stop(first.child);

    // 4 KB in the middle of the file overwritten.
    const size = statSync(dbPath).size;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const second = await startOn(dbPath);
    try {
      await page.goto(second.signIn);
      await page.waitForURL(second.signIn.replace(/login#.*$/, ''));
      const banner = page.getByTestId('read-only-banner');
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('Файл базы повреждён');
    } finally {
      await stop(second.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
