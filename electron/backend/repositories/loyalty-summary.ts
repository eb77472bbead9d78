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
import { isDefaultPlan, readFigures, summaryColumns } from './loyalty-figures';
import { loyaltyDb } from './loyalty-schema';
import { refreshLoyalty } from './loyalty-trips';

type Row = Record<string, number | string | null>;

/** The one GROUP BY that sums every client's trips for a plan the kept figures do not hold. */
export function summaryQuery(currency: string, plan: SummaryPlan): RawBuilder<Row> {
  return sql<Row>`SELECT client_id AS id, ${sql.join(summaryColumns(plan, false))} FROM client_trips
    WHERE currency = ${currency} GROUP BY client_id ORDER BY client_id`;
}

/**
 * Every client's summary for the plan (shared/loyalty/summary.ts), brought up to date first
 * (loyalty-trips.ts). The default plan for `day` is read from the kept per-client rows; another
 * plan is summed by one GROUP BY over client_trips, with the referrals and scores read beside it.
 */
export async function loadClientSummaries(
  base: Kysely<Database>,
  currency: string,
  params: LoyaltyParams,
  plan: SummaryPlan,
  day: string,
): Promise<ClientSummary[]> {
  const kept = await refreshLoyalty(base, day).then(
    () => true,
    (error: unknown) => {
      // Trips up to date but the day's figures not writable (a read-only base): group instead.
      if (error instanceof AppError && error.code === 'READ_ONLY' && error.detail === undefined) return false;
      throw error;
    },
  );
  if (kept && plan.asOf === day && isDefaultPlan(params)) return readFigures(base, currency);
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

/** The clients with a trip in the window to the country (any when '') in the month (any when null). */
export async function travelledIn(
  base: Kysely<Database>,
  currency: string,
  from: string,
  asOf: string,
  country: string,
  month: number | null,
): Promise<Set<number>> {
  let query = loyaltyDb(base)
    .selectFrom('client_trips')
    .select('client_id')
    .distinct()
    .where('currency', '=', currency)
    .where('start_date', '>=', from)
    .where('start_date', '<=', asOf);
  if (country !== '') query = query.where('country', '=', country);
  if (month !== null) query = query.where(sql`substr(start_date, 6, 2)`, '=', String(month).padStart(2, '0'));
  const rows = await query.execute();
  return new Set(rows.map((r) => r.client_id));
}
