import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { newDatabaseKey } from '../../electron/backend/crypto/database-key';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { emptyClientInput } from '../../shared/domain/client';

const dirs: string[] = [];
const opened: Backend[] = [];
afterEach(async () => {
  for (const backend of opened.splice(0)) await backend.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const key = newDatabaseKey();
const quiet = { error: () => undefined };

/** An encrypted base of 2,000 clients, closed, in a folder of its own. */
async function base(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-startcheck-'));
  dirs.push(dir);
  const dbPath = join(dir, 'tourdesk.sqlite');
  const first = await createBackend({ dbPath, key, logger: quiet, backupEveryMinutes: null });
  await first.clients.insertMany(generateClients(2000, 11, '2026-01-01'));
  await first.close();
  return dbPath;
}

async function start(dbPath: string): Promise<Backend> {
  const backend = await createBackend({
    dbPath,
    key,
    logger: quiet,
    backupEveryMinutes: 15,
    deferIntegrityCheck: true,
  });
  opened.push(backend);
  return backend;
}

/** The backups made at start (the folder appears with the first backup). */
function startBackups(dbPath: string): string[] {
  const folder = join(dbPath, '..', 'backups');
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('-start.sqlite')) : [];
}

describe('the start-up check in the background', () => {
  it('answers before the check, then backs up at start once the base passed', async () => {
    const dbPath = await base();
    const backend = await start(dbPath);
    const info = await backend.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { readOnly: false, checking: true } });
    const page = await backend.dispatch('clients.list', { limit: 10 });
    expect(page.ok).toBe(true);
    // The start backup waits for the check: a damaged file must never rotate a good backup out.
    expect(startBackups(dbPath)).toEqual([]);

    expect(await backend.integrityChecked).toBe(true);
    expect(await backend.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { readOnly: false, readOnlyReason: null, checking: false },
    });
    expect(startBackups(dbPath)).toHaveLength(1);
    const saved = await backend.dispatch('clients.save', { ...emptyClientInput(), lastNameRu: 'Новая' });
    expect(saved.ok).toBe(true);
  });

  it('finds a damaged base after the first answer, says so and goes read-only', async () => {
    const dbPath = await base();
    // 4 KB in the middle of the file overwritten, as a failing disk or a careless copy does.
    const size = statSync(dbPath).size;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const backend = await start(dbPath);
    expect(await backend.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { readOnly: false, checking: true },
    });

    expect(await backend.integrityChecked).toBe(false);
    expect(await backend.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { readOnly: true, readOnlyReason: 'damaged', checking: false },
    });
    const save = await backend.dispatch('clients.save', { ...emptyClientInput(), lastNameRu: 'Новая' });
    expect(save).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    const setting = await backend.dispatch('settings.set', { key: 'ui.language', value: 'en' });
    expect(setting).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(startBackups(dbPath)).toEqual([]);
  });
});
