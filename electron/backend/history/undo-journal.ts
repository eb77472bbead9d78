import { sql, type Kysely, type Transaction } from 'kysely';
import { foreignKeys } from '../db/dialect';
import { AppError } from '../../../shared/api/envelope';
import { timestamp, type Clock } from '../../../shared/domain/clock';
import type { Database } from '../db/schema';
import type { AuditTrail } from './audit';

/** The tables an undoable change may touch. */
export type JournalTable =
  | 'clients'
  | 'documents'
  | 'client_search_keys'
  | 'tours'
  | 'tour_services'
  | 'tourists'
  | 'tourist_services'
  | 'questionnaire_answers'
  | 'client_consents'
  | 'client_links'
  | 'dictionary_entries';

type KeyValue = number | string;
/** Selects rows: each column equals a value, or is one of a list of values. */
export type RowKey = Record<string, KeyValue | readonly KeyValue[]>;
type Row = Record<string, unknown>;

/** Columns every write bumps; a row whose other columns are unchanged is not a later edit. */
const BOOKKEEPING = new Set(['version', 'updated_at']);
const CHUNK = 500;

export type UndoKind =
  | 'clients.delete'
  | 'import'
  | 'dictionary.delete'
  | 'tourists.delete'
  | 'tourists.bindServices'
  | 'tours.delete'
  | 'clients.merge';

export type UndoSummary = Record<string, string | number>;

export interface UndoEntry {
  id: number;
  at: string;
  clerk: string;
  kind: UndoKind;
  summary: UndoSummary;
  undoneAt: string | null;
}

interface Item {
  table: JournalTable;
  key: RowKey;
  before: Row[];
}

/**
 * Rows one change inserted, kept as what selects them (an integer column in ranges) and what they
 * must still be, instead of a copy of every row: undo deletes them, so it only has to know they are
 * untouched. A 5,000-row import writes a few lines here instead of megabytes of JSON.
 */
export interface CreatedRows {
  table: JournalTable;
  column: string;
  ids: readonly number[];
  /** The rows were inserted at this version: any later save bumps it, so undo sees the edit. */
  version?: number;
  /** Every row has one of these values in this column (tourist_services.service_id). */
  within?: { column: string; values: readonly number[] };
}

type Span = [number, number];
interface CreatedKey {
  created: { column: string; spans: Span[] };
}
interface CreatedCheck {
  rows: number;
  version?: number;
  within?: { column: string; values: number[] };
}

/** Sorted, distinct ids as [first, last] runs: an import's ids are one run. */
export function spansOf(ids: readonly number[]): Span[] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const spans: Span[] = [];
  for (const id of sorted) {
    const last = spans[spans.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else spans.push([id, id]);
  }
  return spans;
}

function inSpans(column: string, spans: readonly Span[]) {
  return sql`(${sql.join(
    spans.map(([from, to]) => sql`${sql.ref(column)} BETWEEN ${from} AND ${to}`),
    sql` OR `,
  )})`;
}

/** Spans split so no statement carries more than CHUNK parameters. */
function spanChunks(spans: readonly Span[]): Span[][] {
  const parts: Span[][] = [];
  for (let i = 0; i < spans.length; i += CHUNK / 2) parts.push(spans.slice(i, i + CHUNK / 2));
  return parts;
}

function isCreatedKey(key: unknown): key is CreatedKey {
  return typeof key === 'object' && key !== null && 'created' in key;
}

/** For an item stored by createdRows: whether its `column` spans hold `id` (others answer false). */
export function createdItemHolds(rowKey: string, column: string, id: number): boolean {
  const key = JSON.parse(rowKey) as unknown;
  if (!isCreatedKey(key) || key.created.column !== column) return false;
  return key.created.spans.some(([from, to]) => id >= from && id <= to);
}

/** Whether an item was stored by createdRows (ranges of ids, no copies of rows). */
export function isCreatedItem(rowKey: string): boolean {
  return isCreatedKey(JSON.parse(rowKey));
}

function whereKey(key: RowKey) {
  const terms = Object.entries(key).map(([column, value]) =>
    Array.isArray(value)
      ? sql`${sql.ref(column)} IN (${sql.join(value as KeyValue[])})`
      : sql`${sql.ref(column)} = ${value as KeyValue}`,
  );
  return sql.join(terms, sql` AND `);
}

/** A key whose list values are split so no statement carries more than CHUNK parameters. */
function chunksOf(key: RowKey): RowKey[] {
  const listColumn = Object.entries(key).find(([, v]) => Array.isArray(v));
  if (!listColumn) return [key];
  const [column, values] = listColumn as [string, readonly KeyValue[]];
  const parts: RowKey[] = [];
  for (let i = 0; i < values.length; i += CHUNK) parts.push({ ...key, [column]: values.slice(i, i + CHUNK) });
  return parts;
}

async function selectRows(db: Kysely<Database>, table: JournalTable, key: RowKey): Promise<Row[]> {
  const rows: Row[] = [];
  for (const part of chunksOf(key)) {
    const result = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${whereKey(part)}`.execute(db);
    rows.push(...result.rows);
  }
  return rows;
}

/** Rows compared as sets, ignoring the columns every write bumps. */
function sameRows(a: Row[], b: Row[]): boolean {
  if (a.length !== b.length) return false;
  const canonical = (rows: Row[]) =>
    rows.map((r) => JSON.stringify(Object.entries(r).filter(([column]) => !BOOKKEEPING.has(column)))).sort();
  const x = canonical(a);
  const y = canonical(b);
  return x.every((s, i) => s === y[i]);
}

/**
 * Records what one change did to each row it touched, as whole rows before and after, and takes it
 * back later. Every undoable change of the app goes through it (a client deleted, an import, a
 * dictionary word deleted, a tourist removed, services bound), so an undo always restores the same
 * ids and refuses, with its reason, when a row was edited since or when later work depends on it.
 */
export class UndoJournal {
  private foreignKeys: Map<string, { table: string; column: string }[]> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly clerk: () => string,
    private readonly audit: AuditTrail,
  ) {}

  /** Starts recording one change inside the caller's transaction. */
  begin(trx: Transaction<Database>): ChangeRecorder {
    return new ChangeRecorder(trx, this.clock, this.clerk, this.audit);
  }

  async list(limit: number): Promise<UndoEntry[]> {
    const rows = await this.db
      .selectFrom('undo_entries')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      clerk: r.clerk,
      kind: r.kind as UndoKind,
      summary: JSON.parse(r.summary) as UndoSummary,
      undoneAt: r.undone_at,
    }));
  }

  /** Takes one change back in one transaction, or refuses and changes nothing. */
  async undo(id: number): Promise<UndoEntry> {
    return this.db.transaction().execute(async (trx) => {
      const entry = await trx.selectFrom('undo_entries').selectAll().where('id', '=', id).executeTakeFirst();
      if (!entry) throw new AppError('NOT_FOUND', `undo entry ${id} not found`);
      if (entry.undone_at) {
        throw new AppError('STALE_VERSION', `undo entry ${id} was undone already`, undefined, {
          reason: 'undoAlreadyDone',
        });
      }
      const items = await trx
        .selectFrom('undo_items')
        .selectAll()
        .where('entry_id', '=', id)
        .orderBy('seq', 'desc')
        .execute();
      for (const item of items) {
        const table = item.table_name as JournalTable;
        const parsedKey = JSON.parse(item.row_key) as RowKey | CreatedKey;
        if (isCreatedKey(parsedKey)) {
          await this.removeCreated(
            trx,
            table,
            parsedKey.created,
            JSON.parse(item.after_rows) as CreatedCheck,
          );
          continue;
        }
        const key = parsedKey;
        const before = JSON.parse(item.before_rows) as Row[];
        const after = JSON.parse(item.after_rows) as Row[];
        const current = await selectRows(trx, table, key);
        if (!sameRows(current, after)) {
          throw new AppError(
            'STALE_VERSION',
            `${table} ${item.row_key} changed after entry ${id}`,
            undefined,
            {
              reason: 'undoLaterEdit',
              params: { table },
            },
          );
        }
        await this.restore(trx, table, key, before, current);
      }
      const undoneAt = timestamp(this.clock);
      await trx.updateTable('undo_entries').set({ undone_at: undoneAt }).where('id', '=', id).execute();
      await this.audit.record(trx, {
        entity: 'undo',
        entityId: id,
        action: 'undo',
        changes: { kind: entry.kind },
      });
      return {
        id,
        at: entry.at,
        clerk: entry.clerk,
        kind: entry.kind as UndoKind,
        summary: JSON.parse(entry.summary) as UndoSummary,
        undoneAt,
      };
    });
  }

  /**
   * Deletes rows a change inserted, after checking they are as it left them: as many, none saved
   * since (their version), none bound elsewhere; refused like any later edit otherwise.
   */
  private async removeCreated(
    trx: Transaction<Database>,
    table: JournalTable,
    key: CreatedKey['created'],
    check: CreatedCheck,
  ): Promise<void> {
    const laterEdit = () =>
      new AppError('STALE_VERSION', `${table} made by this change changed since`, undefined, {
        reason: 'undoLaterEdit',
        params: { table },
      });
    let rows = 0;
    let edited = 0;
    let outside = 0;
    for (const spans of spanChunks(key.spans)) {
      const where = inSpans(key.column, spans);
      const found = await sql<{
        n: number;
        edited: number | null;
        outside: number | null;
      }>`SELECT count(*) AS n,
          ${check.version === undefined ? sql`0` : sql`sum(CASE WHEN version <> ${check.version} THEN 1 ELSE 0 END)`} AS edited,
          ${
            check.within === undefined
              ? sql`0`
              : sql`sum(CASE WHEN ${sql.ref(check.within.column)} IN (${sql.join(
                  check.within.values.length > 0 ? check.within.values : [null],
                )}) THEN 0 ELSE 1 END)`
          } AS outside
        FROM ${sql.table(table)} WHERE ${where}`.execute(trx);
      const row = found.rows[0];
      rows += Number(row?.n ?? 0);
      edited += Number(row?.edited ?? 0);
      outside += Number(row?.outside ?? 0);
    }
    if (rows !== check.rows || edited > 0 || outside > 0) throw laterEdit();
    if (key.column === 'id') await this.refuseIfReferencedSpans(trx, table, key.spans);
    for (const spans of spanChunks(key.spans))
      await sql`DELETE FROM ${sql.table(table)} WHERE ${inSpans(key.column, spans)}`.execute(trx);
  }

  private async refuseIfReferencedSpans(
    trx: Transaction<Database>,
    table: string,
    spans: readonly Span[],
  ): Promise<void> {
    for (const child of await this.childrenOf(trx, table)) {
      for (const part of spanChunks(spans)) {
        const found = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.table(child.table)}
          WHERE ${inSpans(child.column, part)} LIMIT 1`.execute(trx);
        if (found.rows.length > 0) {
          throw new AppError(
            'STALE_VERSION',
            `${child.table} refers to ${table} made by this change`,
            undefined,
            { reason: 'undoDependents', params: { table: child.table } },
          );
        }
      }
    }
  }

  private async restore(
    trx: Transaction<Database>,
    table: JournalTable,
    key: RowKey,
    before: Row[],
    current: Row[],
  ): Promise<void> {
    const hasId = [...before, ...current].every((r) => typeof r.id === 'number');
    if (!hasId) {
      // Rows without an id of their own (search keys, service links) are a set: replaced whole.
      for (const part of chunksOf(key))
        await sql`DELETE FROM ${sql.table(table)} WHERE ${whereKey(part)}`.execute(trx);
      await this.insertRows(trx, table, before);
      return;
    }
    const beforeIds = new Set(before.map((r) => r.id as number));
    const gone = current.filter((r) => !beforeIds.has(r.id as number)).map((r) => r.id as number);
    if (gone.length > 0) {
      await this.refuseIfReferenced(trx, table, gone);
      for (const part of chunksOf({ id: gone }))
        await sql`DELETE FROM ${sql.table(table)} WHERE ${whereKey(part)}`.execute(trx);
    }
    const currentById = new Map(current.map((r) => [r.id as number, r]));
    const missing: Row[] = [];
    for (const row of before) {
      const now = currentById.get(row.id as number);
      if (!now) {
        missing.push(row);
        continue;
      }
      const values: Row = { ...row };
      // The row comes back as it was, but as a new version: a card open on the undone state is stale.
      if (typeof now.version === 'number') values.version = now.version + 1;
      if ('updated_at' in now) values.updated_at = timestamp(this.clock);
      const assignments = Object.entries(values)
        .filter(([column]) => column !== 'id')
        .map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
      await sql`UPDATE ${sql.table(table)} SET ${sql.join(assignments)} WHERE id = ${row.id as number}`.execute(
        trx,
      );
    }
    await this.insertRows(trx, table, missing);
  }

  private async insertRows(trx: Transaction<Database>, table: JournalTable, rows: Row[]): Promise<void> {
    for (const row of rows) {
      const columns = Object.keys(row);
      try {
        await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          VALUES (${sql.join(columns.map((c) => row[c]))})`.execute(trx);
      } catch (error) {
        if (error instanceof Error && /constraint/i.test(error.message)) {
          // A unique value was taken again (the same word added anew) or its parent is gone.
          throw new AppError('STALE_VERSION', `${table} row cannot come back: ${error.message}`, undefined, {
            reason: 'undoLaterEdit',
            params: { table },
          });
        }
        throw error;
      }
    }
  }

  /** Rows made by the change are removed only while nothing made later refers to them. */
  private async refuseIfReferenced(trx: Transaction<Database>, table: string, ids: number[]): Promise<void> {
    for (const child of await this.childrenOf(trx, table)) {
      for (const part of chunksOf({ [child.column]: ids })) {
        const found = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.table(child.table)}
          WHERE ${whereKey(part)} LIMIT 1`.execute(trx);
        if (found.rows.length > 0) {
          throw new AppError(
            'STALE_VERSION',
            `${child.table} refers to ${table} made by this change`,
            undefined,
            {
              reason: 'undoDependents',
              params: { table: child.table },
            },
          );
        }
      }
    }
  }

  private async childrenOf(trx: Transaction<Database>, parent: string) {
    if (!this.foreignKeys) {
      const map = new Map<string, { table: string; column: string }[]>();
      for (const fk of await foreignKeys(trx))
        map.set(fk.parent, [...(map.get(fk.parent) ?? []), { table: fk.table, column: fk.column }]);
      this.foreignKeys = map;
    }
    return this.foreignKeys.get(parent) ?? [];
  }
}

/** One change being recorded: rows are captured before they are written and again at the end. */
export class ChangeRecorder {
  private readonly items: (Item | CreatedRows)[] = [];

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly clock: Clock,
    private readonly clerk: () => string,
    private readonly audit: AuditTrail,
  ) {}

  /** Call before changing or deleting the rows `key` selects. */
  async touch(table: JournalTable, key: RowKey): Promise<void> {
    this.items.push({ table, key, before: await selectRows(this.trx, table, key) });
  }

  /** Call after inserting many rows (an import): kept as ranges and a count, not as copies. */
  createdRows(rows: CreatedRows): void {
    if (rows.ids.length > 0) this.items.push(rows);
  }

  /** Stores the entry with every row as it is now; returns the entry id the UI undoes by. */
  async finish(kind: UndoKind, summary: UndoSummary): Promise<number> {
    const at = timestamp(this.clock);
    const entry = await this.trx
      .insertInto('undo_entries')
      .values({ at, clerk: this.clerk(), kind, summary: JSON.stringify(summary) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = [];
    for (const [seq, item] of this.items.entries()) {
      if ('ids' in item) {
        const spans = spansOf(item.ids);
        let count = 0;
        for (const part of spanChunks(spans)) {
          const found = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(item.table)}
            WHERE ${inSpans(item.column, part)}`.execute(this.trx);
          count += Number(found.rows[0]?.n ?? 0);
        }
        const check: CreatedCheck = {
          rows: count,
          ...(item.version === undefined ? {} : { version: item.version }),
          ...(item.within === undefined
            ? {}
            : { within: { column: item.within.column, values: [...item.within.values] } }),
        };
        const key: CreatedKey = { created: { column: item.column, spans } };
        rows.push({
          entry_id: entry.id,
          seq,
          table_name: item.table,
          row_key: JSON.stringify(key),
          before_rows: '[]',
          after_rows: JSON.stringify(check),
        });
        continue;
      }
      rows.push({
        entry_id: entry.id,
        seq,
        table_name: item.table,
        row_key: JSON.stringify(item.key),
        before_rows: JSON.stringify(item.before),
        after_rows: JSON.stringify(await selectRows(this.trx, item.table, item.key)),
      });
    }
    for (const row of rows) await this.trx.insertInto('undo_items').values(row).execute();
    await this.audit.record(this.trx, { entity: 'undo', entityId: entry.id, action: kind, changes: summary });
    return entry.id;
  }
}
