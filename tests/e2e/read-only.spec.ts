import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from '../../electron/backend/crypto/database-key';
import { KeyStore } from '../../electron/backend/crypto/key-store';
import { fileKeyWrapper } from '../../electron/backend/crypto/key-wrappers';
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

async function signInAt(page: Page, signIn: string) {
  await page.goto(signIn);
  await page.waitForURL(signIn.replace(/login#.*$/, ''));
}

async function expectDamagedBanner(page: Page) {
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Файл базы повреждён');
}

/** A base with many clients, loaded through the first server the way an import does. */
async function seedClients(page: Page, signIn: string) {
  await signInAt(page, signIn);
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
}

/** Overwrites `bytes` from the middle of the file with junk, page-aligned, behind SQLite's back. */
function damage(dbPath: string, bytes: number) {
  const size = statSync(dbPath).size;
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(bytes, 0x5a), 0, bytes, Math.floor((size - bytes) / 2 / 4096) * 4096);
  closeSync(fd);
}

test('a damaged base opens read-only and says so above the screen', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-damaged-'));
  const dbPath = join(dir, 'base.sqlite');
  try {
    const first = await startOn(dbPath);
    await seedClients(page, first.signIn);
    await stop(first.child);

    // 4 KB in the middle of the file overwritten.
    damage(dbPath, 4096);

    const second = await startOn(dbPath);
    try {
      await signInAt(page, second.signIn);
      await expectDamagedBanner(page);
    } finally {
      await stop(second.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a base damaged while the app runs turns read-only at the command that meets it, and the banner says so', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-damaged-later-'));
  const dbPath = join(dir, 'base.sqlite');
  try {
    const first = await startOn(dbPath);
    await seedClients(page, first.signIn);
    await stop(first.child);

    const second = await startOn(dbPath);
    try {
      await signInAt(page, second.signIn);
      // The start-up check passes on the sound file; nothing is said.
      await expect
        .poll(async () =>
          page
            .evaluate(
              async () =>
                (await (
                  await fetch('/api/app.info', {
                    method: 'POST',
                    body: '{}',
                    headers: { 'content-type': 'application/json' },
                  })
                ).json()) as { value: { checking: boolean } },
            )
            .then((r) => r.value.checking),
        )
        .toBe(false);
      await expect(page.getByTestId('read-only-banner')).toBeHidden();

      // Half the file overwritten under the running app, then a write by another connection (another
      // clerk's app on this file): the app drops its page cache and its next search reads the damage.
      damage(dbPath, Math.floor(statSync(dbPath).size / 2 / 4096) * 4096);
      const state = await new KeyStore(dbPath, [fileKeyWrapper(dir)]).open();
      if (state.kind !== 'ready') throw new Error(`the base's key: ${state.kind}`);
      const other = connect(dbPath, state.key);
      other.exec('CREATE TABLE another_connection_was_here (x)');
      other.close();
      await page.getByLabel('Поиск по фамилии').fill('Повреждённова Вера');
      await expectDamagedBanner(page);
    } finally {
      await stop(second.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
