import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Insertable, type Transaction } from 'kysely';
import type { Database } from './schema';
import { databaseError } from './sqlite-dialect';

type TouristRow = Insertable<Database['tourists']>;

/**
 * Inserts rows of one shape by one single-row INSERT compiled once. On a SQLite file the statement
 * is prepared once and run for every row straight on the connection the transaction holds (the
 * same better-sqlite3 handle Kysely uses, so the rows are inside `trx`): at 5,000 rows Kysely's
 * per-query round (executor, connection provider, promise) cost as much as the inserts themselves.
 * On PostgreSQL each row goes through `trx` (the server prepares nothing for us to keep).
 */
export async function insertTouristRows(
  trx: Transaction<Database>,
  sqlite: BetterSqlite3.Database | null,
  rows: readonly TouristRow[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first) as (keyof TouristRow)[];
  const text = trx.insertInto('tourists').values(first).compile().sql;
  const valuesOf = (row: TouristRow) => {
    if (Object.keys(row).length !== columns.length)
      throw new Error('insertTouristRows: rows differ in shape');
    return columns.map((c) => row[c] as unknown);
  };
  if (sqlite === null) {
    for (const row of rows) await trx.executeQuery(CompiledQuery.raw(text, valuesOf(row)));
    return;
  }
  try {
    const insert = sqlite.prepare(text);
    for (const row of rows) insert.run(...valuesOf(row));
  } catch (error) {
    throw databaseError(error);
  }
}
