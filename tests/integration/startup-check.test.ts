import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { connect, newDatabaseKey } from '../../electron/backend/crypto/database-key';
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

/** Overwrites 4 KB at `offset`, as a failing disk or a careless copy does. */
function overwrite(dbPath: string, offset: number): void {
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, offset);
  closeSync(fd);
}

const midFile = (dbPath: string) => Math.floor(statSync(dbPath).size / 2 / 4096) * 4096;

/** Where the root page of a table lies in the file (the cipher keeps SQLite's page positions). */
function rootPageOffset(dbPath: string, table: string): number {
  const db = connect(dbPath, key, { readonly: true, fileMustExist: true });
  try {
    const size = db.pragma('page_size', { simple: true }) as number;
    const row = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as {
      rootpage: number;
    };
    return (row.rootpage - 1) * size;
  } finally {
    db.close();
  }
}

/** The base's bytes, its WAL included: equal before and after means nothing was written. */
function fingerprint(dbPath: string): string {
  const hash = createHash('sha256').update(readFileSync(dbPath));
  const wal = `${dbPath}-wal`;
  if (existsSync(wal)) hash.update(readFileSync(wal));
  return hash.digest('hex');
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

  it('holds a write made before the check passed and saves it once it did', async () => {
    const dbPath = await base();
    const backend = await start(dbPath);
    expect(await backend.dispatch('app.info', {})).toMatchObject({ ok: true, value: { checking: true } });
    const saved = await backend.dispatch('clients.save', { ...emptyClientInput(), lastNameRu: 'Ранняя' });
    expect(saved).toMatchObject({ ok: true });
    expect(await backend.integrityChecked).toBe(true);
    const found = await backend.dispatch('clients.list', { search: 'Ранняя', limit: 5 });
    expect(found).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('turns the base damaged when the first page meets a damaged page before the check does', async () => {
    const dbPath = await base();
    overwrite(dbPath, rootPageOffset(dbPath, 'clients'));
    const before = fingerprint(dbPath);

    const backend = await start(dbPath);
    const page = await backend.dispatch('clients.list', { limit: 50 });
    expect(page).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    // Said at once, not when the background check gets there.
    expect(await backend.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { readOnly: true, readOnlyReason: 'damaged' },
    });
    const save = await backend.dispatch('clients.save', { ...emptyClientInput(), lastNameRu: 'Новая' });
    expect(save).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await backend.integrityChecked).toBe(false);
    expect(await backend.dispatch('backup.list', {})).toMatchObject({ ok: true });
    expect(startBackups(dbPath)).toEqual([]);
    await opened.splice(0, 1)[0]?.close();
    expect(fingerprint(dbPath)).toBe(before);
  });

  it('turns the base damaged when a start-up read meets a damaged page, instead of stopping', async () => {
    const dbPath = await base();
    overwrite(dbPath, rootPageOffset(dbPath, 'clerks'));
    const before = fingerprint(dbPath);

    const backend = await start(dbPath);
    expect(await backend.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { readOnly: true, readOnlyReason: 'damaged' },
    });
    expect(await backend.dispatch('settings.set', { key: 'ui.language', value: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    expect(await backend.integrityChecked).toBe(false);
    await opened.splice(0, 1)[0]?.close();
    expect(fingerprint(dbPath)).toBe(before);
  });

  it('never answers INTERNAL nor writes to a base damaged mid-file, whoever finds it first', async () => {
    const dbPath = await base();
    overwrite(dbPath, midFile(dbPath));
    const before = fingerprint(dbPath);

    const backend = await start(dbPath);
    const answers = await Promise.all([
      backend.dispatch('clients.list', { limit: 50 }),
      backend.dispatch('clients.list', { limit: 50, offset: 1000 }),
      backend.dispatch('clients.save', { ...emptyClientInput(), lastNameRu: 'Новая' }),
      backend.dispatch('tours.list', { limit: 50 }),
    ]);
    for (const answer of answers) expect(answer.ok ? 'ok' : answer.error.code).not.toBe('INTERNAL');
    expect(answers[2]).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await backend.integrityChecked).toBe(false);
    expect(await backend.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { readOnly: true, readOnlyReason: 'damaged', checking: false },
    });
    await opened.splice(0, 1)[0]?.close();
    expect(fingerprint(dbPath)).toBe(before);
  });

  it('finds a damaged base after the first answer, says so and goes read-only', async () => {
    const dbPath = await base();
    overwrite(dbPath, midFile(dbPath));

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
