import {
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
  closeSync,
  readFileSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput } from '../../shared/domain/tour';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

const backupsFolder = () => join(t.dbPath, '..', 'backups');

describe('backups', () => {
  it('makes a verified private copy with VACUUM INTO and lists it', async () => {
    await t.call('clients.save', ivanov());
    const entry = await t.call('backup.create', {});
    expect(entry).toMatchObject({
      reason: 'manual',
      verified: true,
      counts: { clients: 1, tours: 0, tourists: 0 },
      folder: backupsFolder(),
    });
    const file = join(backupsFolder(), entry.name);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(backupsFolder()).mode & 0o777).toBe(0o700);
    expect((await t.call('backup.list', {})).map((b) => b.name)).toEqual([entry.name]);
  });

  it('restores a backup into the running app, backing up the current base first', async () => {
    const kept = await t.call('clients.save', ivanov());
    const backup = await t.call('backup.create', {});
    const later = await t.call('clients.save', ivanov({ lastNameRu: 'Петров', lastNameLat: 'PETROV' }));
    await t.call('tours.save', { ...emptyTourInput(), voucher: 'AFTER-1' });

    const { restored, safety, restartNeeded } = await t.call('backup.restore', { name: backup.name });
    expect(restored.name).toBe(backup.name);
    expect(restartNeeded).toBe(false);
    expect(safety).toMatchObject({
      reason: 'before-restore',
      counts: { clients: 2, tours: 1 },
      verified: true,
    });

    expect((await t.call('clients.list', {})).rows.map((r) => r.id)).toEqual([kept.id]);
    expect((await t.callError('clients.get', { id: later.id })).code).toBe('NOT_FOUND');
    expect((await t.call('tours.list', {})).total).toBe(0);
    // The app goes on writing into the restored base.
    const again = await t.call('clients.save', ivanov({ lastNameRu: 'Сидоров', lastNameLat: 'SIDOROV' }));
    expect((await t.call('clients.get', { id: again.id })).lastNameRu).toBe('Сидоров');

    // And the base as it was before the restore can itself be restored.
    await t.call('backup.restore', { name: safety!.name });
    expect((await t.call('clients.list', {})).total).toBe(2);
    // The trail is part of the base: it holds what the restored copy held, and then this restore.
    const audit = await t.backend.db.selectFrom('audit').selectAll().where('entity', '=', 'backup').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'restore']);
  });

  it('refuses to restore a damaged backup or an unknown name, and changes nothing', async () => {
    await t.call('clients.save', ivanov());
    const backup = await t.call('backup.create', {});
    await t.call('clients.save', ivanov({ lastNameRu: 'Петров', lastNameLat: 'PETROV' }));
    const file = join(backupsFolder(), backup.name);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, 4096);
    closeSync(fd);
    expect(await t.callError('backup.restore', { name: backup.name })).toMatchObject({
      code: 'BAD_INPUT',
      reason: 'backupDamaged',
    });
    expect((await t.callError('backup.restore', { name: '../test.sqlite' })).code).toBe('NOT_FOUND');
    expect((await t.call('clients.list', {})).total).toBe(2);
  });

  it('backs up before an import only when the base changed since the last backup', async () => {
    await t.call('clients.save', ivanov());
    const tour = await t.call('tours.save', { ...emptyTourInput(), voucher: 'IMP-1' });
    const commit = () =>
      t.call('import.commit', {
        tourId: tour.id,
        serviceIds: [],
        rows: [{ draft: { lastNameRu: 'Орлов' }, action: 'touristOnly', clientId: null }],
      });
    // A commit refused for its rows writes nothing, so it costs no copy of the base either.
    const refused = await t.callError('import.commit', {
      tourId: tour.id,
      serviceIds: [],
      rows: [
        { draft: { lastNameRu: 'Орлов', birthDate: '2030-01-01' }, action: 'touristOnly', clientId: null },
      ],
    });
    expect(refused.code).toBe('VALIDATION');
    expect(await t.call('backup.list', {})).toEqual([]);
    await commit();
    await commit();
    const reasons = (await t.call('backup.list', {})).map((b) => b.reason);
    expect(reasons).toEqual(['import', 'import']);
    // The first import's backup holds the base before it: no tourist yet.
    const first = (await t.call('backup.list', {}))[1]!;
    expect(first.counts).toMatchObject({ clients: 1, tours: 1, tourists: 0 });
    // Copied and checked in the worker thread before the import writes: kept only once it passed.
    expect((await t.call('backup.list', {})).map((b) => b.verified)).toEqual([true, true]);
  });

  it('writes to the folder chosen in the settings', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tourdesk-share-'));
    try {
      await t.call('settings.set', { key: 'backup.folder', value: folder });
      await t.call('clients.save', ivanov());
      const entry = await t.call('backup.create', {});
      expect(entry.folder).toBe(folder);
      expect(existsSync(join(folder, entry.name))).toBe(true);
      expect(existsSync(backupsFolder())).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('rotation', () => {
  it('keeps the last three of today and the newest of each earlier day, ten days by default', async () => {
    await t.dispose();
    let now = new Date(2026, 10, 1, 9, 0, 0);
    t = await createTempBackend({ clock: { now: () => new Date(now) } });
    await t.call('clients.save', ivanov());
    for (let day = 0; day < 14; day++) {
      for (const hour of [9, 12, 15, 18]) {
        now = new Date(2026, 10, 1 + day, hour, 0, 0);
        await t.call('backup.create', {});
      }
    }
    const names = (await t.call('backup.list', {})).map((b) => b.name);
    expect(names).toEqual([
      'tourdesk-20261114-180000-manual.sqlite',
      'tourdesk-20261114-150000-manual.sqlite',
      'tourdesk-20261114-120000-manual.sqlite',
      ...[13, 12, 11, 10, 9, 8, 7, 6, 5, 4].map(
        (d) => `tourdesk-202611${String(d).padStart(2, '0')}-180000-manual.sqlite`,
      ),
    ]);
    expect(readdirSync(backupsFolder()).filter((f) => f.endsWith('.sqlite'))).toHaveLength(13);
  });
});

describe('a backup from an older version', () => {
  it('is brought up to date on a copy and restored, the backup itself untouched', async () => {
    const { migrations } = await import('../../electron/backend/db/migrations');
    const Database = (await import('better-sqlite3')).default;
    await t.call('clients.save', ivanov());
    const folder = backupsFolder();
    mkdirSync(folder, { recursive: true });
    const name = 'tourdesk-20261101-090000-auto.sqlite';
    const old = new Database(join(folder, name));
    old.pragma('foreign_keys = ON');
    old.transaction(() => {
      for (const migration of migrations.slice(0, 5)) migration.up(old);
      old.pragma('user_version = 5');
    })();
    old
      .prepare(
        "INSERT INTO clients (id, last_name_ru, last_name_lat, sort_name, created_at, updated_at) VALUES (7, 'Старый', 'STARYI', 'старый', '2026-01-01', '2026-01-01')",
      )
      .run();
    old.close();
    const bytesBefore = readFileSync(join(folder, name));
    writeFileSync(
      join(folder, `${name}.json`),
      JSON.stringify({
        name,
        folder,
        createdAt: '2026-11-01T09:00:00.000Z',
        reason: 'auto',
        sizeBytes: bytesBefore.length,
        schemaVersion: 5,
        counts: { clients: 1, tours: 0, tourists: 0, dictionary: 0 },
        verified: true,
      }),
    );

    await t.call('backup.restore', { name });
    const rows = (await t.call('clients.list', {})).rows;
    expect(rows.map((r) => [r.id, r.lastNameRu])).toEqual([[7, 'Старый']]);
    // Migration 7's keys: the old card is found by its Latin spelling.
    expect((await t.call('clients.list', { search: 'STARY' })).total).toBe(1);
    expect(readFileSync(join(folder, name)).equals(bytesBefore)).toBe(true);
    expect(readdirSync(folder).filter((f) => f.startsWith('.restore-'))).toEqual([]);
  });
});

describe('restoring a damaged base', () => {
  it('stages the backup while the base is read-only and puts it in place at the next start', async () => {
    const { createBackend } = await import('../../electron/backend');
    const { generateClients } = await import('../../electron/backend/demo/generate-clients');
    const dbPath = t.dbPath;
    await t.backend.clients.insertMany(generateClients(2000, 11, '2026-01-01'));
    const backup = await t.call('backup.create', {});
    await t.call('clients.save', ivanov({ lastNameRu: 'Поздний', lastNameLat: 'POZDNII' }));
    await t.backend.close();
    const size = statSync(dbPath).size;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);

    const open = () =>
      createBackend({ dbPath, key: t.key, logger: { error: () => undefined }, backupEveryMinutes: null });
    const damaged = await open();
    const info = await damaged.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { readOnlyReason: 'damaged' } });
    const answer = await damaged.dispatch('backup.restore', { name: backup.name });
    expect(answer).toMatchObject({ ok: true, value: { restartNeeded: true, safety: null } });
    await damaged.close();

    const again = await open();
    t.backend = again;
    expect(await again.dispatch('app.info', {})).toMatchObject({ ok: true, value: { readOnly: false } });
    expect(await again.dispatch('clients.list', {})).toMatchObject({ ok: true, value: { total: 2000 } });
    expect(readdirSync(join(dbPath, '..')).filter((f) => f.includes('.damaged-'))).toHaveLength(1);
  }, 60_000);
});
