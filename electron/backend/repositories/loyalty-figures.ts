import { sql, type Kysely, type RawBuilder } from 'kysely';
import { CURRENCIES } from '../../../shared/domain/tour';
import {
  loyaltyParamsSchema,
  summaryPlan,
  windowYears,
  type ClientSummary,
  type LoyaltyParams,
  type SummaryPlan,
} from '../../../shared/loyalty';
import { dialectOf } from '../db/dialect';
import type { Database } from '../db/schema';
import { loyaltyDb, type LoyaltyDatabase } from './loyalty-schema';

/**
 * loyalty_client_figures (migration 17): each client's summary for the default Loyalty plan on one
 * day, so opening the screen reads one short row per client instead of grouping every trip. Kept
 * by `refreshFigures` (called by loyalty-trips.ts's refresh, after the trips): the whole table is
 * rebuilt in client-id chunks when the day changes, and the clients the triggers or the trip refresh
 * marked stale are recomputed, with the clients who recommended them.
 */

/** The plan's columns that the kept rows hold: the default plan has three years in its window. */
const YEARS = 3;
const CLIENT_CHUNK = 5_000;
const STALE_CHUNK = 500;
/** pg_advisory_xact_lock key, the same as the trips' refresh: one clerk at a time writes facts. */
export const REFRESH_LOCK = 1_500_015;

const DEFAULTS = loyaltyParamsSchema.parse({});

/** Whether the params take the kept figures' plan (thresholds may differ: they do not change it). */
export function isDefaultPlan(params: LoyaltyParams): boolean {
  return (
    params.windowMonths === DEFAULTS.windowMonths &&
    params.periodKind === DEFAULTS.periodKind &&
    params.periods === DEFAULTS.periods &&
    params.activityMonths === DEFAULTS.activityMonths &&
    windowYears(params) === YEARS
  );
}

export function defaultPlan(day: string): SummaryPlan {
  return summaryPlan(DEFAULTS, day);
}

type Row = Record<string, number | string | null>;

const MARGIN = sql`revenue_minor - cost_minor`;
const ONE = sql`1`;

function sumIf(condition: RawBuilder<unknown>, value: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`SUM(CASE WHEN ${condition} THEN ${value} ELSE 0 END)`;
}

function anyIf(condition: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`MAX(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

function between(from: string, to: string): RawBuilder<unknown> {
  return sql`start_date >= ${from} AND start_date <= ${to}`;
}

/**
 * The aggregate columns of one client's summary for the plan over their client_trips rows: the one
 * definition both the kept rows and a grouping for another plan use. `masks` gives the activity per
 * period as two bit masks (kept rows) instead of a column per period.
 */
export function summaryColumns(plan: SummaryPlan, masks: boolean): RawBuilder<unknown>[] {
  const { asOf, previous, yearStarts } = plan;
  const inWindow = between(plan.from, asOf);
  const bounds = [plan.from, ...yearStarts];
  const activity = (prefix: 's' | 'e') =>
    plan.periods.map((p) =>
      prefix === 's' ? anyIf(between(p.beforeSince, p.beforeDay)) : anyIf(between(p.afterSince, p.end)),
    );
  const activityColumns = masks
    ? (['s', 'e'] as const).map(
        (prefix) =>
          sql`${sql.join(
            activity(prefix).map((flag, i) => sql`${flag} * ${sql.lit(2 ** i)}`),
            sql` + `,
          )} AS ${sql.ref(prefix === 's' ? 'active_at_start' : 'active_at_end')}`,
      )
    : (['s', 'e'] as const).flatMap((prefix) =>
        activity(prefix).map((flag, i) => sql`${flag} AS ${sql.ref(`${prefix}${i}`)}`),
      );
  return [
    sql`${sumIf(inWindow, ONE)} AS window_trips`,
    sql`${sumIf(inWindow, sql`revenue_minor`)} AS revenue_minor`,
    sql`${sumIf(inWindow, MARGIN)} AS margin_minor`,
    ...bounds.map((start, i) => {
      const end = yearStarts[i];
      const inYear =
        end === undefined ? between(start, asOf) : sql`${between(start, asOf)} AND start_date < ${end}`;
      return sql`${sumIf(inYear, MARGIN)} AS ${sql.ref(`margin_y${i}`)}`;
    }),
    sql`MAX(CASE WHEN ${inWindow} THEN (CASE WHEN end_date <= ${asOf} THEN end_date ELSE start_date END) END) AS last_return`,
    sql`MAX(CASE WHEN ${inWindow} THEN start_date END) AS last_start`,
    sql`MIN(start_date) AS first_start`,
    sql`${sumIf(sql`start_date <= ${asOf}`, MARGIN)} AS historical_margin_minor`,
    sql`${sumIf(sql`start_date <= ${asOf}`, ONE)} AS trips_now`,
    sql`COUNT(DISTINCT CASE WHEN start_date <= ${asOf} THEN substr(start_date, 1, 4) END) AS years_now`,
    sql`${sumIf(sql`start_date <= ${previous}`, ONE)} AS trips_before`,
    sql`COUNT(DISTINCT CASE WHEN start_date <= ${previous} THEN substr(start_date, 1, 4) END) AS years_before`,
    ...activityColumns,
  ];
}

/**
 * The latest NPS answer up to the plan's day and up to its day a period back, per client, as one
 * pass over their feedback (numbered newest first) instead of two index lookups per client row.
 * `clients` limits the pass to the clients being written (a condition on client_id).
 */
function scoresQuery(plan: SummaryPlan, clients: RawBuilder<unknown>): RawBuilder<unknown> {
  const newest = (day: string) =>
    sql`ROW_NUMBER() OVER (PARTITION BY client_id
      ORDER BY CASE WHEN received_on <= ${day} THEN 0 ELSE 1 END, received_on DESC, id DESC)`;
  return sql`SELECT client_id,
      MAX(CASE WHEN n_now = 1 THEN score END) AS score_now,
      MAX(CASE WHEN n_before = 1 AND received_on <= ${plan.previous} THEN score END) AS score_before
    FROM (SELECT client_id, score, received_on, ${newest(plan.asOf)} AS n_now,
        ${newest(plan.previous)} AS n_before
      FROM feedback WHERE score IS NOT NULL AND received_on <= ${plan.asOf} AND ${clients}) f
    WHERE n_now = 1 OR n_before = 1 GROUP BY client_id`;
}

/**
 * Per referrer and currency, the recommended clients who had travelled by the plan's day and by its
 * day a period back: each referral's first trip in each currency is the first row of client_trips in
 * the primary key's order (an index lookup per referral, not per client row).
 */
function referralsQuery(plan: SummaryPlan, referrers: RawBuilder<unknown>): RawBuilder<unknown> {
  const currencies = sql.join(
    CURRENCIES.map((c) => sql`SELECT ${c} AS currency`),
    sql` UNION ALL `,
  );
  return sql`SELECT referrer_id, currency,
      SUM(CASE WHEN first_start <= ${plan.asOf} THEN 1 ELSE 0 END) AS referrals_now,
      SUM(CASE WHEN first_start <= ${plan.previous} THEN 1 ELSE 0 END) AS referrals_before
    FROM (SELECT r.referrer_id, c.currency, (SELECT MIN(t.start_date) FROM client_trips t
          WHERE t.currency = c.currency AND t.client_id = r.client_id) AS first_start
      FROM client_referrals r CROSS JOIN (${currencies}) c WHERE ${referrers}) x
    GROUP BY referrer_id, currency`;
}

/**
 * The summary rows (as kept) of the clients `which` selects from client_trips; `clients`, when
 * given, is the same selection as a condition on client_id alone (it limits the feedback and
 * referrals read beside the trips).
 */
export function figuresSelect(
  plan: SummaryPlan,
  which: RawBuilder<unknown>,
  clients: (column: string) => RawBuilder<unknown> = () => sql`1 = 1`,
): RawBuilder<Row> {
  return sql<Row>`SELECT g.*, s.score_now, s.score_before,
      COALESCE(rf.referrals_now, 0) AS referrals_now, COALESCE(rf.referrals_before, 0) AS referrals_before
    FROM (SELECT currency, client_id, ${sql.join(summaryColumns(plan, true))} FROM client_trips
      WHERE currency IN (${sql.join([...CURRENCIES])}) AND ${which}
      GROUP BY currency, client_id) g
    LEFT JOIN (${scoresQuery(plan, clients('client_id'))}) s ON s.client_id = g.client_id
    LEFT JOIN (${referralsQuery(plan, clients('r.referrer_id'))}) rf
      ON rf.referrer_id = g.client_id AND rf.currency = g.currency`;
}

/** The kept tables: the default plan's rows on the day, and a period back (migration 29). */
export type KeptTable = 'loyalty_client_figures' | 'loyalty_client_figures_back';

/** The kept table that holds the default plan on `asOf` when the kept day is `day`, or null. */
export function keptTableFor(params: LoyaltyParams, asOf: string, day: string): KeptTable | null {
  if (!isDefaultPlan(params)) return null;
  if (asOf === day) return 'loyalty_client_figures';
  return asOf === defaultPlan(day).previous ? 'loyalty_client_figures_back' : null;
}

/**
 * Rewrites the kept rows (the day's and a period back's) of the clients that `clients` (a condition
 * on a client id column) selects.
 */
async function writeFigures(
  db: Kysely<LoyaltyDatabase>,
  plan: SummaryPlan,
  clients: (column: string) => RawBuilder<unknown>,
): Promise<void> {
  const which = clients('client_id');
  const tables: [KeptTable, SummaryPlan][] = [
    ['loyalty_client_figures', plan],
    ['loyalty_client_figures_back', defaultPlan(plan.previous)],
  ];
  for (const [table, tablePlan] of tables) {
    await sql`DELETE FROM ${sql.table(table)} WHERE ${which}`.execute(db);
    await sql`INSERT INTO ${sql.table(table)} (currency, client_id, window_trips, revenue_minor,
      margin_minor, margin_y0, margin_y1, margin_y2, last_return, last_start, first_start,
      historical_margin_minor, trips_now, years_now, trips_before, years_before, active_at_start,
      active_at_end, score_now, score_before, referrals_now, referrals_before)
      ${figuresSelect(tablePlan, which, clients)}`.execute(db);
  }
}

/**
 * A state row made anew (the first build, or after it was dropped) starts from random versions
 * (figures and feedback), so it cannot repeat one a running app or the base kept counts under.
 */
function freshVersion(): number {
  return 1 + Math.floor(Math.random() * 2 ** 30);
}

/**
 * The kept figures' version (bumped with every rewrite of kept rows), or null before the first
 * build. Read after the refresh: figures computed since stand while it stays the same.
 */
export async function figuresVersion(base: Kysely<Database>): Promise<string | null> {
  const state = await loyaltyDb(base)
    .selectFrom('loyalty_figures_state')
    .select(['as_of', 'next_client', 'version'])
    .executeTakeFirst();
  if (!state || state.next_client !== null) return null;
  return `${state.as_of}/${String(state.version)}`;
}

/** Read only: the kept figures are for the day and no client is stale (nothing to write). */
async function upToDate(db: Kysely<LoyaltyDatabase>, day: string): Promise<boolean> {
  const [state, stale] = await Promise.all([
    db.selectFrom('loyalty_figures_state').select(['as_of', 'next_client']).executeTakeFirst(),
    db.selectFrom('loyalty_stale_clients').select('client_id').limit(1).executeTakeFirst(),
  ]);
  return state?.as_of === day && state.next_client === null && stale === undefined;
}

async function lock(db: Kysely<LoyaltyDatabase>): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(db);
}

export interface FiguresProgress {
  /** Clients rebuilt for the day so far, and the base's highest client id. */
  done: number;
  total: number;
}

/**
 * Brings the kept figures to the day: a new day rebuilds every client's row chunk by chunk (each
 * chunk its own transaction, the place kept in loyalty_figures_state, so an interrupted rebuild
 * goes on where it stopped), then the stale clients and the clients who recommended them are
 * recomputed. Answers how many rows were recomputed.
 */
export async function refreshFigures(
  base: Kysely<Database>,
  day: string,
  onProgress: (p: FiguresProgress) => void = () => undefined,
): Promise<number> {
  const db = loyaltyDb(base);
  const plan = defaultPlan(day);
  if (await upToDate(db, day)) return 0;
  let done = 0;
  const top = await db
    .selectFrom('clients')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const total = Number(top?.id ?? 0);
  for (;;) {
    const step = await db.transaction().execute(async (trx) => {
      await lock(trx);
      const state = await trx
        .selectFrom('loyalty_figures_state')
        .select(['as_of', 'next_client'])
        .executeTakeFirst();
      if (state && state.as_of === day && state.next_client === null) return null;
      const from = state && state.as_of === day ? Number(state.next_client) : 0;
      const to = from + CLIENT_CHUNK;
      await writeFigures(trx, plan, (c) => sql`${sql.ref(c)} >= ${from} AND ${sql.ref(c)} < ${to}`);
      const next = to > total ? null : to;
      if (state) {
        await trx
          .updateTable('loyalty_figures_state')
          .set({ as_of: day, next_client: next, version: sql<number>`version + 1` })
          .execute();
      } else {
        await trx
          .insertInto('loyalty_figures_state')
          .values({
            id: 1,
            as_of: day,
            next_client: next,
            version: freshVersion(),
            feedback_version: freshVersion(),
          })
          .execute();
      }
      return Math.min(to, total);
    });
    if (step === null) break;
    done = step;
    onProgress({ done, total });
  }
  return (await refreshStaleClients(db, plan)) + done;
}

/** Recomputes the rows of the clients marked stale, and of the clients who recommended them. */
async function refreshStaleClients(db: Kysely<LoyaltyDatabase>, plan: SummaryPlan): Promise<number> {
  let done = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      await lock(trx);
      const stale = await trx
        .deleteFrom('loyalty_stale_clients')
        .where('client_id', 'in', (eb) =>
          eb.selectFrom('loyalty_stale_clients').select('client_id').orderBy('client_id').limit(STALE_CHUNK),
        )
        .returning('client_id')
        .execute();
      if (stale.length === 0) return 0;
      const ids = stale.map((s) => s.client_id);
      const referrers = await trx
        .selectFrom('client_referrals')
        .select('referrer_id')
        .where('client_id', 'in', ids)
        .execute();
      const all = [...new Set([...ids, ...referrers.map((r) => r.referrer_id)])];
      await writeFigures(trx, plan, (c) => sql`${sql.ref(c)} IN (${sql.join(all)})`);
      await trx
        .updateTable('loyalty_figures_state')
        .set({ version: sql<number>`version + 1` })
        .execute();
      return all.length;
    });
    if (count === 0) return done;
    done += count;
  }
}

/** A summary's date columns (text); its other columns are whole numbers. */
export const SUMMARY_DATE_COLUMNS = ['last_return', 'last_start', 'first_start'] as const;

/**
 * A client's summary columns in the kept table's order, for a plan of `years` yearly margins: the one
 * list both the kept rows' reader and another plan's temporary table are laid out by.
 */
export function keptColumns(years: number): string[] {
  return [
    'client_id',
    'window_trips',
    'revenue_minor',
    'margin_minor',
    ...Array.from({ length: years }, (_, i) => `margin_y${i}`),
    ...SUMMARY_DATE_COLUMNS,
    'historical_margin_minor',
    'trips_now',
    'years_now',
    'trips_before',
    'years_before',
    'active_at_start',
    'active_at_end',
    'score_now',
    'score_before',
    'referrals_now',
    'referrals_before',
  ];
}

/** The kept columns in the order `readFigures` packs them (the default plan's three years). */
const PACKED = keptColumns(3);

/**
 * The kept summaries of one currency (refreshFigures first), by client id. Each row crosses as one
 * comma-joined string: 165k rows of 21 values made into objects by the driver took most of an open
 * (about five times the packed read and split, measured on the bench base).
 */
export async function readFigures(
  base: Kysely<Database>,
  currency: string,
  table: KeptTable = 'loyalty_client_figures',
): Promise<ClientSummary[]> {
  const packed = sql.join(
    PACKED.map((c) => sql`COALESCE(CAST(${sql.ref(c)} AS TEXT), '')`),
    sql` || ',' || `,
  );
  const result = await sql<{ r: string }>`SELECT ${packed} AS r FROM ${sql.table(table)}
    WHERE currency = ${currency} ORDER BY client_id`.execute(base);
  const periods = DEFAULTS.periods;
  const bits = (mask: number) => Array.from({ length: periods }, (_, i) => (mask & (2 ** i)) !== 0);
  const orNull = (v: string) => (v === '' ? null : v);
  return result.rows.map(({ r }) => {
    const v = r.split(',');
    const n = (i: number) => Number(v[i]);
    return {
      id: n(0),
      windowTrips: n(1),
      revenueMinor: n(2),
      marginMinor: n(3),
      marginPerYear: [n(4), n(5), n(6)],
      lastReturn: orNull(v[7] as string),
      lastStart: orNull(v[8] as string),
      firstStart: v[9] as string,
      historicalMarginMinor: n(10),
      tripsNow: n(11),
      yearsNow: n(12),
      tripsBefore: n(13),
      yearsBefore: n(14),
      activeAtStart: bits(n(15)),
      activeAtEnd: bits(n(16)),
      scoreNow: v[17] === '' ? null : n(17),
      scoreBefore: v[18] === '' ? null : n(18),
      referralsNow: n(19),
      referralsBefore: n(20),
    };
  });
}
