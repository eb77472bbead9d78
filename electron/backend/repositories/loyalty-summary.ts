import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import {
  latestScore,
  referralsBy,
  type ClientSummary,
  type LoyaltyParams,
  type SummaryPlan,
} from '../../../shared/loyalty';
import type { Database } from '../db/schema';
import { loadSideFacts } from './loyalty-facts';
import { dialectOf } from '../db/dialect';
import {
  figuresSelect,
  keptColumns,
  keptTableFor,
  readFigures,
  SUMMARY_DATE_COLUMNS,
  summaryColumns,
} from './loyalty-figures';
import type { FiguresSource } from './loyalty-overview';
import { refreshLoyalty } from './loyalty-trips';

type Row = Record<string, number | string | null>;

/** The one GROUP BY that sums every client's trips for a plan the kept figures do not hold. */
export function summaryQuery(currency: string, plan: SummaryPlan): RawBuilder<Row> {
  return sql<Row>`SELECT client_id AS id, ${sql.join(summaryColumns(plan, false))} FROM client_trips
    WHERE currency = ${currency} GROUP BY client_id ORDER BY client_id`;
}

/**
 * Brings the trips and the kept figures up to date for the day (loyalty-trips.ts); false when the
 * trips are up to date but the day's figures cannot be written (a read-only base): group instead.
 */
export function refreshFacts(base: Kysely<Database>, day: string): Promise<boolean> {
  return refreshLoyalty(base, day).then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'READ_ONLY' && error.detail === undefined) return false;
      throw error;
    },
  );
}

/**
 * Every client's summary for the plan (shared/loyalty/summary.ts), brought up to date first
 * (loyalty-trips.ts). The default plan for `day` (or a period back) is read from the kept rows; another
 * plan is summed by one GROUP BY over client_trips, with the referrals and scores read beside it.
 */
export async function loadClientSummaries(
  base: Kysely<Database>,
  currency: string,
  params: LoyaltyParams,
  plan: SummaryPlan,
  day: string,
): Promise<ClientSummary[]> {
  const kept = await refreshFacts(base, day);
  const table = kept ? keptTableFor(params, plan.asOf, day) : null;
  if (table !== null) return readFigures(base, currency, table);
  const [result, side] = await Promise.all([summaryQuery(currency, plan).execute(base), loadSideFacts(base)]);
  const firstStarts = new Map<number, string>();
  for (const r of result.rows) firstStarts.set(Number(r.id), r.first_start as string);
  const referred = new Map<number, (string | null)[]>();
  for (const r of side.referrals) {
    const list = referred.get(r.referrerId);
    const first = firstStarts.get(r.clientId) ?? null;
    if (list) list.push(first);
    else referred.set(r.referrerId, [first]);
  }
  return result.rows.map((r) => {
    const id = Number(r.id);
    const scores = side.scores.get(id) ?? [];
    const firstTrips = referred.get(id) ?? [];
    return {
      id,
      windowTrips: Number(r.window_trips),
      revenueMinor: Number(r.revenue_minor),
      marginMinor: Number(r.margin_minor),
      marginPerYear: [plan.from, ...plan.yearStarts].map((_, i) => Number(r[`margin_y${i}`])),
      lastReturn: (r.last_return as string | null) ?? null,
      lastStart: (r.last_start as string | null) ?? null,
      firstStart: r.first_start as string,
      historicalMarginMinor: Number(r.historical_margin_minor),
      tripsNow: Number(r.trips_now),
      yearsNow: Number(r.years_now),
      tripsBefore: Number(r.trips_before),
      yearsBefore: Number(r.years_before),
      activeAtStart: plan.periods.map((_, i) => Number(r[`s${i}`]) === 1),
      activeAtEnd: plan.periods.map((_, i) => Number(r[`e${i}`]) === 1),
      scoreNow: latestScore(scores, plan.asOf),
      scoreBefore: latestScore(scores, plan.previous),
      referralsNow: referralsBy(firstTrips, plan.asOf),
      referralsBefore: referralsBy(firstTrips, plan.previous),
    };
  });
}

/** The window trips to the country (any when '') in the month (any when null), as a subquery of client ids. */
export function travelledQuery(
  currency: string,
  from: string,
  asOf: string,
  country: string,
  month: number | null,
): RawBuilder<unknown> {
  const conditions = [sql`currency = ${currency}`, sql`start_date >= ${from}`, sql`start_date <= ${asOf}`];
  if (country !== '') conditions.push(sql`country = ${country}`);
  if (month !== null) conditions.push(sql`substr(start_date, 6, 2) = ${String(month).padStart(2, '0')}`);
  return sql`SELECT client_id FROM client_trips WHERE ${sql.join(conditions, sql` AND `)}`;
}

/**
 * Runs `use` over one summary row per client for the plan (refreshFacts first): the kept rows for the
 * default plan on the day or a period back, else the same columns grouped from client_trips into a temporary table
 * (in one transaction, so every count reads the one grouping).
 */
export async function withFiguresSource<T>(
  base: Kysely<Database>,
  currency: string,
  params: LoyaltyParams,
  plan: SummaryPlan,
  day: string,
  use: (source: FiguresSource) => Promise<T>,
): Promise<T> {
  const kept = await refreshFacts(base, day);
  const table = kept ? keptTableFor(params, plan.asOf, day) : null;
  if (table !== null) {
    return use({ db: base, rows: sql`SELECT * FROM ${sql.table(table)} WHERE currency = ${currency}` });
  }
  const postgres = dialectOf(base) === 'postgres';
  const [integer, text] = postgres ? [sql`BIGINT`, sql`TEXT COLLATE "C"`] : [sql`INTEGER`, sql`TEXT`];
  const dates: readonly string[] = SUMMARY_DATE_COLUMNS;
  const columns: [string, RawBuilder<unknown>][] = [
    ['currency', text],
    ...keptColumns(plan.yearStarts.length + 1).map((c): [string, RawBuilder<unknown>] => [
      c,
      dates.includes(c) ? text : integer,
    ]),
  ];
  const grouped = figuresSelect(plan, sql`currency = ${currency}`);
  // A read-only (damaged) base refuses even a temporary table: each count groups on its own there.
  if (!kept) return use({ db: base, rows: grouped });
  return base
    .transaction()
    .execute(async (trx) => {
      await sql`CREATE TEMP TABLE loyalty_plan_figures (${sql.join(
        columns.map(([name, type]) => sql`${sql.ref(name)} ${type}`),
      )}) ${postgres ? sql`ON COMMIT DROP` : sql``}`.execute(trx);
      await sql`INSERT INTO loyalty_plan_figures (${sql.join(columns.map(([name]) => sql.ref(name)))})
      ${grouped}`.execute(trx);
      const result = await use({ db: trx, rows: sql`SELECT * FROM loyalty_plan_figures` });
      if (!postgres) await sql`DROP TABLE temp.loyalty_plan_figures`.execute(trx);
      return result;
    })
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'READ_ONLY') return use({ db: base, rows: grouped });
      throw error;
    });
}
