import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open-database';
import { ensurePrivateDir } from '../../electron/backend/db/private-files';
import { emptyClientInput } from '../../shared/domain/client';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tourdesk-open-'));
const modeOf = (path: string) => statSync(path).mode & 0o777;

function schemaOf(db: Database.Database): string[] {
  return (
    db.prepare("SELECT type || ':' || name AS n FROM sqlite_schema ORDER BY type, name").all() as {
      n: string;
    }[]
  ).map((r) => r.n);
}

/** A base as version 6 of the app left it: its schema, one client, in WAL mode, closed cleanly. */
function baseAtVersion6(path: string): void {
  const v6 = new Database(path);
  v6.pragma('journal_mode = WAL');
  v6.pragma('foreign_keys = ON');
  v6.transaction(() => {
    for (const migration of migrations.slice(0, 6)) migration.up(v6);
    v6.pragma('user_version = 6');
  })();
  v6.prepare(
    "INSERT INTO clients (id, last_name_ru, sort_name, created_at, updated_at) VALUES (1, 'Орлова', 'орлова', 'x', 'x')",
  ).run();
  v6.close();
}

const opened: { close: () => unknown }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});

describe('upgrading the base', () => {
  // Applied after the shipped migrations: creates a table, then fails, as a bad release would.
  const failing: Migration = {
    name: 'a release that fails halfway',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x)');
      throw new Error('disk says no');
    },
  };
  const withFailure = [...migrations, failing];

  it('runs every pending migration or none: a failure leaves the file as it was and its backup intact', async () => {
    const dir = tempDir();
    const path = join(dir, 'tourdesk.sqlite');
    baseAtVersion6(path);
    const bytesBefore = readFileSync(path);
    const v6 = new Database(path, { readonly: true });
    const schemaBefore = schemaOf(v6);
    v6.close();

    const failure = openDatabase(path, { migrations: withFailure });
    await expect(failure).rejects.toThrow(
      `failed in migration ${withFailure.length} (a release that fails halfway): disk says no. Nothing was changed: the file is still at schema 6`,
    );
    // Migrations 7 to the last shipped one succeeded inside the same transaction: all rolled back.
    expect(readFileSync(path).equals(bytesBefore)).toBe(true);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(6);
    expect(schemaOf(after)).toEqual(schemaBefore);
    after.close();

    const backupPath = `${path}.before-v${withFailure.length}.bak`;
    const backupBytes = readFileSync(backupPath);
    const backup = new Database(backupPath, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(6);
    expect(backup.prepare('SELECT last_name_ru FROM clients').all()).toEqual([{ last_name_ru: 'Орлова' }]);
    backup.close();

    // A second start fails the same way; the first backup is kept and the new one goes beside it.
    await expect(openDatabase(path, { migrations: withFailure })).rejects.toThrow(/Nothing was changed/);
    expect(readFileSync(backupPath).equals(backupBytes)).toBe(true);
    expect(existsSync(`${path}.before-v${withFailure.length}.2.bak`)).toBe(true);
    expect(readFileSync(path).equals(bytesBefore)).toBe(true);

    // The release that works upgrades the untouched file.
    const fixed = await openDatabase(path);
    opened.push(fixed.db);
    expect(fixed.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(fixed.db.prepare('SELECT last_name_ru FROM clients').all()).toEqual([{ last_name_ru: 'Орлова' }]);
  });

  it('refuses a file from a newer version before writing to it: same bytes, same journal mode', async () => {
    const path = join(tempDir(), 'tourdesk.sqlite');
    const newer = new Database(path);
    newer.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1);');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const bytesBefore = readFileSync(path);

    await expect(openDatabase(path)).rejects.toThrow(/newer version of the app .*it was not changed/);
    expect(readFileSync(path).equals(bytesBefore)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});

describe('a damaged or read-only base', () => {
  it('opens a damaged base read-only, says so, refuses writes and writes nothing into it', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'tourdesk.sqlite');
    const first = await createBackend({
      dbPath,
      logger: { error: () => undefined },
      backupEveryMinutes: null,
    });
    await first.clients.insertMany(generateClients(2000, 11, '2026-01-01'));
    await first.close();
    // 4 KB in the middle of the file overwritten, as a failing disk or a careless copy does.
    const size = statSync(dbPath).size;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const damagedBytes = readFileSync(dbPath);

    const backend: Backend = await createBackend({
      dbPath,
      logger: { error: () => undefined },
      backupEveryMinutes: null,
    });
    opened.push(backend);
    const info = await backend.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { readOnly: true, readOnlyReason: 'damaged' } });
    const save = await backend.dispatch('clients.save', { ...emptyClientInput(), lastNameRu: 'Новая' });
    expect(save).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    const setting = await backend.dispatch('settings.set', { key: 'ui.language', value: 'en' });
    expect(setting).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    await backend.close();
    opened.pop();
    expect(readFileSync(dbPath).equals(damagedBytes)).toBe(true);
  });

  it('opens a file the account may not write (chmod 0444) read-only instead of stopping', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'tourdesk.sqlite');
    const setup = await createBackend({
      dbPath,
      logger: { error: () => undefined },
      backupEveryMinutes: null,
    });
    await setup.close();
    chmodSync(dbPath, 0o444);
    // root writes any file whatever its mode, so the app runs as another account here, as a clerk would.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chownSync(dir, 65534, 65534);
      chownSync(dbPath, 65534, 65534);
    }
    const worker = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), join(__dirname, '../helpers/backend-worker.ts'), 'probe', dbPath],
      { encoding: 'utf8', timeout: 30_000, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) },
    );
    expect(worker.stderr).toBe('');
    const answer = JSON.parse(worker.stdout) as unknown;
    expect(answer).toMatchObject({
      info: { ok: true, value: { readOnly: true, readOnlyReason: 'fileReadOnly' } },
      save: 'READ_ONLY',
    });
    expect(modeOf(dbPath)).toBe(0o444);
  });
});

describe('files private to their owner', () => {
  it('creates the base, its WAL and shared-memory files and its upgrade backup as 0600, whatever the umask', async () => {
    const dir = tempDir();
    const previous = process.umask(0o000);
    try {
      const path = join(dir, 'fresh.sqlite');
      const fresh = await openDatabase(path);
      fresh.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
      fresh.db.close();

      // A base an older version left world-readable, before its upgrade.
      const old = join(dir, 'old.sqlite');
      baseAtVersion6(old);
      chmodSync(old, 0o644);
      const upgraded = await openDatabase(old);
      upgraded.db.close();
      expect(modeOf(old)).toBe(0o600);
      expect(modeOf(`${old}.before-v${LATEST_SCHEMA_VERSION}.bak`)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('creates the user-data folder 0700 and closes the existing one, but leaves a chosen folder alone', () => {
    const previous = process.umask(0o000);
    try {
      const userData = join(tempDir(), 'TourDesk', 'nested');
      ensurePrivateDir(userData, true);
      expect(modeOf(userData)).toBe(0o700);
      chmodSync(userData, 0o755);
      ensurePrivateDir(userData, true);
      expect(modeOf(userData)).toBe(0o700);

      const shared = tempDir();
      chmodSync(shared, 0o775);
      ensurePrivateDir(shared, false);
      expect(modeOf(shared)).toBe(0o775);
    } finally {
      process.umask(previous);
    }
  });
});
