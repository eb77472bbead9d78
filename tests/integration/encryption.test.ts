import Database from 'better-sqlite3';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { connect, isPlainSqlite, newDatabaseKey, sameKey } from '../../electron/backend/crypto/database-key';
import { connectDamagedCopy, encryptingPath } from '../../electron/backend/crypto/encrypt-file';
import { keyFilePath, KeyStore } from '../../electron/backend/crypto/key-store';
import {
  fileKeyWrapper,
  MASTER_KEY_FILE,
  passphraseKeyWrapper,
} from '../../electron/backend/crypto/key-wrappers';
import { formatRecoveryKey } from '../../electron/backend/crypto/recovery-key';
import { startBackend, type BackendHost } from '../../electron/backend/crypto/start';
import { openDatabase } from '../../electron/backend/db/open-database';
import { emptyDocument } from '../../shared/domain/client';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { transferDir } from '../../electron/backend/backup/transfer-files';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { startWebServer } from '../../electron/web/server';

const PASSPORT = '7391846';
const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const secretClient = () =>
  ivanov({
    lastNameRu: 'Шепелявцева',
    lastNameLat: 'SHEPELIAVTSEVA',
    documents: [
      {
        ...emptyDocument('foreign_passport'),
        series: '75',
        number: PASSPORT,
        issueDate: '2020-01-10',
        expiryDate: '2030-01-10',
      },
    ],
  });
const tempDir = () => mkdtempSync(join(tmpdir(), 'tourdesk-crypto-'));
const modeOf = (path: string) => statSync(path).mode & 0o777;
const quiet = { error: () => undefined };
/** What an attacker with the file sees: the SQLite header, the passport number, the surname. */
const leaks = (path: string) => {
  const bytes = readFileSync(path);
  return {
    header: bytes.includes(HEADER),
    passport: bytes.includes(Buffer.from(PASSPORT)),
    surname: bytes.includes(Buffer.from('SHEPELIAVTSEVA')),
  };
};
const none = { header: false, passport: false, surname: false };

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});
async function temp(options: { plain?: boolean } = {}): Promise<TempBackend> {
  const t = await createTempBackend(options);
  cleanup.push(() => t.dispose());
  return t;
}

describe('the base at rest', () => {
  it('keeps no SQLite header and no passport number in the base, its WAL or a backup', async () => {
    const t = await temp();
    await t.call('clients.save', secretClient());
    // The WAL holds the save until a checkpoint: it is read while the app runs.
    expect(statSync(`${t.dbPath}-wal`).size).toBeGreaterThan(0);
    const backup = await t.call('backup.create', {});
    expect(leaks(t.dbPath)).toEqual(none);
    expect(leaks(`${t.dbPath}-wal`)).toEqual(none);
    expect(leaks(join(backup.folder, backup.name))).toEqual(none);
    expect(backup.verified).toBe(true);
    // The same steps on a plain base show what the checks would catch.
    const plain = await temp({ plain: true });
    await plain.call('clients.save', secretClient());
    expect(leaks(`${plain.dbPath}-wal`).passport).toBe(true);
  });

  it('refuses a wrong key or no key with a clear error and leaves the file as it was', async () => {
    const t = await temp();
    await t.call('clients.save', secretClient());
    await t.backend.close();
    const before = readFileSync(t.dbPath);
    await expect(openDatabase(t.dbPath, { key: newDatabaseKey() })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: { reason: 'wrongKey' },
      message: expect.stringMatching(/key does not open the database/),
    });
    await expect(openDatabase(t.dbPath)).rejects.toMatchObject({
      detail: { reason: 'wrongKey' },
      message: expect.stringMatching(/is encrypted and no key was given/),
    });
    expect(readFileSync(t.dbPath).equals(before)).toBe(true);
    const reopened = await createBackend({
      dbPath: t.dbPath,
      key: t.key,
      logger: quiet,
      backupEveryMinutes: null,
    });
    cleanup.push(() => reopened.close());
    expect(await reopened.dispatch('clients.list', { search: 'Шепеля' })).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
  });

  it('creates the key file, the master key and the base 0600 in a 0700 folder', async () => {
    const dir = join(tempDir(), 'TourDesk');
    const dbPath = join(dir, 'tourdesk.sqlite');
    const host = await startBackend(
      { dbPath, logger: quiet, backupEveryMinutes: null },
      new KeyStore(dbPath, [fileKeyWrapper(dir)]),
    );
    cleanup.push(() => host.close());
    expect(modeOf(dir)).toBe(0o700);
    for (const file of [dbPath, keyFilePath(dbPath), join(dir, MASTER_KEY_FILE)])
      expect(modeOf(file)).toBe(0o600);
    expect(readFileSync(keyFilePath(dbPath), 'utf8')).not.toMatch(/[0-9a-f]{64}/);
    expect(isPlainSqlite(dbPath)).toBe(false);
  });
});

describe('a base made before encryption', () => {
  async function plainBase(): Promise<{ dir: string; dbPath: string; backupName: string }> {
    const dir = tempDir();
    const dbPath = join(dir, 'tourdesk.sqlite');
    const plain = await createBackend({ dbPath, logger: quiet, backupEveryMinutes: null });
    await plain.dispatch('clients.save', secretClient());
    const backup = (await plain.dispatch('backup.create', {})) as { ok: true; value: { name: string } };
    await plain.dispatch('clients.save', ivanov({ lastNameRu: 'Поздняя', lastNameLat: 'POZDNIAIA' }));
    await plain.close();
    // An upgrade copy from an earlier version, plain like the base.
    const bak = new Database(`${dbPath}.before-v3.bak`);
    bak.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('7391846')");
    bak.close();
    return { dir, dbPath, backupName: backup.value.name };
  }

  it('is converted at start: encrypted, verified, swapped in, the plain file, its WAL and plain copies gone', async () => {
    const { dir, dbPath, backupName } = await plainBase();
    expect(isPlainSqlite(dbPath)).toBe(true);
    const key = newDatabaseKey();
    const backend = await createBackend({ dbPath, key, logger: quiet, backupEveryMinutes: null });
    cleanup.push(() => backend.close());
    expect(leaks(dbPath)).toEqual(none);
    expect(existsSync(encryptingPath(dbPath))).toBe(false);
    expect(leaks(`${dbPath}.before-v3.bak`)).toEqual({ header: false, passport: false, surname: false });
    const backupPath = join(dir, 'backups', backupName);
    expect(leaks(backupPath)).toEqual(none);
    const list = (await backend.dispatch('clients.list', {})) as { ok: true; value: { total: number } };
    expect(list.value.total).toBe(2);
    // The converted backup restores into the encrypted base.
    const restored = await backend.dispatch('backup.restore', { name: backupName });
    expect(restored.ok).toBe(true);
    const after = (await backend.dispatch('clients.list', {})) as { ok: true; value: { total: number } };
    expect(after.value.total).toBe(1);
    expect(readdirSync(dir).filter((f) => f.includes('.encrypting'))).toEqual([]);
  });

  it('stays usable when the conversion is interrupted, and is converted at the next start', async () => {
    const { dbPath } = await plainBase();
    // A copy left by a start that died mid-way, and a start that dies just before the swap.
    writeFileSync(encryptingPath(dbPath), 'half a copy');
    const key = newDatabaseKey();
    await expect(
      openDatabase(dbPath, {
        key,
        conversionHooks: {
          beforeSwap: () => {
            throw new Error('power cut');
          },
        },
      }),
    ).rejects.toThrow(/could not be encrypted \(power cut\); the plain file is unchanged/);
    expect(isPlainSqlite(dbPath)).toBe(true);
    const stillPlain = connect(dbPath, null, { readonly: true });
    expect((stillPlain.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n).toBe(2);
    stillPlain.close();

    const backend = await createBackend({ dbPath, key, logger: quiet, backupEveryMinutes: null });
    cleanup.push(() => backend.close());
    expect(isPlainSqlite(dbPath)).toBe(false);
    expect(existsSync(encryptingPath(dbPath))).toBe(false);
    const list = (await backend.dispatch('clients.list', {})) as { ok: true; value: { total: number } };
    expect(list.value.total).toBe(2);
  });
});

describe('damaged copies kept by an earlier version', () => {
  it('are encrypted page by page at the first start with a key, or kept 0600 when their header is gone', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'tourdesk.sqlite');
    const plain = await createBackend({ dbPath, logger: quiet, backupEveryMinutes: null });
    await plain.dispatch('clients.save', secretClient());
    for (let i = 0; i < 40; i++) {
      await plain.dispatch('clients.save', ivanov({ lastNameRu: `Петров${i}`, lastNameLat: `PETROV${i}` }));
    }
    await plain.close();
    const damaged = `${dbPath}.damaged-20250301T101500`;
    const headless = `${dbPath}.damaged-20250302T101500`;
    for (const copy of [damaged, headless]) writeFileSync(copy, readFileSync(dbPath), { mode: 0o644 });
    // 4 KB of noise in the middle of one copy (the damage), the first page of the other destroyed.
    const noise = (path: string, at: number) => {
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, at);
      closeSync(fd);
    };
    noise(damaged, Math.floor(statSync(damaged).size / 2 / 4096) * 4096);
    noise(headless, 0);
    expect(leaks(damaged).passport).toBe(true);
    const before = connect(damaged, null, { readonly: true });
    expect(before.pragma('quick_check', { simple: true })).not.toBe('ok');
    const pages = before.pragma('page_count', { simple: true }) as number;
    before.close();

    const key = newDatabaseKey();
    const backend = await createBackend({ dbPath, key, logger: quiet, backupEveryMinutes: null });
    cleanup.push(() => backend.close());
    expect(leaks(damaged)).toEqual(none);
    expect(modeOf(damaged)).toBe(0o600);
    // Still the same pages, read with the base's key only.
    const after = connectDamagedCopy(damaged, key);
    expect(after.pragma('page_count', { simple: true })).toBe(pages);
    after.close();
    expect(() => connect(damaged, null, { readonly: true }).pragma('page_count')).toThrow();
    // Without a first page it cannot be rekeyed: kept as it is, but private.
    expect(modeOf(headless)).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('.encrypting'))).toEqual([]);
  });
});

describe('a passphrase instead of the key file (browser mode --passphrase)', () => {
  it('wraps the key with the passphrase only: the files on the disk alone no longer open it, a wrong passphrase neither', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'tourdesk.sqlite');
    const fileOnly = () => new KeyStore(dbPath, [fileKeyWrapper(dir)]);
    const withPassphrase = (typed: string) =>
      new KeyStore(dbPath, [passphraseKeyWrapper(typed), fileKeyWrapper(dir)], { onlyPrimary: true });
    const first = await fileOnly().open();
    if (first.kind !== 'ready') throw new Error('no key made');
    const backend = await createBackend({ dbPath, key: first.key, logger: quiet, backupEveryMinutes: null });
    await backend.dispatch('clients.save', secretClient());
    await backend.close();
    expect(fileOnly().wraps('passphrase')).toBe(false);

    const opened = await withPassphrase('correct horse battery').open();
    expect(opened).toMatchObject({ kind: 'ready', storage: 'passphrase' });
    expect(opened.kind === 'ready' && sameKey(opened.key, first.key)).toBe(true);
    const keyFile = JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')) as { wrapped: object };
    expect(Object.keys(keyFile.wrapped)).toEqual(['passphrase']);
    expect(readFileSync(keyFilePath(dbPath), 'utf8')).not.toContain('correct horse');
    expect(fileOnly().wraps('passphrase')).toBe(true);

    expect(await fileOnly().open()).toEqual({ kind: 'locked', why: 'unwrapFailed' });
    expect(await withPassphrase('wrong horse battery').open()).toEqual({
      kind: 'locked',
      why: 'unwrapFailed',
    });
    const again = await withPassphrase('correct horse battery').open();
    if (again.kind !== 'ready') throw new Error('the passphrase no longer opens the key');
    const reopened = await createBackend({ dbPath, key: again.key, logger: quiet, backupEveryMinutes: null });
    cleanup.push(() => reopened.close());
    expect(await reopened.dispatch('clients.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
  }, 60_000);
});

describe('the recovery key', () => {
  async function host(dir: string, dbPath: string): Promise<BackendHost> {
    const started = await startBackend(
      { dbPath, logger: quiet, backupEveryMinutes: null },
      new KeyStore(dbPath, [fileKeyWrapper(dir)]),
    );
    cleanup.push(() => started.close());
    return started;
  }

  it('is shown once, and opens the base after the wrapped key is lost; the key is then wrapped again', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'tourdesk.sqlite');
    const first = await host(dir, dbPath);
    expect(await first.dispatch('crypto.status', {})).toMatchObject({
      ok: true,
      value: { recoveryKeyPending: true, locked: false, storage: 'file' },
    });
    const shown = (await first.dispatch('crypto.recoveryKey', {})) as {
      ok: true;
      value: { recoveryKey: string };
    };
    expect(shown.value.recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    await first.dispatch('crypto.confirmRecoveryKey', {});
    expect(await first.dispatch('crypto.recoveryKey', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await first.dispatch('clients.save', secretClient());
    await first.close();

    // The keyring changed: the wrapping key is another one, the wrapped key no longer unwraps.
    rmSync(join(dir, MASTER_KEY_FILE));
    const locked = await host(dir, dbPath);
    expect(await locked.dispatch('crypto.status', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(await locked.dispatch('clients.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    const mistyped = shown.value.recoveryKey.replace(/^(.)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await locked.dispatch('crypto.unlock', { recoveryKey: mistyped })).toMatchObject({
      ok: false,
      error: { reason: 'wrongRecoveryKey' },
    });
    const another = formatRecoveryKey(newDatabaseKey());
    expect(await locked.dispatch('crypto.unlock', { recoveryKey: another })).toMatchObject({
      ok: false,
      error: { reason: 'wrongRecoveryKey' },
    });
    const typed = shown.value.recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect(await locked.dispatch('crypto.unlock', { recoveryKey: typed })).toEqual({ ok: true, value: {} });
    expect(await locked.dispatch('clients.list', { search: 'Шепеля' })).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
    await locked.close();

    // Re-wrapped: the next start opens without the recovery key, and it is not shown again.
    const again = await host(dir, dbPath);
    expect(await again.dispatch('crypto.status', {})).toMatchObject({
      ok: true,
      value: { locked: false, recoveryKeyPending: false },
    });
    await again.close();

    // The key file itself lost: the recovery key still opens the base (it is the key).
    rmSync(keyFilePath(dbPath));
    const noFile = await host(dir, dbPath);
    expect(await noFile.dispatch('crypto.status', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(await noFile.dispatch('crypto.unlock', { recoveryKey: another })).toMatchObject({
      ok: false,
      error: { reason: 'wrongRecoveryKey' },
    });
    expect(await noFile.dispatch('crypto.unlock', { recoveryKey: shown.value.recoveryKey })).toEqual({
      ok: true,
      value: {},
    });
    expect(await noFile.dispatch('clients.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
  });
});

describe('the whole-base export', () => {
  /** Browser mode's server on the test's backend, signed in as the launcher's browser would be. */
  async function serving(t: TempBackend): Promise<{ url: string; headers: Record<string, string> }> {
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
    const server = await startWebServer({
      dispatch: t.backend.dispatch,
      staticDir,
      transferDir: transferDir(t.dbPath),
    });
    cleanup.push(() => server.close());
    const origin = server.url.replace(/\/$/, '');
    const login = await fetch(`${origin}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ code: server.issueLoginCode() }),
    });
    const session = /tourdesk_session_\d+=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
    expect(session).not.toBe('');
    return { url: origin, headers: { cookie: session, origin } };
  }

  /** Streams a file to POST /transfer (never whole in memory); answers the transfer id. */
  function upload(to: { url: string; headers: Record<string, string> }, path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${to.url}/transfer`,
        { method: 'POST', headers: to.headers, agent: false },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => {
            const answer = JSON.parse(body) as { ok: boolean; value?: { transfer: string } };
            if (answer.ok && answer.value) resolve(answer.value.transfer);
            else reject(new Error(body));
          });
        },
      );
      req.on('error', reject);
      void pipeline(createReadStream(path), req).catch(reject);
    });
  }

  it('streams a base larger than the old 28 MB cap out and back in under a passphrase, refuses a wrong or short one, and backs up the current base first', async () => {
    const t = await temp();
    const saved = await t.call('clients.save', secretClient());
    for (let done = 0; done < 32_000; done += 8_000) {
      await t.backend.clients.insertMany(generateClients(8_000, 3 + done, '2026-01-01'));
    }
    const web = await serving(t);

    const file = await t.call('backup.exportBase', { passphrase: 'correct horse battery' });
    expect(file.fileName).toMatch(/^tourdesk-export-\d{8}-\d{4}\.tourdesk$/);
    expect(file.sizeBytes).toBeGreaterThan(28_000_000);
    expect(readdirSync(join(t.dbPath, '..', 'backups')).filter((f) => f.startsWith('.export'))).toEqual([]);
    // The download: streamed to a file, then the transfer file is gone.
    expect((await fetch(`${web.url}/transfer/${file.transfer}`)).status).toBe(401);
    const download = await fetch(`${web.url}/transfer/${file.transfer}?name=${file.fileName}`, {
      headers: web.headers,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(file.fileName);
    const saved1 = join(tempDir(), file.fileName);
    await pipeline(Readable.fromWeb(download.body as never), createWriteStream(saved1));
    expect(statSync(saved1).size).toBe(file.sizeBytes);
    expect(leaks(saved1)).toEqual(none);
    expect(readdirSync(transferDir(t.dbPath))).toEqual([]);
    expect((await fetch(`${web.url}/transfer/${file.transfer}`, { headers: web.headers })).status).toBe(404);
    expect((await t.callError('backup.exportBase', { passphrase: 'short' })).reason).toBe(
      'passphraseTooShort',
    );

    await t.call('clients.delete', { id: saved.id, version: saved.version });
    await t.call('clients.save', ivanov({ lastNameRu: 'Новая', lastNameLat: 'NOVAIA' }));
    const before = (await t.call('clients.list', {})).total;
    const wrong = await t.callError('backup.importBase', {
      transfer: await upload(web, saved1),
      passphrase: 'wrong horse battery',
    });
    expect(wrong).toMatchObject({ code: 'BAD_INPUT', reason: 'wrongPassphrase' });
    expect((await t.call('clients.list', {})).total).toBe(before);
    expect(readdirSync(transferDir(t.dbPath))).toEqual([]);

    const imported = await t.call('backup.importBase', {
      transfer: await upload(web, saved1),
      passphrase: 'correct horse battery',
    });
    expect(imported.counts.clients).toBe(32_001);
    expect((await t.call('clients.list', { search: 'Шепелявцева' })).rows.map((r) => r.lastNameRu)).toEqual([
      'Шепелявцева',
    ]);
    expect((await t.call('clients.list', { search: 'Новая' })).total).toBe(0);
    const safety = (await t.call('backup.list', {})).find((b) => b.name === imported.safety);
    expect(safety).toMatchObject({ reason: 'before-restore', verified: true });

    const junk = join(tempDir(), 'junk.tourdesk');
    writeFileSync(junk, 'not a base');
    expect(
      (
        await t.callError('backup.importBase', {
          transfer: await upload(web, junk),
          passphrase: 'correct horse battery',
        })
      ).reason,
    ).toBe('notAnExport');
    expect(
      (
        await t.callError('backup.importBase', {
          transfer: 'a'.repeat(32),
          passphrase: 'correct horse battery',
        })
      ).reason,
    ).toBe('transferGone');
  }, 240_000);
});

describe('a destroyed header', () => {
  for (const plain of [false, true]) {
    it(`opens the damaged read-only flow offering the backups (${plain ? 'plain' : 'encrypted'} base), and the restore puts a backup back`, async () => {
      const t = await temp({ plain });
      await t.call('clients.save', secretClient());
      const backup = await t.call('backup.create', {});
      await t.backend.close();
      const fd = openSync(t.dbPath, 'r+');
      writeSync(fd, Buffer.alloc(100, 0), 0, 100, 0);
      closeSync(fd);
      rmSync(`${t.dbPath}-wal`, { force: true });

      const open = () =>
        createBackend({ dbPath: t.dbPath, key: t.key, logger: quiet, backupEveryMinutes: null });
      const damaged: Backend = await open();
      expect(await damaged.dispatch('app.info', {})).toMatchObject({
        ok: true,
        value: { readOnly: true, readOnlyReason: 'damaged' },
      });
      expect(await damaged.dispatch('clients.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
      expect(await damaged.dispatch('clients.save', ivanov())).toMatchObject({
        ok: false,
        error: { code: 'READ_ONLY' },
      });
      const listed = (await damaged.dispatch('backup.list', {})) as { ok: true; value: { name: string }[] };
      expect(listed.value.map((b) => b.name)).toEqual([backup.name]);
      expect(await damaged.dispatch('backup.restore', { name: backup.name })).toMatchObject({
        ok: true,
        value: { restartNeeded: true },
      });
      await damaged.close();

      const restored = await open();
      cleanup.push(() => restored.close());
      expect(await restored.dispatch('app.info', {})).toMatchObject({ ok: true, value: { readOnly: false } });
      expect(await restored.dispatch('clients.list', { search: 'Шепеля' })).toMatchObject({
        ok: true,
        value: { total: 1 },
      });
      expect(readdirSync(join(t.dbPath, '..')).filter((f) => f.includes('.damaged-'))).toHaveLength(1);
    });
  }
});
