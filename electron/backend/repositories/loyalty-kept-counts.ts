import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import type { Database } from '../db/schema';

/**
 * Migration 27 (issue 15): counted Loyalty figures kept in the base, so a fresh backend (a restart,
 * another clerk's app on a server) reuses what was counted while its inputs stand instead of
 * counting 200,000 clients again. A row's key names everything the value was counted from (the
 * figures or feedback version, the day, the params or plan); `version` is that counter alone, so a
 * write drops the rows of older counters. Nothing to backfill: an empty table only means "count".
 */

export const KEPT_COUNTS_TABLE = `CREATE TABLE loyalty_kept_counts (
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  version TEXT NOT NULL,
  value TEXT NOT NULL
)`;

/** What a row holds: a counted overview (key clients unnamed) or a plan's NPS counts. */
export type KeptKind = 'overview' | 'nps';

type KeptCountsTable = {
  loyalty_kept_counts: { key: string; kind: KeptKind; version: string; value: string };
};

function keptDb(base: Kysely<Database>): Kysely<Database & KeptCountsTable> {
  return base.withTables<KeptCountsTable>();
}

/** The value kept under `key`, parsed, or undefined. */
export async function readKept<T>(base: Kysely<Database>, key: string): Promise<T | undefined> {
  const row = await keptDb(base)
    .selectFrom('loyalty_kept_counts')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.value) as T);
}

/**
 * Keeps `value` under `key` and drops the kind's rows of other versions (they can never be asked
 * again: the counters only move forward or start anew at random). A read-only base keeps nothing;
 * a row another clerk wrote under the same key first is the same count and stays.
 */
export async function writeKept(
  base: Kysely<Database>,
  kind: KeptKind,
  version: string,
  key: string,
  value: unknown,
): Promise<void> {
  try {
    await keptDb(base)
      .transaction()
      .execute(async (trx) => {
        await trx
          .deleteFrom('loyalty_kept_counts')
          .where('kind', '=', kind)
          .where('version', '<>', version)
          .execute();
        await trx
          .insertInto('loyalty_kept_counts')
          .values({ key, kind, version, value: JSON.stringify(value) })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
      });
  } catch (error) {
    if (error instanceof AppError && error.code === 'READ_ONLY') return;
    throw error;
  }
}

/** Used by tests: how many counts the base keeps. */
export async function keptCount(base: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM loyalty_kept_counts`.execute(base);
  return Number(rows[0]?.n ?? 0);
}
