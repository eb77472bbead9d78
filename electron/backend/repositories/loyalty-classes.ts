import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  DEFAULT_LADDER_RULES,
  DEFAULT_RFM_FIXED,
  windowYears,
  type LoyaltyParams,
  type SummaryPlan,
} from '../../../shared/loyalty';
import { dialectOf, type DialectName } from '../db/dialect';
import type { Database } from '../db/schema';

/**
 * Each client's class on the Loyalty screen (ladder stage now and a period back, ABC, XYZ, RFM
 * segment, key client) as SQL over their summary row (the kept loyalty_client_figures or the same
 * columns grouped for another plan), so the base counts 165k clients and hands over a few dozen
 * groups. Every expression is the TypeScript rule of shared/loyalty written in portable SQL; the
 * doubles (XYZ) are computed in the same order as there, and the shares compare whole amounts
 * (shared/loyalty/cut-offs.ts), so both dialects give the TypeScript answer exactly.
 */

/** What the classes need besides the rows: totals of the clients with a window trip. */
export interface ClassCuts {
  /** Clients with a trip in the window (the quintiles' n), and their positive revenue. */
  inWindow: number;
  positiveRevenue: number;
  /** ABC: A while the margin of the clients before is below abcA, B below abcB. */
  abcA: number;
  abcB: number;
  /** The last client of A and of B in the ABC order (abcBoundaries); 'all' when every one is. */
  lastA: AbcBoundary;
  lastB: AbcBoundary;
  /** Key clients: revenue or margin at least this (null: nobody). */
  keyRevenue: number | null;
  keyMargin: number | null;
}

/** A class's last client: its margin and id (null: nobody in the class, 'all': everybody). */
export type AbcBoundary = { margin: number; clientId: number } | null | 'all';

const lit = (value: number | string) => sql.lit(value);

/** Ties of margin are taken by the id as text, as abcClasses does (its ids are strings). */
function idText(dialect: DialectName): RawBuilder<string> {
  return dialect === 'postgres' ? sql`CAST(client_id AS TEXT) COLLATE "C"` : sql`CAST(client_id AS TEXT)`;
}

/**
 * The last client of A and of B in the ABC order (margin descending, then id as text) over the
 * clients with a window trip and a positive margin: a class is the start of that order up to the
 * first client whose margin before reaches its cut, so it is told by comparing a client with its
 * last one, and the wide classification needs no running sum over every row (its sort took half
 * of a count). One narrow running sum here: the row where the sum before is below a cut and the sum
 * up to it reaches it (none: everybody is below the cut, when it is above zero).
 */
export async function abcBoundaries(
  db: Kysely<Database>,
  source: RawBuilder<unknown>,
  abcA: number,
  abcB: number,
): Promise<{ lastA: AbcBoundary; lastB: AbcBoundary }> {
  const { rows } = await sql<{ margin_minor: number; client_id: number; upto: number }>`
    SELECT margin_minor, client_id, upto FROM (SELECT margin_minor, client_id,
        SUM(margin_minor) OVER (ORDER BY margin_minor DESC, ${idText(dialectOf(db))}
          ROWS UNBOUNDED PRECEDING) AS upto
      FROM (${source}) f WHERE window_trips > 0 AND margin_minor > 0) w
    WHERE (upto - margin_minor < ${abcA} AND upto >= ${abcA})
      OR (upto - margin_minor < ${abcB} AND upto >= ${abcB})`.execute(db);
  const last = (cut: number): AbcBoundary => {
    if (cut <= 0) return null;
    const row = rows.find((r) => Number(r.upto) - Number(r.margin_minor) < cut && Number(r.upto) >= cut);
    return row === undefined ? 'all' : { margin: Number(row.margin_minor), clientId: Number(row.client_id) };
  };
  return { lastA: last(abcA), lastB: last(abcB) };
}

/** Whether the row's client comes at or before `last` in the ABC order (a positive margin assumed). */
function upTo(last: AbcBoundary, dialect: DialectName): RawBuilder<unknown> {
  if (last === null) return sql`1 = 0`;
  if (last === 'all') return sql`1 = 1`;
  return sql`(margin_minor > ${last.margin} OR (margin_minor = ${last.margin}
    AND ${idText(dialect)} <= ${String(last.clientId)}))`;
}
const REAL = sql`DOUBLE PRECISION`;

/**
 * Whole months from a date column to asOf (shared/loyalty/periods.ts monthsBetween) in one
 * expression: with each date as y × 1200 + m × 100 + d, the difference divided by 100 and truncated
 * toward zero is the months difference less one when the day of the month is not reached yet.
 */
export function monthsTo(column: string, asOf: string): RawBuilder<number> {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const n = sql`CAST(replace(${sql.ref(column)}, '-', '') AS INTEGER)`;
  return sql<number>`((${lit(y * 1200 + m * 100 + d)} - (${n} - ${n} / 10000 * 8800)) / 100)`;
}

/** The ladder stage (shared/loyalty/ladder.ts, default rules) from the columns with this suffix. */
export function stageOf(suffix: 'now' | 'before'): RawBuilder<string | null> {
  const r = DEFAULT_LADDER_RULES;
  const [trips, years, referrals, score] = ['trips', 'years', 'referrals', 'score'].map((c) =>
    sql.ref(`${c}_${suffix}`),
  );
  return sql`CASE WHEN ${trips} <= 0 THEN NULL
    WHEN (${referrals} > 0 OR ${score} >= 9) AND ${trips} >= ${lit(r.advocateMinTrips)} THEN 'advocate'
    WHEN ${trips} >= ${lit(r.loyalTrips)} AND ${years} >= ${lit(r.loyalYears)} THEN 'loyal'
    WHEN ${trips} >= ${lit(r.regularTrips)} THEN 'regular'
    WHEN ${trips} >= ${lit(r.repeatTrips)} THEN 'repeat' ELSE 'oneTrip' END`;
}

/** Fixed RFM thresholds (rfm.ts fixedRecency / fixedMinimum). */
function fixedScores(): { r: RawBuilder<number>; f: RawBuilder<number>; m: RawBuilder<number> } {
  const { recencyMonths: rm, frequencyMin: fm, monetaryMin: mm } = DEFAULT_RFM_FIXED;
  const atLeast = (column: string, mins: readonly number[]) =>
    sql<number>`CASE WHEN ${sql.ref(column)} >= ${lit(mins[3] as number)} THEN 5
      WHEN ${sql.ref(column)} >= ${lit(mins[2] as number)} THEN 4
      WHEN ${sql.ref(column)} >= ${lit(mins[1] as number)} THEN 3
      WHEN ${sql.ref(column)} >= ${lit(mins[0] as number)} THEN 2 ELSE 1 END`;
  return {
    r: sql<number>`CASE WHEN recency <= ${lit(rm[0])} THEN 5 WHEN recency <= ${lit(rm[1])} THEN 4
      WHEN recency <= ${lit(rm[2])} THEN 3 WHEN recency <= ${lit(rm[3])} THEN 2 ELSE 1 END`,
    f: atLeast('window_trips', fm),
    m: atLeast('margin_minor', mm),
  };
}

/**
 * Quintile scores (rfm.ts quintileScores): 1 + ⌊5 × (clients strictly worse) / n⌋, where RANK() - 1
 * over the window clients in the worse-first order is the number strictly worse.
 */
function quintileScores(
  n: number,
  integer: RawBuilder<unknown>,
): { r: RawBuilder<number>; f: RawBuilder<number>; m: RawBuilder<number> } {
  const score = (order: RawBuilder<unknown>) =>
    sql<number>`CASE WHEN window_trips = 0 THEN NULL
      ELSE 1 + (5 * (RANK() OVER (PARTITION BY in_window ORDER BY ${order}) - 1)) / CAST(${Math.max(n, 1)} AS ${integer}) END`;
  const capped = (order: RawBuilder<unknown>) =>
    sql<number>`CASE WHEN ${score(order)} > 5 THEN 5 ELSE ${score(order)} END`;
  return { r: capped(sql`recency DESC`), f: capped(sql`window_trips`), m: capped(sql`margin_minor`) };
}

/** rfm.ts rfmSegment over the r and f columns. */
const SEGMENT = sql<string>`CASE
  WHEN r <= 2 THEN (CASE WHEN f <= 2 THEN 'hibernating' WHEN f <= 4 THEN 'atRisk' ELSE 'cantLose' END)
  WHEN r = 3 THEN (CASE WHEN f <= 2 THEN 'aboutToSleep' WHEN f = 3 THEN 'needAttention' ELSE 'loyal' END)
  WHEN f >= 4 THEN (CASE WHEN r = 4 THEN 'loyal' ELSE 'champions' END)
  WHEN f >= 2 THEN 'potentialLoyalists'
  WHEN r = 4 THEN 'promising' ELSE 'new' END`;

/**
 * abc-xyz.ts coefficientOfVariation and xyzClass over margin_y0…, in its order of operations:
 * the mean of the whole sum, the squares summed left to right, sqrt(variance) / mean.
 */
function xyzOf(
  years: number,
  cut: LoyaltyParams['xyz'],
): { mean: RawBuilder<number>; xyz: RawBuilder<string> } {
  const ys = Array.from({ length: years }, (_, i) => sql.ref(`margin_y${i}`));
  const n = sql`CAST(${lit(years)} AS ${REAL})`;
  const mean = sql<number>`CAST(${sql.join(ys, sql` + `)} AS ${REAL}) / ${n}`;
  const squares = sql.join(
    ys.map((y) => sql`(CAST(${y} AS ${REAL}) - xyz_mean) * (CAST(${y} AS ${REAL}) - xyz_mean)`),
    sql` + `,
  );
  const v = sql`(sqrt((${squares}) / ${n}) / xyz_mean)`;
  const at = (limit: number) => sql`CAST(${limit + 1e-12} AS ${REAL})`;
  return {
    mean,
    xyz: sql<string>`CASE WHEN xyz_mean <= 0 THEN 'Z' WHEN ${v} <= ${at(cut.x)} THEN 'X'
      WHEN ${v} <= ${at(cut.y)} THEN 'Y' ELSE 'Z' END`,
  };
}

/**
 * Every summary row of `source` with its classes: client_id, window_trips, revenue_minor,
 * margin_minor, last_start, first_start, active_at_start, active_at_end, historical_margin_minor,
 * life_months (months since the first trip),
 * stage_now, stage_before, abc, xyz, segment, key_client (0/1). abc, xyz and segment are null for a
 * client without a window trip. The cut-offs counted from the data (ABC, key clients, the quintiles'
 * n) are bound parameters, so the statement's text stays the same while the figures move them.
 */
export function classifiedRows(
  source: RawBuilder<unknown>,
  params: LoyaltyParams,
  plan: SummaryPlan,
  cuts: ClassCuts,
  dialect: DialectName,
): RawBuilder<Record<string, unknown>> {
  const integer = dialect === 'postgres' ? sql`BIGINT` : sql`INTEGER`;
  const scores = params.rfm === 'fixed' ? fixedScores() : quintileScores(cuts.inWindow, integer);
  const key = (column: string, least: number | null) =>
    least === null ? sql`0` : sql`CASE WHEN ${sql.ref(column)} >= ${least} THEN 1 ELSE 0 END`;
  const years = windowYears(params);
  const xyz = xyzOf(years, params.xyz);
  const yearColumns = Array.from({ length: years }, (_, i) => sql.ref(`margin_y${i}`));
  // The innermost select is kept apart (SQLite: a LIMIT; PostgreSQL: OFFSET 0), so each of its
  // columns is computed once per row instead of substituted into every use in the outer ones.
  const apart = dialect === 'postgres' ? sql`OFFSET 0` : sql`LIMIT -1`;
  return sql`SELECT client_id, window_trips, revenue_minor, margin_minor, last_start, first_start,
      active_at_start, active_at_end, historical_margin_minor, life_months, stage_now, stage_before, abc, xyz,
      CASE WHEN window_trips = 0 THEN NULL ELSE ${SEGMENT} END AS segment, key_client
    FROM (SELECT s.*, ${scores.r} AS r, ${scores.f} AS f,
        CASE WHEN window_trips = 0 THEN NULL WHEN margin_minor <= 0 THEN 'C'
          WHEN ${upTo(cuts.lastA, dialect)} THEN 'A' WHEN ${upTo(cuts.lastB, dialect)} THEN 'B'
          ELSE 'C' END AS abc,
        CASE WHEN window_trips = 0 THEN NULL ELSE ${xyz.xyz} END AS xyz,
        CASE WHEN window_trips = 0 THEN 0
          WHEN ${key('revenue_minor', cuts.keyRevenue)} = 1 OR ${key('margin_minor', cuts.keyMargin)} = 1
          THEN 1 ELSE 0 END AS key_client
      FROM (SELECT client_id, window_trips, revenue_minor, margin_minor, last_start, first_start,
          active_at_start, active_at_end, historical_margin_minor, ${sql.join(yearColumns)},
          ${stageOf('now')} AS stage_now, ${stageOf('before')} AS stage_before,
          CASE WHEN window_trips > 0 THEN 1 ELSE 0 END AS in_window,
          ${monthsTo('last_return', plan.asOf)} AS recency,
          ${monthsTo('first_start', plan.asOf)} AS life_months, ${xyz.mean} AS xyz_mean
        FROM (${source}) f ${apart}) s) c`;
}
