import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, type Insertable, type Transaction } from 'kysely';
import type { Database } from './schema';
import { databaseError } from './sqlite-dialect';

type TouristRow = Insertable<Database['tourists']>;

/**
 * Rows of the tourists table as one list of column names and, per row, the values in that order:
 * an import builds the value lists straight from the fields, without an object per row to take
 * apart again (at 5,000 rows the objects and their key lookups cost a third of the inserts).
 */
export interface TouristValues {
  columns: readonly (keyof TouristRow & string)[];
  rows: readonly (readonly unknown[])[];
}

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
  { columns, rows }: TouristValues,
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  for (const row of rows) {
    if (row.length !== columns.length) throw new Error('insertTouristRows: a row differs in shape');
  }
  // Kysely writes the statement (quoting, placeholders of the dialect) from the first row.
  const sample = Object.fromEntries(columns.map((c, i) => [c, first[i]])) as TouristRow;
  const text = trx.insertInto('tourists').values(sample).compile().sql;
  if (sqlite === null) {
    for (const row of rows) await trx.executeQuery(CompiledQuery.raw(text, [...row]));
    return;
  }
  try {
    const insert = sqlite.prepare(text);
    for (const row of rows) insert.run(row);
  } catch (error) {
    throw databaseError(error);
  }
}
