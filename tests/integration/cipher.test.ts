import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { newTransfer, transferDir } from '../../electron/backend/backup/transfer-files';
import { convertBaseCipher } from '../../electron/backend/crypto/convert-cipher';
import {
  connect,
  keyCheck,
  newDatabaseKey,
  opensWith,
  rekeyTo,
  withCipher,
  type BaseCipher,
  type DatabaseKey,
} from '../../electron/backend/crypto/database-key';
import { encryptingPath, recipherFileInPlace } from '../../electron/backend/crypto/encrypt-file';
import { keyFilePath, KeyStore } from '../../electron/backend/crypto/key-store';
import { fileKeyWrapper, MASTER_KEY_FILE } from '../../electron/backend/crypto/key-wrappers';
import { stagedRestorePath } from '../../electron/backend/db/open-database';
import { formatRecoveryKey } from '../../electron/backend/crypto/recovery-key';
import { startBackend, type BackendHost } from '../../electron/backend/crypto/start';
import { emptyDocument } from '../../shared/domain/client';
import { ivanov } from '../helpers/fixtures';

const PASSPORT = '5518372';
const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const quiet = { error: () => undefined };
const secretClient = () =>
  ivanov({
    lastNameRu: 'Аксельрод',
    lastNameLat: 'AKSELROD',
    documents: [
      {
        ...emptyDocument('foreign_passport'),
        series: '71',
        number: PASSPORT,
        issueDate: '2021-02-11',
        expiryDate: '2031-02-11',
      },
    ],
  });
const leaks = (path: string) => {
  const bytes = readFileSync(path);
  return bytes.includes(HEADER) || bytes.includes(Buffer.from(PASSPORT));
};
const keyFileCipher = (dbPath: string) =>
  (JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')) as { cipher?: string }).cipher;
/** The cipher a file opens with under these key bytes, asked of SQLite3MultipleCiphers directly. */
const opensAs = (path: string, bytes: Buffer): BaseCipher[] =>
  (['aegis', 'chacha20'] as const).filter((cipher) => opensWith(path, { bytes, cipher }));

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function host(dir: string, dbPath: string): Promise<BackendHost> {
  const started = await startBackend(
    { dbPath, logger: quiet, backupEveryMinutes: null, clerk: 'test clerk' },
    new KeyStore(dbPath, [fileKeyWrapper(dir)]),
  );
  cleanup.push(() => started.close());
  return started;
}

async function call<T>(h: BackendHost, name: string, input: object = {}): Promise<T> {
  const answer = await h.dispatch(name as never, input as never);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

const total = async (h: BackendHost) => (await call<{ total: number }>(h, 'clients.list', {})).total;

describe('a new base', () => {
  it('is AEGIS: the key file says so, only an AEGIS key opens the base and its backups, a backup restores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tourdesk-cipher-'));
    const dbPath = join(dir, 'tourdesk.sqlite');
    const h = await host(dir, dbPath);
    expect(keyFileCipher(dbPath)).toBe('aegis');
    await call(h, 'clients.save', secretClient());
    const backup = await call<{ name: string; folder: string; verified: boolean }>(h, 'backup.create');
    expect(backup.verified).toBe(true);
    await call(h, 'clients.save', ivanov({ lastNameRu: 'Позднов', lastNameLat: 'POZDNOV' }));
    expect(await total(h)).toBe(2);

    const keys = await new KeyStore(dbPath, [fileKeyWrapper(dir)]).open();
    if (keys.kind !== 'ready') throw new Error('no key');
    const backupPath = join(backup.folder, backup.name);
    for (const file of [dbPath, backupPath]) {
      expect(leaks(file)).toBe(false);
      expect(opensAs(file, keys.key.bytes)).toEqual(['aegis']);
    }
    await call(h, 'backup.restore', { name: backup.name });
    expect(await total(h)).toBe(1);
  });
});

/**
 * A base as the app made it before AEGIS: the key given to sqlite3_key as it is under the driver's
 * default cipher (ChaCha20), and a key file without a cipher; a backup made then, too.
 */
async function chachaBase(): Promise<{ dir: string; dbPath: string; bytes: Buffer; backupName: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-cipher-old-'));
  const dbPath = join(dir, 'tourdesk.sqlite');
  const old = withCipher(newDatabaseKey(), 'chacha20');
  const backend = await createBackend({ dbPath, key: old, logger: quiet, backupEveryMinutes: null });
  await backend.dispatch('clients.save', secretClient());
  const backup = await backend.dispatch('backup.create', {});
  if (!backup.ok) throw new Error('no backup');
  await backend.dispatch('clients.save', ivanov({ lastNameRu: 'Позднов', lastNameLat: 'POZDNOV' }));
  await backend.close();
  // What the old code did, call for call: no cipher pragma, the key bytes as they are.
  const asBefore = new Database(dbPath, { readonly: true });
  asBefore.key(old.bytes);
  expect((asBefore.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n).toBe(2);
  asBefore.close();
  const file = fileKeyWrapper(dir);
  writeFileSync(
    keyFilePath(dbPath),
    JSON.stringify({
      version: 1,
      keyCheck: keyCheck(old.bytes),
      recoveryShown: true,
      wrapped: { file: await file.wrap(old.bytes) },
    }),
    { mode: 0o600 },
  );
  return { dir, dbPath, bytes: old.bytes, backupName: (backup.value as { name: string }).name };
}

describe('a ChaCha20 base made before AEGIS', () => {
  it('is converted once at start, keeps its rows and backups, and still opens with its recovery key', async () => {
    const { dir, dbPath, bytes, backupName } = await chachaBase();
    const first = await host(dir, dbPath);
    expect(opensAs(dbPath, bytes)).toEqual(['aegis']);
    expect(keyFileCipher(dbPath)).toBe('aegis');
    expect(leaks(dbPath)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.encrypting'))).toEqual([]);
    expect(await total(first)).toBe(2);
    // The backup made before stays ChaCha20, is listed as it was and restores into the AEGIS base.
    const backupPath = join(dir, 'backups', backupName);
    expect(opensAs(backupPath, bytes)).toEqual(['chacha20']);
    await call(first, 'backup.restore', { name: backupName });
    expect(await total(first)).toBe(1);
    await first.close();

    // The key store lost (another keyring): the recovery key printed for the ChaCha20 base opens it.
    rmSync(join(dir, MASTER_KEY_FILE));
    rmSync(keyFilePath(dbPath));
    const locked = await host(dir, dbPath);
    expect(await locked.dispatch('crypto.status', {})).toMatchObject({ ok: true, value: { locked: true } });
    const recoveryKey = formatRecoveryKey({ bytes, cipher: 'chacha20' });
    expect(await locked.dispatch('crypto.unlock', { recoveryKey })).toEqual({ ok: true, value: {} });
    expect(await total(locked)).toBe(1);
    expect(keyFileCipher(dbPath)).toBe('aegis');
  });

  it('has a backup from before staged in AEGIS for a read-only base, so the next start opens it', async () => {
    const { dir, dbPath, bytes, backupName } = await chachaBase();
    const first = await host(dir, dbPath);
    const staged = first.backend()!.backups!.stageRestore(backupName);
    expect(staged.name).toBe(backupName);
    expect(opensAs(stagedRestorePath(dbPath), bytes)).toEqual(['aegis']);
    await first.close();
    const next = await host(dir, dbPath);
    expect(existsSync(stagedRestorePath(dbPath))).toBe(false);
    expect(await total(next)).toBe(1);
  });

  it('stays usable when the conversion dies before the swap or before the key file is updated', async () => {
    const { dir, dbPath, bytes } = await chachaBase();
    const old: DatabaseKey = { bytes, cipher: 'chacha20' };
    const logged: string[] = [];
    // Killed before the swap: the base is untouched and opens as ChaCha20; the copy is gone.
    const kept = convertBaseCipher(dbPath, old, {
      log: (m) => logged.push(m),
      hooks: {
        beforeSwap: () => {
          throw new Error('power cut');
        },
      },
    });
    expect(kept).toEqual(old);
    expect(logged.join('\n')).toMatch(
      /stays in chacha20 for now: converting it to aegis failed \(power cut\)/,
    );
    expect(opensAs(dbPath, bytes)).toEqual(['chacha20']);
    expect(existsSync(encryptingPath(dbPath))).toBe(false);

    // Killed after the swap, before the key file said aegis: the base tells its cipher.
    recipherFileInPlace(dbPath, old, withCipher(old, 'aegis'));
    expect(keyFileCipher(dbPath)).toBeUndefined();
    const h = await host(dir, dbPath);
    expect(keyFileCipher(dbPath)).toBe('aegis');
    expect(await total(h)).toBe(2);
  });

  it('is left as it is when a newer app wrote it: that app opens it, this one refuses it unchanged', async () => {
    const { dbPath, bytes } = await chachaBase();
    const old: DatabaseKey = { bytes, cipher: 'chacha20' };
    const newer = connect(dbPath, old);
    newer.pragma('user_version = 9999');
    newer.close();
    const before = readFileSync(dbPath);
    expect(convertBaseCipher(dbPath, old, { log: quiet.error })).toEqual(old);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });
});

describe('whole-base exports', () => {
  it('are AEGIS under the passphrase, and one made before AEGIS (ChaCha20) still imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tourdesk-cipher-export-'));
    const dbPath = join(dir, 'tourdesk.sqlite');
    const h = await host(dir, dbPath);
    await call(h, 'clients.save', secretClient());
    const passphrase = Buffer.from('correct horse battery', 'utf8');
    const exported = await call<{ transfer: string }>(h, 'backup.exportBase', {
      passphrase: 'correct horse battery',
    });
    const file = join(transferDir(dbPath), `${exported.transfer}.tourdesk`);
    expect(leaks(file)).toBe(false);
    expect(opensWith(file, { passphrase, cipher: 'aegis' })).toBe(true);
    expect(opensWith(file, { passphrase, cipher: 'chacha20' })).toBe(false);

    // An export as the app wrote it before: the same rows under the passphrase in ChaCha20.
    const before = newTransfer(transferDir(dbPath));
    const aegisCopy = join(dir, 'aegis-copy.sqlite');
    copyFileSync(file, aegisCopy);
    const db = connect(aegisCopy, { passphrase, cipher: 'aegis' });
    db.pragma('journal_mode = DELETE');
    rekeyTo(db, { passphrase, cipher: 'chacha20' });
    db.close();
    copyFileSync(aegisCopy, before.path);
    expect(opensWith(before.path, { passphrase, cipher: 'chacha20' })).toBe(true);
    await call(h, 'clients.save', ivanov({ lastNameRu: 'Позднов', lastNameLat: 'POZDNOV' }));
    expect(await total(h)).toBe(2);
    await call(h, 'backup.importBase', { transfer: before.id, passphrase: 'correct horse battery' });
    expect(await total(h)).toBe(1);
  }, 60_000);
});
