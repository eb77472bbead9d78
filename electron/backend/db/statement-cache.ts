import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared: every query the app writes, with room for a bulk insert's chunks. */
const CACHED_STATEMENTS = 500;

/**
 * The database as Kysely's SQLite driver sees it, with each SQL text prepared once and reused.
 * Kysely prepares every query it runs; preparing costs more than running a small query (and a
 * 400-row INSERT is prepared for each chunk of a bulk insert), so a list page or an import commit
 * spent much of its time there. A statement is run to completion (all/run) before the next use.
 */
export function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // moved to the newest end: least recently used goes first
      } else {
        statement = database.prepare(sql);
        if (cache.size >= CACHED_STATEMENTS) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
