import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { ClientRow } from '../../../shared/domain/client';
import type { Database } from '../db/schema';
import { dialectOf } from '../db/dialect';
import { decodeCursor, encodeCursor, rowAfter, type KeyValue } from '../db/keyset';
import { jumpStart } from './client-jump';

type ClientRecord = Selectable<Database['clients']>;
type SearchKeyQuery = SelectQueryBuilder<Database, 'client_search_keys', Record<never, never>>;

/** What clients.list answers: see keysetPage in the contract. */
export interface ClientPage {
  total: number | null;
  totalExact: boolean;
  next: string | null;
  rows: ClientRow[];
}
type ClientQuery = SelectQueryBuilder<Database, 'clients', Record<never, never>>;
export type SortColumn =
  'sort_name' | 'sort_name_lat' | 'birth_date' | 'citizenship' | 'passport_expiry' | 'updated_at';

export interface PageRequest {
  column: SortColumn;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
  after: string | null;
  scope: string;
  /** The list is filtered to one citizenship, so sorting by citizenship is sorting by name. */
  oneCitizenship: boolean;
  /**
   * The base, for a deep jump by sampled keys (client-jump.ts; without it a jump skips rows) and for
   * its dialect (skipping).
   */
  jumpDb?: Kysely<Database>;
}

/** Matches counted exactly up to this; above it the total is estimated ("about N"). */
export const EXACT_COUNT_LIMIT = 50_000;
/** Ids sampled for an estimate, in evenly spread windows so old and new clients both count. */
const SAMPLE_IDS = 16_000;
const SAMPLE_WINDOWS = 8;

const NULLABLE = new Set<SortColumn>(['birth_date', 'passport_expiry']);

/** A cursor's values: [absent (0|1), value, id] for a nullable column, [value, (sort_name,) id] otherwise. */
function keyOf(record: ClientRecord, column: SortColumn): KeyValue[] {
  const value = record[column];
  if (NULLABLE.has(column)) return [value === null ? 1 : 0, value, record.id];
  if (column === 'citizenship') return [record.citizenship, record.sort_name, record.id];
  return [value, record.id];
}

/** The columns a non-nullable sort orders by, its key. */
function keyColumns(column: SortColumn): string[] {
  const ref = `clients.${column}`;
  return column === 'citizenship' ? [ref, 'clients.sort_name', 'clients.id'] : [ref, 'clients.id'];
}

function keyLength(column: SortColumn): number {
  return NULLABLE.has(column) || column === 'citizenship' ? 3 : 2;
}

function ordered<O>(
  qb: SelectQueryBuilder<Database, 'clients', O>,
  columns: readonly string[],
  direction: 'asc' | 'desc',
): SelectQueryBuilder<Database, 'clients', O> {
  return columns.reduce((q, c) => q.orderBy(sql.ref(c), direction), qb);
}

type Order = <O>(
  qb: SelectQueryBuilder<Database, 'clients', O>,
) => SelectQueryBuilder<Database, 'clients', O>;

/**
 * `limit` rows of `filtered` in `order`, `skip` rows in. SQLite steps over a skipped row's index
 * entry; a server reads each skipped row from the table (5,000 rows: 4.5 ms against 0.6), so there
 * the page's ids are taken from the index first and only their rows are read.
 */
async function skipping(
  db: Kysely<Database> | undefined,
  filtered: ClientQuery,
  order: Order,
  limit: number,
  skip: number,
): Promise<ClientRecord[]> {
  if (skip === 0 || !db || dialectOf(db) !== 'postgres') {
    return order(filtered.selectAll('clients')).limit(limit).offset(skip).execute();
  }
  const ids = order(filtered.select('clients.id')).limit(limit).offset(skip);
  return order(db.selectFrom('clients').selectAll('clients').where('clients.id', 'in', ids)).execute();
}

/**
 * One page of the list in the order of `column`, then id. With `after` the page starts right after
 * the cursor's row by an index seek, whatever its depth; without it `offset` jumps (the scrollbar).
 */
export async function clientPage(
  base: ClientQuery,
  request: PageRequest,
): Promise<{ records: ClientRecord[]; next: string | null }> {
  const { column, direction, limit } = request;
  const ref = `clients.${column}`;
  let records: ClientRecord[];
  const jump =
    request.after === null && request.jumpDb && !NULLABLE.has(column)
      ? await jumpStart(request.jumpDb, base, request.scope, keyColumns(column), direction, request.offset)
      : null;
  if (jump) {
    records = await skipping(
      request.jumpDb,
      base.where(rowAfter(keyColumns(column), jump.after, direction)),
      (q) => ordered(q, keyColumns(column), direction),
      limit,
      jump.skip,
    );
  } else if (request.after === null) {
    const columns = column === 'citizenship' ? [ref, 'clients.sort_name', 'clients.id'] : [ref, 'clients.id'];
    records = await skipping(
      request.jumpDb,
      base,
      (q) =>
        ordered(
          NULLABLE.has(column) ? q.orderBy(sql`(${sql.ref(ref)} IS NULL)`, direction) : q,
          columns,
          direction,
        ),
      limit,
      request.offset,
    );
  } else {
    const cursor = decodeCursor(request.after, request.scope, keyLength(column));
    records = NULLABLE.has(column)
      ? await nullablePage(base, ref, cursor, direction, limit)
      : await ordered(
          base
            .selectAll('clients')
            .where(
              column === 'citizenship' && request.oneCitizenship
                ? rowAfter(['clients.sort_name', 'clients.id'], cursor.slice(1), direction)
                : rowAfter(
                    column === 'citizenship' ? [ref, 'clients.sort_name', 'clients.id'] : [ref, 'clients.id'],
                    cursor,
                    direction,
                  ),
            ),
          column === 'citizenship' ? [ref, 'clients.sort_name', 'clients.id'] : [ref, 'clients.id'],
          direction,
        )
          .limit(limit)
          .execute();
  }
  const last = records[records.length - 1];
  return {
    records,
    next: last && records.length === limit ? encodeCursor(request.scope, keyOf(last, column)) : null,
  };
}

/**
 * A nullable column is two index ranges: clients with the value (by value, id) and without it (by
 * id), the latter last going up and first going down. A row-value comparison cannot cross the NULLs,
 * so the page is read from the cursor's segment and, when that runs out, from the next one.
 */
async function nullablePage(
  base: ClientQuery,
  ref: string,
  cursor: KeyValue[],
  direction: 'asc' | 'desc',
  limit: number,
): Promise<ClientRecord[]> {
  const segments: ('present' | 'absent')[] =
    direction === 'asc' ? ['present', 'absent'] : ['absent', 'present'];
  const [absentFlag, value, id] = cursor;
  const from = segments.indexOf(absentFlag === 1 ? 'absent' : 'present');
  const records: ClientRecord[] = [];
  for (const [i, segment] of segments.entries()) {
    if (i < from || records.length >= limit) continue;
    const atCursor = i === from;
    const query =
      segment === 'present'
        ? ordered(
            base
              .selectAll('clients')
              .where(sql<boolean>`(${sql.ref(ref)} IS NULL) = false`)
              .$if(atCursor, (q) =>
                q.where(rowAfter([ref, 'clients.id'], [value ?? null, id ?? null], direction)),
              ),
            [ref, 'clients.id'],
            direction,
          )
        : ordered(
            base
              .selectAll('clients')
              .where(sql<boolean>`(${sql.ref(ref)} IS NULL) = true`)
              .where(sql.ref(ref), 'is', null)
              .$if(atCursor, (q) => q.where(rowAfter(['clients.id'], [id ?? null], direction))),
            ['clients.id'],
            direction,
          );
    records.push(...(await query.limit(limit - records.length).execute()));
  }
  return records;
}

/**
 * The number of clients a query matches, counted exactly up to EXACT_COUNT_LIMIT (`exactUpTo`: a
 * test's smaller one); above it estimated from evenly spread windows of ids, so a million-client
 * list is counted in milliseconds.
 */
export async function countClients(
  db: Kysely<Database>,
  base: ClientQuery,
  exactUpTo = EXACT_COUNT_LIMIT,
): Promise<{ total: number; exact: boolean }> {
  const server = dialectOf(db) === 'postgres';
  const capped = await db
    .selectFrom(
      base
        .select(sql<number>`1`.as('one'))
        // A server's planner takes a table scan for a bare LIMIT, which reads wide rows (20 ms at
        // 200,000 clients); in the list's order it counts through the narrow index (7 ms).
        .$if(server, (q) => q.orderBy('clients.sort_name').orderBy('clients.id'))
        .limit(exactUpTo + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(capped.n);
  if (n <= exactUpTo) return { total: n, exact: true };
  const total = await estimateFromWindows(db, exactUpTo, async (windows) => {
    const counts = windows.map(([from, to]) =>
      base
        .where('clients.id', '>=', from)
        .where('clients.id', '<', to)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    );
    if (server) {
      // One round trip for every window instead of one each.
      const sum = await sql<{ n: number }>`SELECT ${sql.join(
        counts.map((q) => sql`(${q})`),
        sql` + `,
      )} AS n`.execute(db);
      return Number(sum.rows[0]?.n ?? 0);
    }
    let found = 0;
    for (const q of counts) found += Number((await q.executeTakeFirstOrThrow()).n);
    return found;
  });
  return { total, exact: false };
}

/** Scales the matches found in SAMPLE_WINDOWS windows of client ids to the whole id range. */
export async function estimateFromWindows(
  db: Kysely<Database>,
  exactUpTo: number,
  countIn: (windows: [fromId: number, toId: number][]) => Promise<number>,
): Promise<number> {
  const { lo, hi } = await idRange(db);
  const span = hi - lo + 1;
  const width = Math.max(1, Math.floor(Math.min(SAMPLE_IDS, span) / SAMPLE_WINDOWS));
  const step = Math.max(width, Math.floor(span / SAMPLE_WINDOWS));
  const windows: [number, number][] = [];
  let sampled = 0;
  for (let from = lo; from < lo + span; from += step) {
    const to = Math.min(from + width, lo + span);
    windows.push([from, to]);
    sampled += to - from;
  }
  const found = await countIn(windows);
  // The exact count already passed the limit: an unlucky sample never says less.
  return Math.max(exactUpTo + 1, Math.round((found * span) / sampled));
}

async function idRange(db: Kysely<Database>): Promise<{ lo: number; hi: number }> {
  const clients = db.selectFrom('clients');
  if (dialectOf(db) === 'postgres') {
    // A server reads both ends of the key in one statement.
    const row = await clients
      .select((eb) => [eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')])
      .executeTakeFirstOrThrow();
    return { lo: Number(row.lo), hi: Number(row.hi) };
  }
  // Two queries: SQLite answers a lone min() or max() from the index end, but min and max
  // together scan the whole table (2.5 s at a million clients).
  const low = await clients.select((eb) => eb.fn.min('id').as('lo')).executeTakeFirstOrThrow();
  const high = await clients.select((eb) => eb.fn.max('id').as('hi')).executeTakeFirstOrThrow();
  return { lo: Number(low.lo), hi: Number(high.hi) };
}

/**
 * The total of a surname search, exact: one range scan of the search keys alone (index-only), which
 * the bench at 1,000,000 clients found far cheaper than sampling windows of ids for an estimate.
 */
export async function countSearch(
  _db: Kysely<Database>,
  inRange: SearchKeyQuery,
): Promise<{ total: number; exact: boolean }> {
  const row = await inRange.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { total: Number(row.n), exact: true };
}
