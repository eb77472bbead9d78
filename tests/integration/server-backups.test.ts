import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { ServerBackups } from '../../electron/backend/backup/pg-backups';
import { setSetting } from '../../electron/backend/settings';
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

  it('dumps rotate as the file backups do: the newest 3 of today and one per earlier day, backup.keepDays of them', async () => {
    let now = Date.parse('2027-03-01T10:00:00Z');
    const clock = { now: () => new Date(now) };
    const folder = join(dir, 'rotation');
    const dumps = new ServerBackups(
      backend.db,
      clock,
      { connectionString: databaseUrl },
      async () => folder,
      0,
    );
    await setSetting(backend.db, 'backup.keepDays', 2);
    const at = async (iso: string) => {
      now = Date.parse(iso);
      return (await dumps.create('auto')).name;
    };
    await at('2027-03-01T10:00:00Z');
    await at('2027-03-01T11:00:00Z');
    await at('2027-03-02T09:00:00Z');
    const day3early = await at('2027-03-03T09:00:00Z');
    const day3 = await at('2027-03-03T18:00:00Z');
    const today = [];
    for (const hour of ['08', '09', '10', '11']) today.push(await at(`2027-03-04T${hour}:00:00Z`));
    const left = (await dumps.list()).map((b) => b.name);
    // Today's newest three, then the newest of 3 March and of 2 March; 1 March is past keepDays.
    expect(left).toEqual([today[3], today[2], today[1], day3, expect.stringMatching(/^tourdesk-20270302-/)]);
    expect(left).not.toContain(day3early);
    expect(readdirSync(folder).sort()).toEqual(left.flatMap((n) => [n, `${n}.json`]).sort());

    // A restore's safety dump never rotates away the dump being restored, even the oldest of today.
    now = Date.parse('2027-03-04T12:00:00Z');
    const { safety } = await dumps.restore(today[1]!);
    const after = (await dumps.list()).map((b) => b.name);
    expect(after).toContain(today[1]);
    expect(after).toContain(safety.name);
    await setSetting(backend.db, 'backup.keepDays', 10);
  }, 120_000);
});
