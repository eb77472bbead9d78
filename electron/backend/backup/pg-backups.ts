import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { AppError } from '../../../shared/api/envelope';
import { timestamp, type Clock } from '../../../shared/domain/clock';
import type { Database } from '../db/schema';
import type { BackupCounts, BackupEntry, BackupReason } from './backups';
import { findPgTool, runPgTool, toolConnection, type PgTool } from './pg-tools';
import { rotateFolder, rotationFor } from './rotation';
import { getSetting } from '../settings';

const NAME = /^tourdesk-(\d{8})-(\d{6})-(start|auto|import|manual|before-restore)\.dump$/;

interface Sidecar {
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  counts: BackupCounts;
  verified: boolean;
}

async function countsOf(db: Kysely<Database>): Promise<BackupCounts> {
  const count = async (table: 'clients' | 'tours' | 'tourists' | 'dictionary_entries') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    clients: await count('clients'),
    tours: await count('tours'),
    tourists: await count('tourists'),
    dictionary: await count('dictionary_entries'),
  };
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * Backups of an office server base (issue 14 item 7): pg_dump's custom format (-Fc) into the backup
 * folder, with the counts beside it, and pg_restore of one in a single transaction after a safety
 * dump of the base as it is. Without pg_dump/pg_restore the answer says so (`pgToolsMissing`),
 * and the screen tells how an office backs up its server instead.
 */
export class ServerBackups {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly connection: pg.ClientConfig,
    private readonly folder: () => Promise<string>,
    private readonly schemaVersion: number,
    private readonly findTool: (tool: PgTool) => string | null = findPgTool,
  ) {}

  private tool(name: PgTool): string {
    const path = this.findTool(name);
    if (!path)
      throw new AppError('UNAVAILABLE', `${name} is not installed on this computer`, undefined, {
        reason: 'pgToolsMissing',
        params: { tool: name },
      });
    return path;
  }

  async list(): Promise<BackupEntry[]> {
    this.tool('pg_dump');
    const folder = await this.folder();
    if (!existsSync(folder)) return [];
    const entries: BackupEntry[] = [];
    for (const name of readdirSync(folder)) {
      if (!NAME.test(name) || !existsSync(join(folder, `${name}.json`))) continue;
      const side = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as Sidecar;
      entries.push({ name, folder, sizeBytes: statSync(join(folder, name)).size, ...side });
    }
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Makes and verifies one dump, then rotates the folder as the file backups are (`keep` is never deleted). */
  async create(reason: BackupReason, keep?: string): Promise<BackupEntry> {
    const pgDump = this.tool('pg_dump');
    const pgRestore = this.tool('pg_restore');
    const folder = await this.folder();
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const createdAt = timestamp(this.clock);
    const name = `tourdesk-${stamp(createdAt)}-${reason}.dump`;
    const path = join(folder, name);
    const partial = `${path}.${process.pid}.part`;
    const counts = await countsOf(this.db);
    const { args, env } = toolConnection(this.connection);
    try {
      await runPgTool(pgDump, [...args, '--format=custom', `--file=${partial}`], env);
      // A dump pg_restore cannot read back is no backup.
      await runPgTool(pgRestore, ['--list', partial], env);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    renameSync(partial, path);
    const side: Sidecar = { createdAt, reason, schemaVersion: this.schemaVersion, counts, verified: true };
    writeFileSync(`${path}.json`, JSON.stringify(side), { mode: 0o600 });
    const made = { name, folder, sizeBytes: statSync(path).size, ...side };
    await this.rotate(folder, [name, ...(keep ? [keep] : [])]);
    return made;
  }

  /** Rotates the folder by the one rule of backups (rotation.ts), with the clerk's `backup.keepDays`. */
  private async rotate(folder: string, keep: readonly string[]): Promise<void> {
    rotateFolder(folder, {
      dayOf: (name) => NAME.exec(name)?.[1] ?? null,
      clock: this.clock,
      rotation: rotationFor(await getSetting(this.db, 'backup.keepDays')),
      keep,
    });
  }

  /** Replaces the server base with a dump, in one transaction, after a safety dump of it as it is. */
  async restore(name: string): Promise<{ restored: BackupEntry; safety: BackupEntry }> {
    const pgRestore = this.tool('pg_restore');
    const restored = (await this.list()).find((b) => b.name === name);
    if (!restored) throw new AppError('NOT_FOUND', `backup ${name} not found`);
    const safety = await this.create('before-restore', name);
    const { args, env } = toolConnection(this.connection);
    await runPgTool(
      pgRestore,
      [...args, '--clean', '--if-exists', '--no-owner', '--single-transaction', join(restored.folder, name)],
      env,
    );
    return { restored, safety };
  }
}
