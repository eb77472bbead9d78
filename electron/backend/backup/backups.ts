import Database from 'better-sqlite3';
import {
  chmodSync,
  linkSync,
  renameSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import { timestamp, type Clock } from '../../../shared/domain/clock';
import { openDatabase, passesQuickCheck, stagedRestorePath } from '../db/open-database';
import {
  cipherOf,
  connect,
  isPlainSqlite,
  sqliteKeyOf,
  withCipher,
  type DatabaseKey,
} from '../crypto/database-key';
import { encryptFileInPlace, recipherFileInPlace } from '../crypto/encrypt-file';
import { transferDir } from './transfer-files';
import { copyInBackground, CopyFailed, type CheckedCopy } from './backup-worker';
import { rotateFolder, type Rotation } from './rotation';

/** Why a backup was made; the list shows it and rotation never removes the newest of each day. */
export type BackupReason = 'start' | 'auto' | 'import' | 'manual' | 'before-restore';

export interface BackupCounts {
  clients: number;
  tours: number;
  tourists: number;
  dictionary: number;
}

export interface BackupEntry {
  name: string;
  folder: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  schemaVersion: number;
  counts: BackupCounts;
  /** quick_check passed and the counts equal the base's at the moment of the copy. */
  verified: boolean;
}

export interface BackupOptions {
  /** The folder, e.g. a network share; by default `backups` beside the base. */
  folder: string;
  /** How many backups the folder keeps (rotation.ts, the same rule as server dumps). */
  rotation: Rotation;
}

const noop = () => undefined;

/** A copy's working file (see workingFile) and how old one is when nobody is writing it any more. */
const WORKING = /^\.backup-\d+-[0-9a-f]{8}\.sqlite$/;
const ABANDONED_AFTER_MS = 60 * 60_000;

const NAME = /^tourdesk-(\d{8})-(\d{6})-(start|auto|import|manual|before-restore)\.sqlite$/;

function counts(db: Database.Database): BackupCounts {
  const count = (table: 'clients' | 'tours' | 'tourists' | 'dictionary_entries') =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    clients: count('clients'),
    tours: count('tours'),
    tourists: count('tourists'),
    dictionary: count('dictionary_entries'),
  };
}

const sameCounts = (a: BackupCounts, b: BackupCounts) =>
  a.clients === b.clients &&
  a.tours === b.tours &&
  a.tourists === b.tourists &&
  a.dictionary === b.dictionary;

/**
 * The key a copy of the base opens with: the base's key bytes, in the cipher the copy was made in (a
 * backup made before the base went from ChaCha20 to AEGIS is still ChaCha20).
 */
export function copyKey(path: string, key: DatabaseKey): DatabaseKey {
  const cipher = cipherOf(path, key.bytes, key.cipher);
  return cipher ? withCipher(key, cipher) : key;
}

/** Opens a backup read-only with the base's key and checks it: quick_check, and what it holds. */
export function inspect(
  path: string,
  key: DatabaseKey | null,
): { ok: boolean; counts: BackupCounts; schemaVersion: number } {
  let db: Database.Database | null = null;
  try {
    db = connect(path, key && copyKey(path, key), { readonly: true, fileMustExist: true });
    return {
      ok: passesQuickCheck(db),
      counts: counts(db),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
    };
  } catch {
    // Not a database any more, or damaged where the counts are read.
    return { ok: false, counts: { clients: 0, tours: 0, tourists: 0, dictionary: 0 }, schemaVersion: 0 };
  } finally {
    db?.close();
  }
}

/**
 * Copies of the base made with VACUUM INTO (a consistent, compact copy taken while the app runs),
 * each checked by opening it, and rotated: the last few of today and the newest of each earlier day.
 * A restore first backs up the current base, then copies the chosen backup's rows in on the running
 * connection (copyIn), so the app sees the restored data at once.
 */
export class Backups {
  private lastChanges = -1;
  private background: { cancel: () => void; settled: Promise<void> } | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly clock: Clock,
    private readonly options: () => BackupOptions,
    /** The base's file and key: copies made with VACUUM INTO are encrypted with the same key. */
    private readonly base: { path: string; key: DatabaseKey | null },
  ) {}

  /**
   * Backups made before the base was encrypted are encrypted in place (verified, then swapped), so
   * no plain copy of the passports stays in the folder and every backup can be restored.
   */
  encryptPlainBackups(): number {
    const { key } = this.base;
    const folder = this.options().folder;
    if (!key || !existsSync(folder)) return 0;
    let converted = 0;
    for (const name of readdirSync(folder).filter((n) => NAME.test(n))) {
      const path = join(folder, name);
      if (!isPlainSqlite(path)) continue;
      encryptFileInPlace(path, key);
      converted++;
    }
    return converted;
  }

  private folder(): string {
    const folder = this.options().folder;
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
    return folder;
  }

  list(): BackupEntry[] {
    const folder = this.folder();
    return readdirSync(folder)
      .filter((name) => NAME.test(name))
      .sort()
      .reverse()
      .flatMap((name) => {
        const meta = join(folder, `${name}.json`);
        if (!existsSync(meta)) return [];
        try {
          return [JSON.parse(readFileSync(meta, 'utf8')) as BackupEntry];
        } catch {
          return [];
        }
      });
  }

  /** Makes, verifies and records one backup, then rotates the folder. */
  create(reason: BackupReason): BackupEntry {
    const at = this.clock.now();
    // Written under a name of this process's own, checked, then linked to its final name: another
    // app on the same folder (a share) never sees or rotates away a half-written copy.
    const working = this.workingFile('backup');
    try {
      const expected = counts(this.sqlite);
      this.sqlite.prepare('VACUUM INTO ?').run(working);
      const entry = this.keep(working, at, reason, { expected, found: inspect(working, this.base.key) });
      this.lastChanges = this.totalChanges();
      return entry;
    } finally {
      rmSync(working, { force: true });
    }
  }

  /**
   * The start and timer backups: the copy and its check run in a worker thread on a connection of
   * its own (backup-worker.ts), so the app answers meanwhile; only a copy that passed its check is
   * named, recorded and rotated in. Null when nothing changed, the base is empty or one is running.
   */
  createIfChangedInBackground(reason: 'start' | 'auto' | 'import'): Promise<BackupEntry | null> {
    const changes = this.totalChanges();
    if (this.background || changes === this.lastChanges || this.isEmpty()) return Promise.resolve(null);
    if (reason === 'start') this.removeAbandonedCopies();
    const at = this.clock.now();
    const working = this.workingFile('backup');
    const copy = copyInBackground(this.base, working);
    const run = (async () => {
      try {
        const checked = await copy.result;
        if (!checked.found.ok || !sameCounts(checked.found.counts, checked.expected)) {
          throw new CopyFailed(
            `the copy failed its check (quick_check ${checked.found.ok ? 'ok' : 'failed'}, ` +
              `counts ${JSON.stringify(checked.found.counts)} of ${JSON.stringify(checked.expected)})`,
            false,
          );
        }
        const entry = this.keep(working, at, reason, checked);
        // Writes made while the copy ran go into the next one.
        this.lastChanges = changes;
        return entry;
      } finally {
        this.background = null;
        rmSync(working, { force: true });
      }
    })();
    this.background = { cancel: copy.cancel, settled: run.then(noop, noop) };
    return run;
  }

  /**
   * Working files of copies cut short (the app quit or was killed mid-copy) are removed at the next
   * start. A copy still being written, by this app or another on a shared folder, is left alone:
   * VACUUM INTO writes it all the time, so its file is never an hour old.
   */
  private removeAbandonedCopies(): void {
    const folder = this.folder();
    const before = Date.now() - ABANDONED_AFTER_MS;
    for (const name of readdirSync(folder).filter((n) => WORKING.test(n))) {
      const path = join(folder, name);
      try {
        if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
      } catch {
        // Gone meanwhile: another app finished or removed it.
      }
    }
  }

  /**
   * Stops a background copy (the app is closing) and resolves once its thread has let go of the
   * base and its working file is removed.
   */
  async stopBackground(): Promise<void> {
    const running = this.background;
    if (!running) return;
    running.cancel();
    await running.settled;
  }

  /** Links a finished copy to its final name with its record, then rotates the folder. */
  private keep(working: string, at: Date, reason: BackupReason, checked: CheckedCopy): BackupEntry {
    const folder = this.folder();
    const stamp = timestamp({ now: () => at })
      .replace(/[-:]/g, '')
      .replace('T', '-')
      .slice(0, 15);
    chmodSync(working, 0o600);
    const sizeBytes = statSync(working).size;
    const name = this.claimName(working, stamp, reason);
    const { found, expected } = checked;
    const entry: BackupEntry = {
      name,
      folder,
      createdAt: at.toISOString(),
      reason,
      sizeBytes,
      schemaVersion: found.schemaVersion,
      counts: found.counts,
      verified: found.ok && sameCounts(found.counts, expected),
    };
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(entry), { mode: 0o600 });
    this.rotate();
    return entry;
  }

  /** Links the finished copy to the first free name of its second (link refuses a taken one). */
  private claimName(working: string, stamp: string, reason: BackupReason): string {
    for (let i = 0; i < 60; i++) {
      const seconds = String((Number(stamp.slice(13, 15)) + i) % 60).padStart(2, '0');
      const name = `tourdesk-${stamp.slice(0, 13)}${seconds}-${reason}.sqlite`;
      const target = join(this.options().folder, name);
      try {
        linkSync(working, target);
        return name;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        // Some network shares have no hard links: a rename onto a free name is the next best.
        if (existsSync(target)) continue;
        renameSync(working, target);
        return name;
      }
    }
    throw new Error('no free backup name in this minute');
  }

  /**
   * The copy an import makes before it writes, made and checked in the worker thread like the start
   * backup: the app answers meanwhile (the copy and its check take seconds at a million clients),
   * and the main connection keeps its cached pages. Made on that connection, the copy read the whole
   * base through its cache, and the import after it read its own pages from the disk again (1.6x the
   * commit at a million clients). A copy already running (the start or timer backup, begun before the
   * import) is waited for and stands for it; null when nothing changed since the last kept copy.
   */
  async createBeforeImport(): Promise<BackupEntry | null> {
    await this.background?.settled;
    return this.createIfChangedInBackground('import');
  }

  /** A new, empty base has nothing to lose yet (asked without counting 200,000 clients). */
  private isEmpty(): boolean {
    const row = this.sqlite
      .prepare('SELECT EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM tours) AS held')
      .get() as { held: number };
    return row.held === 0;
  }

  private totalChanges(): number {
    return (this.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /**
   * Puts a backup in place of the current base. The current base is backed up first; a backup from
   * an older version of the app is brought up to date on a copy before it is copied in.
   */
  async restore(name: string): Promise<{ restored: BackupEntry; safety: BackupEntry }> {
    const { entry, path, schemaVersion } = this.checkedBackup(name);
    const safety = await this.restoreFile(path, schemaVersion, `backup ${name}`);
    return { restored: entry, safety };
  }

  /**
   * Puts a checked copy of a base (a backup, an imported export under the base's key) in place of
   * the current rows, and answers the safety backup made of the current base first.
   */
  async restoreFile(path: string, schemaVersion: number, label: string): Promise<BackupEntry> {
    const current = this.sqlite.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > current) {
      throw new AppError('BAD_INPUT', `${label} is from a newer app`, undefined, {
        reason: 'backupNewer',
      });
    }
    const safety = this.create('before-restore');
    const working = join(this.folder(), `.restore-${process.pid}.sqlite`);
    try {
      // Migrations run on a copy, never on the backup itself.
      let source = path;
      // A plain backup (made before encryption, or copied in since) is encrypted on the copy, and one
      // made before the base's cipher changed is re-encrypted: ATTACH reads it with the base's key.
      const plain = this.base.key !== null && isPlainSqlite(path);
      const older = this.olderCipher(path);
      if (schemaVersion < current || plain || older) {
        copyFileSync(path, working);
        if (plain && this.base.key) encryptFileInPlace(working, this.base.key);
        if (older && this.base.key) recipherFileInPlace(working, older, this.base.key);
        if (schemaVersion < current) {
          (await openDatabase(working, { key: this.base.key })).db.close();
        }
        source = working;
      }
      this.copyIn(source);
    } finally {
      // The copy, its WAL, and any pre-upgrade backup its migration left beside it.
      for (const file of readdirSync(this.folder()).filter((f) => f.startsWith(basename(working))))
        rmSync(join(this.folder(), file), { force: true });
    }
    this.lastChanges = this.totalChanges();
    return safety;
  }

  /** The key of a copy in another cipher than the base's (see copyKey); null when it is the base's. */
  private olderCipher(path: string): DatabaseKey | null {
    const { key } = this.base;
    if (!key || isPlainSqlite(path)) return null;
    const found = copyKey(path, key);
    return found.cipher === key.cipher ? null : found;
  }

  /** Where whole-base exports and imports wait for the shell (transfer-files.ts), beside the base. */
  transferDir(): string {
    return transferDir(this.base.path);
  }

  /** A file of this process's own in the backups folder, for exports and imports on their way. */
  workingFile(kind: string): string {
    return join(this.folder(), `.${kind}-${process.pid}-${randomBytes(4).toString('hex')}.sqlite`);
  }

  /**
   * For a base opened read-only (damaged): the chosen backup is checked and copied beside the base,
   * and the next start puts it in place (openDatabase). The damaged file is kept, renamed.
   */
  stageRestore(name: string): BackupEntry {
    const { entry, path } = this.checkedBackup(name);
    const staged = stagedRestorePath(this.base.path);
    copyFileSync(path, `${staged}.part`);
    chmodSync(`${staged}.part`, 0o600);
    // The next start opens it with the base's key and cipher.
    const older = this.olderCipher(path);
    if (older && this.base.key) recipherFileInPlace(`${staged}.part`, older, this.base.key);
    renameSync(`${staged}.part`, staged);
    return entry;
  }

  private checkedBackup(name: string): { entry: BackupEntry; path: string; schemaVersion: number } {
    if (!NAME.test(name) || basename(name) !== name) throw new AppError('NOT_FOUND', `no backup ${name}`);
    const entry = this.list().find((b) => b.name === name);
    const path = join(this.folder(), name);
    if (!entry || !existsSync(path)) throw new AppError('NOT_FOUND', `no backup ${name}`);
    const check = inspect(path, isPlainSqlite(path) ? null : this.base.key);
    if (!check.ok) {
      throw new AppError('BAD_INPUT', `backup ${name} is damaged`, undefined, { reason: 'backupDamaged' });
    }
    return { entry, path, schemaVersion: check.schemaVersion };
  }

  /**
   * Replaces every table's rows with the backup's, in one transaction on the running connection:
   * the app never reopens the file, and an encrypted base needs no second key handling (SQLite's
   * backup API refuses encrypted databases).
   */
  private copyIn(source: string): void {
    const db = this.sqlite;
    const tables = (
      db
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string }[]
    ).map((t) => t.name);
    db.pragma('foreign_keys = OFF');
    // The key is named: SQLite3MultipleCiphers does not reuse the main key for every attached file.
    // ATTACH … KEY uses the connection's cipher, set again here in case anything changed it.
    const { key } = this.base;
    if (key) {
      db.pragma(`cipher = '${key.cipher}'`);
      db.prepare('ATTACH DATABASE ? AS restored KEY ?').run(source, sqliteKeyOf(key));
    } else db.prepare('ATTACH DATABASE ? AS restored').run(source);
    try {
      db.transaction(() => {
        for (const table of [...tables, 'sqlite_sequence']) {
          const columns = (db.pragma(`main.table_info("${table}")`) as { name: string }[])
            .map((c) => `"${c.name}"`)
            .join(', ');
          db.exec(`DELETE FROM main."${table}"`);
          db.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM restored."${table}"`);
        }
        const broken = db.pragma('main.foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`the backup breaks ${broken.length} references`);
      })();
    } finally {
      db.exec('DETACH DATABASE restored');
      db.pragma('foreign_keys = ON');
    }
  }

  /** Rotates the folder by the one rule of backups (rotation.ts). */
  private rotate(): void {
    rotateFolder(this.folder(), {
      dayOf: (name) => NAME.exec(name)?.[1] ?? null,
      clock: this.clock,
      rotation: this.options().rotation,
    });
  }
}
