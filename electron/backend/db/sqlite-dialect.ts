import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import { withStatementCache } from './statement-cache';

/** SQLite's "busy" and "read-only" refusals, as the errors the clerk is told about. */
export function databaseError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_BUSY')) {
    return new AppError('BUSY', 'the database is busy: another program is writing to it');
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('READ_ONLY', 'the database is open read-only: nothing can be changed');
  }
  return error;
}

class TranslatingConnection implements DatabaseConnection {
  constructor(private readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      throw databaseError(error);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Kysely's driver starts transactions with a plain BEGIN, which takes the write lock only at the
 * first write: when another process holds it then, SQLite answers "busy" at once instead of waiting
 * for busy_timeout. BEGIN IMMEDIATE takes the lock at the start, where the timeout applies. A base
 * opened read-only cannot take the write lock, so its (reading) transactions begin deferred.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  private connection: TranslatingConnection | null = null;

  constructor(
    database: BetterSqlite3.Database,
    private readonly readOnly: boolean,
  ) {
    super({ database: withStatementCache(database) });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    this.connection ??= new TranslatingConnection(inner);
    return this.connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(this.readOnly ? 'begin' : 'begin immediate'));
  }
}

/** The SQLite dialect of the backend: write transactions that wait their turn, and clear errors. */
export class TourDeskSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: BetterSqlite3.Database,
    private readonly readOnly: boolean,
  ) {
    super({ database });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.database, this.readOnly);
  }
}
