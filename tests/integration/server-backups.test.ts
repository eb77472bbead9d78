import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { ServerBackups } from '../../electron/backend/backup/pg-backups';
import { systemClock } from '../../shared/domain/clock';
import { ivanov } from '../helpers/fixtures';
import { testPgServer } from '../helpers/pg-server';

let dir: string;
let databaseUrl: string;
let backend: Backend;

const call = async <T>(name: string, input: unknown): Promise<T> => {
  const envelope = await backend.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tourdesk-pgdump-'));
  databaseUrl = await (await testPgServer()).createDatabase('dump');
  backend = await createBackend({
    dbPath: join(dir, 'base.sqlite'),
    postgres: { connectionString: databaseUrl, max: 3 },
    clerk: 'Админ',
    backupEveryMinutes: null,
    logger: { error: () => undefined },
  });
}, 60_000);
afterAll(async () => {
  await backend?.close();
  await (await testPgServer()).dropDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

interface Entry {
  name: string;
  folder: string;
  reason: string;
  counts: { clients: number };
  verified: boolean;
}

describe('backups of an office server base', () => {
  it('pg_dump makes a verified copy with its counts; pg_restore brings the base back, after a safety copy', async () => {
    const kept = await call<{ id: number }>('clients.save', ivanov());
    const made = await call<Entry>('backup.create', {});
    expect(made).toMatchObject({ reason: 'manual', counts: { clients: 1 }, verified: true });
    expect(made.folder).toBe(join(dir, 'backups'));
    expect(existsSync(join(made.folder, made.name))).toBe(true);

    // Work after the copy: another client, and the first one deleted.
    await call('clients.save', ivanov({ lastNameRu: 'Петров', lastNameLat: 'PETROV' }));
    const first = await call<{ version: number }>('clients.get', { id: kept.id });
    await call('clients.delete', { id: kept.id, version: first.version });

    const result = await call<{ restored: Entry; safety: Entry }>('backup.restore', { name: made.name });
    expect(result.safety).toMatchObject({ reason: 'before-restore', counts: { clients: 2 } });
    const back = await call<{ rows: { id: number; lastNameRu: string }[]; total: number }>(
      'clients.list',
      {},
    );
    expect(back.rows.map((r) => [r.id, r.lastNameRu])).toEqual([[kept.id, 'Иванов']]);
    expect((await call<Entry[]>('backup.list', {})).map((b) => b.reason).sort()).toEqual([
      'before-restore',
      'manual',
    ]);
  });

  it('without pg_dump on this computer the answer says so, for the screen to explain how the server is backed up', async () => {
    const none = new ServerBackups(
      backend.db,
      systemClock,
      { connectionString: databaseUrl },
      async () => dir,
      0,
      () => null,
    );
    await expect(none.list()).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: { reason: 'pgToolsMissing', params: { tool: 'pg_dump' } },
    });
  });
});
