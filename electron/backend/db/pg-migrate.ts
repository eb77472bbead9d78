import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { AppError } from '../../../shared/api/envelope';
import type { Migration } from './migrations';
import { postgresStatement, postgresStatements } from './pg-ddl';

/**
 * One set of migrations for both dialects. On PostgreSQL a migration runs its own `postgres` step
 * when it has one; otherwise its SQLite `up` is run against a recorder that collects the DDL and
 * the inserts it makes, and they are replayed translated (pg-ddl.ts). A recorded migration that
 * reads rows (a backfill) is fine on a new, empty base, where there is nothing to backfill; on an
 * existing server base it must bring a `postgres` step, or the upgrade stops with a clear error.
 *
 * The schema version lives in the table tourdesk_schema (PRAGMA user_version is SQLite's). All
 * pending migrations run in one transaction, under an advisory lock, so two clerks starting the
 * app at once upgrade the base once.
 */

const MIGRATION_LOCK = 1_404_114; // any constant; pg_advisory_xact_lock key of TourDesk's upgrades

interface Recorded {
  sql: string;
  params: unknown[];
}

class ReadDuringRecording extends Error {}

/** Enough of better-sqlite3's Database for migrations' `up`: it only records what they write. */
function recorder(into: Recorded[], emptyBase: boolean): BetterSqlite3.Database {
  const read = (sql: string) => {
    if (!emptyBase) throw new ReadDuringRecording(sql);
    return [];
  };
  const statement = (sql: string) => {
    const s = {
      run: (...params: unknown[]) => {
        into.push({ sql: postgresStatement(sql), params });
        return { changes: 0, lastInsertRowid: 0 };
      },
      all: () => read(sql),
      get: () => read(sql)[0],
      iterate: () => read(sql)[Symbol.iterator](),
      pluck: () => s,
    };
    return s;
  };
  const db = {
    exec: (sql: string) => {
      for (const s of postgresStatements(sql)) into.push({ sql: s, params: [] });
      return db;
    },
    prepare: statement,
    pragma: () => {
      throw new Error('a migration with PRAGMA needs a postgres step');
    },
    transaction: (fn: () => void) => fn,
  };
  return db as unknown as BetterSqlite3.Database;
}

export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number | null> {
  const exists = await client.query<{ present: boolean }>(
    "SELECT to_regclass('tourdesk_schema') IS NOT NULL AS present",
  );
  if (!exists.rows[0]?.present) return null;
  // BIGINT comes back as text from a pool without the app's type parsers ('19' + 1 would be '191').
  const row = await client.query<{ version: number | string }>('SELECT version FROM tourdesk_schema');
  return Number(row.rows[0]?.version ?? 0);
}

/**
 * Brings the server base's schema up to `list`. Answers the version found before (null: an empty
 * database that got the whole schema now).
 */
export async function migratePostgres(
  pool: pg.Pool,
  list: readonly Migration[],
  where: string,
): Promise<number | null> {
  const latest = list.length;
  const client = await pool.connect();
  let step = 0;
  let found: number | null = null;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    found = await postgresSchemaVersion(client);
    if (found !== null && found > latest) {
      throw new AppError(
        'UNAVAILABLE',
        `The server database ${where} was written by a newer version of the app (schema ${found} > ${latest}); it was not changed.`,
      );
    }
    if (found === null) {
      await client.query('CREATE TABLE tourdesk_schema (version BIGINT NOT NULL)');
      await client.query('INSERT INTO tourdesk_schema (version) VALUES (0)');
    }
    const from = found ?? 0;
    for (step = from + 1; step <= latest; step++) {
      const migration = list[step - 1];
      if (!migration) throw new Error(`missing migration ${step}`);
      if (migration.postgres) {
        await migration.postgres(client);
        continue;
      }
      const recorded: Recorded[] = [];
      try {
        migration.up(recorder(recorded, from === 0));
      } catch (error) {
        if (error instanceof ReadDuringRecording) {
          throw new Error(
            `it reads existing rows and has no PostgreSQL step (${error.message.slice(0, 80)})`,
          );
        }
        throw error;
      }
      for (const r of recorded) await client.query(r.sql, r.params);
    }
    await client.query('UPDATE tourdesk_schema SET version = $1', [latest]);
    await client.query('COMMIT');
    return found;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof AppError) throw error;
    const name = list[step - 1]?.name ?? '';
    throw new AppError(
      'UNAVAILABLE',
      `Upgrading the server database ${where} to schema ${latest} failed in migration ${step} (${name}): ${
        error instanceof Error ? error.message : String(error)
      }. Nothing was changed.`,
    );
  } finally {
    client.release();
  }
}
