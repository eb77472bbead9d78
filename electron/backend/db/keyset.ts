import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../../shared/api/envelope';

/** A value of a sort key as a cursor carries it: the sort column's value, or the id tie-breaker. */
export type KeyValue = string | number | null;

const CURSOR_VERSION = 1;

/**
 * What a cursor belongs to: the command, its sort and every filter. A cursor given back with another
 * query is stale (its values mean nothing there) and is refused rather than silently misread.
 */
export function cursorScope(command: string, query: Record<string, unknown>): string {
  const parts = Object.keys(query)
    .filter((k) => k !== 'after' && k !== 'offset' && k !== 'limit' && k !== 'count')
    .sort()
    .map((k) => [k, query[k]]);
  return createHash('sha256')
    .update(JSON.stringify([command, parts]))
    .digest('base64url')
    .slice(0, 12);
}

/** An opaque, URL-safe cursor: the version, the query's scope and the last row's sort-key values. */
export function encodeCursor(scope: string, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, scope, values]), 'utf8').toString('base64url');
}

function isKeyValue(value: unknown): value is KeyValue {
  return value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The sort-key values of a cursor, checked against the query it is used with: a damaged cursor, one
 * of another version, another query or another length answers BAD_INPUT with reason `cursorStale`,
 * which the list answers by starting again from an offset.
 */
export function decodeCursor(cursor: string, scope: string, length: number): KeyValue[] {
  const stale = (why: string) =>
    new AppError('BAD_INPUT', `list cursor ${why}: start again from an offset`, undefined, {
      reason: 'cursorStale',
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw stale('is damaged');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw stale('is damaged');
  const [version, cursorScopeValue, values] = parsed as unknown[];
  if (version !== CURSOR_VERSION) throw stale('is of another version');
  if (cursorScopeValue !== scope) throw stale('belongs to another query or sort');
  if (!Array.isArray(values) || values.length !== length || !values.every(isKeyValue))
    throw stale('is damaged');
  return values;
}

/**
 * `(a, b, id) > (?, ?, ?)` (or `<` going down): SQLite seeks an index on those columns straight to
 * the row after the cursor, so a page costs the same at any depth. The columns must be NOT NULL here;
 * nullable sort columns are paged by segment (see clients.ts).
 */
export function rowAfter(
  columns: readonly string[],
  values: readonly KeyValue[],
  direction: 'asc' | 'desc',
): RawBuilder<boolean> {
  const refs = sql.join(columns.map((c) => sql.ref(c)));
  const params = sql.join(values.map((v) => sql.val(v)));
  return direction === 'asc' ? sql<boolean>`(${refs}) > (${params})` : sql<boolean>`(${refs}) < (${params})`;
}
