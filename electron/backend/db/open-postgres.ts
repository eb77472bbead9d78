import {
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type PostgresPool,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import { AppError } from '../../../shared/api/envelope';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { migratePostgres } from './pg-migrate';
import { namedStatementsPool } from './pg-named-statements';
import type { Database } from './schema';

/** Where an office server base is: a connection string or pg's fields (host, port, user, password, ssl…). */
export type PostgresConnection = pg.PoolConfig;

/**
 * int8 (ids, counts, sums) and numeric as numbers, as SQLite gives them; pg's default is strings.
 * Safe: TourDesk's integers are ids, counts and kopecks, far below 2^53.
 */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A server's refusals as the errors the clerk is told about (the SQLite twin: sqlite-dialect.ts). */
export function postgresError(error: unknown, where: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  switch (code) {
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
      return new AppError('BUSY', "the server database is busy with another clerk's change: try again");
    case '25006': // read_only_sql_transaction
      return new AppError('READ_ONLY', 'the server database is read-only: nothing can be changed');
    case '26000': // invalid_sql_statement_name: a prepared statement lost inside a transaction
      return new AppError('BUSY', `the server ${where} dropped a prepared statement of this app: try again`);
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case '57P01': // admin_shutdown
    case '57P03': // cannot_connect_now
      return new AppError(
        'UNAVAILABLE',
        `the database server ${where} cannot be reached: ${messageOf(error)}`,
      );
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification
      return new AppError('UNAVAILABLE', `the database server ${where} refused the user or password`);
    case '3D000': // invalid_catalog_name
      return new AppError('UNAVAILABLE', `the database server ${where} has no such database`);
    case '0A000': // feature_not_supported, e.g. a schema changed under a prepared statement
      return /cached plan must not change/.test(messageOf(error))
        ? new AppError('BUSY', `the schema of the server ${where} changed under this app: try again`)
        : error;
    default:
      return error;
  }
}

class TranslatingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly where: string,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return await this.inner.executeQuery<R>(query);
    } catch (error) {
      throw postgresError(error, this.where);
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class TranslatingPostgresDriver extends PostgresDriver {
  private readonly wrapped = new WeakMap<DatabaseConnection, TranslatingConnection>();

  constructor(
    pool: PostgresPool,
    private readonly where: string,
  ) {
    super({ pool });
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    let inner: DatabaseConnection;
    try {
      inner = await super.acquireConnection();
    } catch (error) {
      throw postgresError(error, this.where);
    }
    let connection = this.wrapped.get(inner);
    if (!connection) {
      connection = new TranslatingConnection(inner, this.where);
      this.wrapped.set(inner, connection);
    }
    return connection;
  }

  // Kysely's driver releases its own connection object to the pool.
  override async releaseConnection(connection: DatabaseConnection): Promise<void> {
    return super.releaseConnection(
      (connection instanceof TranslatingConnection ? connection.inner : connection) as never,
    );
  }
}

class TourDeskPostgresDialect extends PostgresDialect {
  constructor(
    private readonly pool: PostgresPool,
    private readonly where: string,
  ) {
    super({ pool });
  }

  override createDriver(): Driver {
    return new TranslatingPostgresDriver(this.pool, this.where);
  }
}

/** host:port/database, never the password: for messages and the About dialog. */
export function describeServer(connection: PostgresConnection): string {
  if (connection.connectionString) {
    const url = new URL(connection.connectionString);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  }
  return `${connection.host ?? 'localhost'}:${connection.port ?? 5432}/${connection.database ?? ''}`;
}

export interface OpenedPostgres {
  db: Kysely<Database>;
  pool: pg.Pool;
  schemaVersion: number;
  /** The version found before this start; null: the database was empty and got the whole schema. */
  foundVersion: number | null;
  where: string;
}

export function postgresPool(connection: PostgresConnection, max = 10): pg.Pool {
  const pool = new pg.Pool({
    max,
    // pg's default closes a connection idle for 10 s: a clerk's next search after a pause then paid
    // for a new server process and its cold caches. Kept for 10 minutes instead.
    idleTimeoutMillis: 600_000,
    keepAlive: true,
    ...connection,
    types: typeParsers,
    application_name: 'TourDesk',
  });
  // An idle connection the server dropped must not crash the app; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor one held between two queries (a transaction, the migration): pg-pool takes its own error
  // listener off a checked-out client, and an 'error' event without one ends the process. The
  // next query on it fails and is answered as an error instead.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Connects to an office server base and brings its schema up to date (one transaction). */
export async function openPostgres(
  connection: PostgresConnection,
  options: { migrations?: readonly Migration[]; poolSize?: number } = {},
): Promise<OpenedPostgres> {
  const where = describeServer(connection);
  const pool = postgresPool(connection, options.poolSize);
  const list = options.migrations ?? shippedMigrations;
  try {
    let foundVersion: number | null;
    try {
      foundVersion = await migratePostgres(pool, list, where);
    } catch (error) {
      throw postgresError(error, where);
    }
    const db = new Kysely<Database>({
      dialect: new TourDeskPostgresDialect(namedStatementsPool(pool), where),
    });
    return { db, pool, schemaVersion: list.length, foundVersion, where };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
