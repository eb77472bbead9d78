import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import type { DatabaseKey } from '../crypto/database-key';
import {
  dialectOf,
  flushOnCommit,
  foreignKeys,
  primaryKeyColumns,
  refreshStatistics,
  tableNames,
} from './dialect';
import { openStore, type Store } from './open-store';
import type { PostgresConnection } from './open-postgres';
import type { Database } from './schema';

/**
 * Moving a whole base between this computer's SQLite file and an office PostgreSQL server, either
 * way (issue 14). Both ends are brought to the latest schema by the one set of migrations; the
 * rows are copied table by table, parents first, in ONE transaction on the target, and before it
 * commits every table is read back from the target and compared with the source by its row count
 * and a SHA-256 of its rows in primary-key order. A mismatch rolls everything back. The target
 * must be new: a file that does not exist yet, or a server database without TourDesk data.
 */
export type BaseLocation =
  | { kind: 'file'; path: string; key: DatabaseKey | null }
  | { kind: 'server'; connection: PostgresConnection };

export interface MoveProgress {
  table: string;
  /** Rows of this table copied so far, and its total. */
  copied: number;
  total: number;
  /** Rows of the whole base copied so far, and its total. */
  copiedAll: number;
  totalAll: number;
}

export interface TableCheck {
  table: string;
  rows: number;
  checksum: string;
}

export interface MoveReport {
  from: string;
  to: string;
  tables: TableCheck[];
  rows: number;
}

/** Rows a server base may hold and still count as empty: the reference books every new base gets. */
const USER_DATA_TABLES = ['clients', 'tours', 'tourists', 'documents', 'audit', 'undo_entries'];
/** Parameters per INSERT: below SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS_PER_INSERT = 30_000;
const READ_CHUNK = 2_000;
/**
 * Tables the target's own triggers fill while the others are copied (the loyalty stale marks of
 * every tour inserted): copied last, after the triggers' rows are cleared, so they end as the source's.
 */
const TRIGGER_FILLED_TABLES = ['loyalty_stale_tours'];

type AnyDb = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

async function openLocation(location: BaseLocation, create: boolean): Promise<Store> {
  if (location.kind === 'file') {
    if (create && existsSync(location.path)) {
      throw new AppError(
        'BAD_INPUT',
        `the target file ${location.path} exists already: a base is moved into a new file only`,
      );
    }
    if (!create && !existsSync(location.path)) {
      throw new AppError('NOT_FOUND', `the base file ${location.path} does not exist`);
    }
    return openStore({ dbPath: location.path, key: location.key });
  }
  return openStore({ dbPath: '', postgres: location.connection });
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

async function refuseNonEmpty(target: Store): Promise<void> {
  for (const table of USER_DATA_TABLES) {
    if ((await countRows(target.db, table)) > 0) {
      throw new AppError(
        'BAD_INPUT',
        `the target ${target.where} already holds TourDesk data (table ${table} is not empty): a base is moved into an empty database only`,
      );
    }
  }
}

/** Tables in an order where every parent comes before the tables that refer to it. */
function parentsFirst(tables: string[], references: { table: string; parent: string }[]): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const r of references) if (r.table === table && r.parent !== table) visit(r.parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** One row as both dialects give it back: bytes as base64, everything else as it is, keys sorted. */
function canonical(row: Row): string {
  const keys = Object.keys(row).sort();
  return JSON.stringify(
    keys.map((k) => {
      const v = row[k];
      if (Buffer.isBuffer(v)) return ['b', v.toString('base64')];
      if (typeof v === 'bigint') return Number(v);
      return v ?? null;
    }),
  );
}

async function* readTable(db: AnyDb, table: string, key: string[]): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += READ_CHUNK) {
    const order = sql.join(key.map((c) => sql.ref(c)));
    const page = await sql<Row>`SELECT * FROM ${sql.table(table)} ORDER BY ${order}
      LIMIT ${READ_CHUNK} OFFSET ${offset}`.execute(db);
    if (page.rows.length > 0) yield page.rows;
    if (page.rows.length < READ_CHUNK) return;
  }
}

async function checkTable(db: AnyDb, table: string, key: string[]): Promise<TableCheck> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const chunk of readTable(db, table, key)) {
    for (const row of chunk) hash.update(canonical(row)).update('\n');
    rows += chunk.length;
  }
  return { table, rows, checksum: hash.digest('hex') };
}

async function insertRows(trx: AnyDb, table: string, rows: Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length));
  for (let i = 0; i < rows.length; i += perInsert) {
    const values = rows
      .slice(i, i + perInsert)
      .map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`);
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      VALUES ${sql.join(values)}`.execute(trx);
  }
}

/** After ids were copied as they were, a server's identity columns go on after the highest. */
async function advanceIdentities(trx: AnyDb, tables: string[]): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return; // SQLite's AUTOINCREMENT follows inserted ids itself
  for (const table of tables) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), max(id))
      FROM ${sql.table(table)} HAVING max(id) IS NOT NULL AND pg_get_serial_sequence(${table}, 'id') IS NOT NULL`.execute(
      trx,
    );
  }
}

async function hasIdColumn(db: AnyDb, table: string): Promise<boolean> {
  return (await primaryKeyColumns(db, table)).join() === 'id';
}

export async function moveBase(
  from: BaseLocation,
  to: BaseLocation,
  onProgress: (progress: MoveProgress) => void = () => undefined,
): Promise<MoveReport> {
  const source = await openLocation(from, false);
  let target: Store | null = null;
  try {
    target = await openLocation(to, true);
    await refuseNonEmpty(target);
    const sourceTables = await tableNames(source.db);
    const targetTables = await tableNames(target.db);
    if (sourceTables.join() !== targetTables.join()) {
      throw new AppError(
        'UNAVAILABLE',
        `the two bases have different tables after their upgrade (${sourceTables.length} and ${targetTables.length}): is one of them from another version of the app?`,
      );
    }
    const order = [
      ...parentsFirst(sourceTables, await foreignKeys(source.db)).filter(
        (t) => !TRIGGER_FILLED_TABLES.includes(t),
      ),
      ...TRIGGER_FILLED_TABLES.filter((t) => sourceTables.includes(t)),
    ];
    const keys = new Map<string, string[]>();
    const totals = new Map<string, number>();
    for (const table of order) {
      keys.set(table, await primaryKeyColumns(source.db, table));
      totals.set(table, await countRows(source.db, table));
    }
    const totalAll = [...totals.values()].reduce((a, b) => a + b, 0);
    const targetDb = target.db;
    const checks = await targetDb.transaction().execute(async (trx) => {
      await flushOnCommit(trx);
      // The rows the new schema seeded (reference books) give way to the source's own.
      for (const table of [...order].reverse()) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
      const sourceChecks: TableCheck[] = [];
      let copiedAll = 0;
      for (const table of order) {
        const key = keys.get(table) ?? [];
        const total = totals.get(table) ?? 0;
        const hash = createHash('sha256');
        let copied = 0;
        onProgress({ table, copied, total, copiedAll, totalAll });
        if (TRIGGER_FILLED_TABLES.includes(table)) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
        for await (const chunk of readTable(source.db, table, key)) {
          for (const row of chunk) hash.update(canonical(row)).update('\n');
          await insertRows(trx, table, chunk);
          copied += chunk.length;
          copiedAll += chunk.length;
          onProgress({ table, copied, total, copiedAll, totalAll });
        }
        sourceChecks.push({ table, rows: copied, checksum: hash.digest('hex') });
      }
      const withIds: string[] = [];
      for (const table of order) if (await hasIdColumn(trx, table)) withIds.push(table);
      await advanceIdentities(trx, withIds);
      for (const expected of sourceChecks) {
        const found = await checkTable(trx, expected.table, keys.get(expected.table) ?? []);
        if (found.rows !== expected.rows || found.checksum !== expected.checksum) {
          throw new AppError(
            'UNAVAILABLE',
            `the copy of table ${expected.table} differs from the source (${found.rows} rows, ${expected.rows} expected, or a changed value): nothing was moved`,
          );
        }
      }
      return sourceChecks;
    });
    // A whole base written at once: statistics and, on a server, the visibility map, so the first
    // searches on the new base are not planned blind nor read back from every table row.
    await refreshStatistics(targetDb, order);
    return {
      from: source.where,
      to: target.where,
      tables: checks,
      rows: checks.reduce((n, c) => n + c.rows, 0),
    };
  } finally {
    await target?.db.destroy();
    await source.db.destroy();
  }
}
