import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import type { DatabaseKey } from '../crypto/database-key';
import type { PostgresConnection } from './open-postgres';
import { openDatabase, type ReadOnlyReason } from './open-database';
import type { Database } from './schema';
import { TourDeskSqliteDialect } from './sqlite-dialect';

/**
 * Where the backend's data is: this computer's SQLite file, or an office PostgreSQL server. The
 * repositories see only `db`; `sqlite` is there for what only a file has (encryption at rest, file
 * backups, the whole-base export), null on a server, where those are the server's business.
 */
export interface Store {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  sqlite: BetterSqlite3.Database | null;
  schemaVersion: number;
  readOnlyReason: ReadOnlyReason | null;
  /** The file's path, or the server as host:port/database (never a password). */
  where: string;
  /** The file's quick_check is left to integrity-watch.ts. */
  quickCheckDeferred?: boolean;
}

export interface StoreOptions {
  dbPath: string;
  /** An office server base instead of the file at dbPath. */
  postgres?: PostgresConnection;
  key?: DatabaseKey | null;
  busyTimeoutMs?: number;
  /** A file base: quick_check in the background after the first answer (see open-database.ts). */
  deferQuickCheck?: boolean;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.postgres) {
    // pg and the server code load only for a server base: a file base starts without them.
    const { openPostgres } = await import('./open-postgres');
    const server = await openPostgres(options.postgres);
    return {
      db: server.db,
      dialect: 'postgres',
      sqlite: null,
      schemaVersion: server.schemaVersion,
      readOnlyReason: null,
      where: server.where,
    };
  }
  const opened = await openDatabase(options.dbPath, {
    key: options.key ?? null,
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    deferQuickCheck: options.deferQuickCheck === true,
  });
  const readOnly = opened.readOnlyReason !== null;
  return {
    db: new Kysely<Database>({ dialect: new TourDeskSqliteDialect(opened.db, readOnly) }),
    dialect: 'sqlite',
    sqlite: opened.db,
    schemaVersion: opened.schemaVersion,
    readOnlyReason: opened.readOnlyReason,
    where: options.dbPath,
    quickCheckDeferred: opened.quickCheckDeferred === true,
  };
}

/** What only a base file has; on a server the clerk is told where that is done instead. */
export function fileOnly<T>(value: T | null, what: string): T {
  if (value === null) {
    throw new AppError(
      'UNAVAILABLE',
      `${what} is done on the office server (pg_dump, the server's own backups), not by the app`,
    );
  }
  return value;
}
