import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { Database } from './schema';

const ROWS_PER_STATEMENT = 400;

/**
 * Inserts many rows of one shape. Kysely writes the multi-row INSERT once per chunk size; the
 * remaining chunks reuse that SQL with their own parameters, because compiling a 400-row query
 * for every chunk costs more than running it.
 */
export async function bulkInsert<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first) as (keyof typeof first)[];
  const sqlByChunkSize = new Map<number, string>();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    let sqlText = sqlByChunkSize.get(chunk.length);
    if (sqlText === undefined) {
      // The row type was checked by this function's signature; Kysely cannot follow a generic table name.
      const values = chunk as unknown as Parameters<ReturnType<typeof db.insertInto<T>>['values']>[0];
      sqlText = db.insertInto(table).values(values).compile().sql;
      sqlByChunkSize.set(chunk.length, sqlText);
    }
    const parameters = chunk.flatMap((row) => {
      const keys = Object.keys(row);
      if (keys.length !== columns.length) throw new Error(`bulkInsert into ${table}: rows differ in shape`);
      return columns.map((column) => row[column] as unknown);
    });
    await db.executeQuery(CompiledQuery.raw(sqlText, parameters));
  }
}
