import { PostgresAdapter, sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';

/**
 * The few pieces of SQL that differ between the embedded SQLite file and an office PostgreSQL
 * server. Everything else is the same Kysely code on both. Which one a query runs on is read from
 * the Kysely instance (a transaction has its database's adapter), so no repository carries a flag.
 *
 * What is the same on both by design, not here:
 * - text compares and sorts by code point on both (PostgreSQL columns are COLLATE "C", see
 *   pg-migrate.ts), and the Russian order (Ё with Е) and case folding come from keys the app
 *   computes (sort_name, client_search_keys, name_key), so search and lists give the same rows;
 * - ids, counts and money come back as numbers (int8 parsed as Number by open-postgres.ts);
 * - booleans are 0/1 integers, dates ISO text.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface TableReference {
  /** The table holding the foreign key. */
  table: string;
  column: string;
  /** The table it refers to. */
  parent: string;
}

// A Kysely instance or a transaction.
type AnyDb = QueryExecutorProvider;

export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The last `n` characters of a text expression (SQLite's substr(x, -n); PostgreSQL's right(x, n)). */
export function lastChars(db: AnyDb, expression: string, n: number): RawBuilder<string> {
  const count = Math.trunc(n);
  return dialectOf(db) === 'postgres'
    ? sql<string>`right(${sql.raw(expression)}, ${sql.lit(count)})`
    : sql<string>`substr(${sql.raw(expression)}, ${sql.lit(-count)})`;
}

/** A number stored under `key` of a JSON text column. */
export function jsonNumber(db: AnyDb, column: string, key: string): RawBuilder<number> {
  if (!/^\w+$/.test(key)) throw new Error(`jsonNumber: bad key ${key}`);
  return dialectOf(db) === 'postgres'
    ? sql<number>`(${sql.ref(column)}::jsonb ->> ${sql.lit(key)})::bigint`
    : sql<number>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`;
}

/** The app's own tables. */
export async function tableNames(db: AnyDb): Promise<string[]> {
  const result =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            AND table_name <> 'tourdesk_schema' ORDER BY table_name`.execute(db)
      : await sql<{ name: string }>`SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db);
  return result.rows.map((r) => r.name);
}

/** Every single-column foreign key of the app's tables. */
export async function foreignKeys(db: AnyDb): Promise<TableReference[]> {
  if (dialectOf(db) === 'postgres') {
    const result = await sql<TableReference>`SELECT c.conrelid::regclass::text AS "table",
          a.attname AS "column", c.confrelid::regclass::text AS parent
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        ORDER BY 1, 2`.execute(db);
    return result.rows;
  }
  const found: TableReference[] = [];
  for (const table of await tableNames(db)) {
    const keys = await sql<{ table: string; from: string }>`SELECT "table", "from"
      FROM pragma_foreign_key_list(${table})`.execute(db);
    for (const fk of keys.rows) found.push({ table, column: fk.from, parent: fk.table });
  }
  return found;
}

/**
 * Moves every reference `column = from` of `table` to `to`, leaving the rows where that would
 * break a unique key (SQLite's UPDATE OR IGNORE). PostgreSQL has no such statement: each row is
 * moved under a savepoint, and a unique violation only undoes that row.
 */
export async function moveReferencesIgnoringDuplicates(
  trx: AnyDb,
  table: string,
  column: string,
  from: number,
  to: number,
): Promise<void> {
  if (dialectOf(trx) === 'sqlite') {
    await sql`UPDATE OR IGNORE ${sql.table(table)} SET ${sql.ref(column)} = ${to}
      WHERE ${sql.ref(column)} = ${from}`.execute(trx);
    return;
  }
  const rows = await sql<{ row: string }>`SELECT ctid::text AS row FROM ${sql.table(table)}
    WHERE ${sql.ref(column)} = ${from}`.execute(trx);
  for (const { row } of rows.rows) {
    await sql`SAVEPOINT move_reference`.execute(trx);
    try {
      await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${to} WHERE ctid = ${row}::tid`.execute(
        trx,
      );
      await sql`RELEASE SAVEPOINT move_reference`.execute(trx);
    } catch (error) {
      if ((error as { code?: unknown }).code !== '23505') throw error;
      await sql`ROLLBACK TO SAVEPOINT move_reference`.execute(trx);
    }
  }
}

/**
 * Makes a bulk write's COMMIT wait until the server has flushed it (a server set to
 * synchronous_commit = off answers before): until then VACUUM may not mark its rows visible to
 * all, and refreshStatistics right after would leave every new page to be read again. No-op on SQLite.
 */
export async function flushOnCommit(trx: AnyDb): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`SET LOCAL synchronous_commit = on`.execute(trx);
}

/**
 * Fresh planner statistics after a bulk write of `tables` (outside any transaction). SQLite: PRAGMA
 * optimize. A server: VACUUM and ANALYZE; VACUUM also marks the new pages all-visible, without which
 * an index-only scan reads every row from the table again; autovacuum would get there only later
 * (an insert-only table waits for 20% new rows).
 */
export async function refreshStatistics(db: AnyDb, tables: readonly string[]): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`PRAGMA optimize`.execute(db);
    return;
  }
  if (tables.length === 0) return;
  const list = sql.join(tables.map((t) => sql.table(t)));
  // Two statements: in VACUUM (ANALYZE) a, b the analyze of a holds back what the vacuum of b may
  // mark all-visible (PostgreSQL 15: b's newest pages stayed unmarked).
  await sql`VACUUM ${list}`.execute(db);
  await sql`ANALYZE ${list}`.execute(db);
}

/**
 * Gives the space of deleted rows back so their bytes are gone from the file (SQLite: VACUUM and an
 * emptied WAL). On a server, deleted tuples are the server's own business (autovacuum).
 */
export async function compactAfterErasure(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`VACUUM`.execute(db);
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}

/** A table's primary-key columns in key order (every column when it has none), for a stable order. */
export async function primaryKeyColumns(db: AnyDb, table: string): Promise<string[]> {
  const result =
    dialectOf(db) === 'postgres'
      ? await sql<{ name: string; pk: number }>`SELECT a.attname AS name,
            coalesce(array_position(i.indkey::int2[], a.attnum) + 1, 0) AS pk
          FROM pg_attribute a -- indkey's subscripts start at 0
          LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
          WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attnum`.execute(db)
      : await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${table})
          ORDER BY cid`.execute(db);
  const key = result.rows.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
  return (key.length > 0 ? key : result.rows).map((c) => c.name);
}

/**
 * The first of `count` new ids of `table`, for a bulk insert that writes its ids itself (its child
 * rows need them). On SQLite the write lock of the transaction makes max(id) + 1 safe. On a server
 * other clerks insert at the same time: the table is locked against other writers for the rest of
 * this transaction, and its identity sequence is moved past the block, so later inserts that take
 * their id from it never collide with the ids written here.
 */
export async function reserveIds(trx: AnyDb, table: string, count: number): Promise<number> {
  if (dialectOf(trx) === 'sqlite') {
    const row = await sql<{ m: number | null }>`SELECT max(id) AS m FROM ${sql.table(table)}`.execute(trx);
    return Number(row.rows[0]?.m ?? 0) + 1;
  }
  await sql`LOCK TABLE ${sql.table(table)} IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const sequence = await sql<{ name: string }>`SELECT pg_get_serial_sequence(${table}, 'id') AS name`.execute(
    trx,
  );
  const name = sequence.rows[0]?.name;
  if (!name) throw new Error(`reserveIds: ${table} has no identity column`);
  const used = await sql<{ used: number }>`SELECT GREATEST(
      (SELECT coalesce(max(id), 0) FROM ${sql.table(table)}),
      (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${sql.raw(name)})
    ) AS used`.execute(trx);
  const first = Number(used.rows[0]?.used ?? 0) + 1;
  await sql`SELECT setval(${name}, ${first + count - 1})`.execute(trx);
  return first;
}

/** Which unique key a write broke: the table and its columns (empty when SQLite names only an index). */
export interface UniqueViolation {
  table: string;
  columns: string[];
}

/**
 * A unique-key refusal of either dialect (PostgreSQL 23505, SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY), or
 * null for any other error. Only names are read: PostgreSQL's detail also holds the duplicate value
 * (it may be a passport number), which is never kept.
 */
export function uniqueViolation(error: unknown): UniqueViolation | null {
  const e = error as { code?: unknown; table?: unknown; detail?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return null;
  if (e.code === '23505') {
    const key = typeof e.detail === 'string' ? /^Key \((.+?)\)=\(/.exec(e.detail) : null;
    return {
      table: typeof e.table === 'string' ? e.table : '',
      columns: key?.[1] ? key[1].split(', ').map((c) => c.replace(/^"|"$/g, '')) : [],
    };
  }
  if (e.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  const named =
    typeof e.message === 'string' ? /constraint failed: ([\w.]+(?:, [\w.]+)*)$/.exec(e.message) : null;
  const parts = named?.[1] ? named[1].split(', ').map((c) => c.split('.')) : [];
  return { table: parts[0]?.[0] ?? '', columns: parts.map((p) => p[1] ?? '') };
}
