import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ClientSummary, FeedbackFact, SummaryPlan } from '../../../shared/loyalty';
import type { Database } from '../db/schema';
import { loadSideFacts } from './loyalty-facts';
import { loyaltyDb } from './loyalty-schema';
import { refreshStaleTrips } from './loyalty-trips';

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

/** The one GROUP BY that sums every client's trips for the plan. */
export function summaryQuery(currency: string, plan: SummaryPlan): RawBuilder<Row> {
  const { asOf, previous, yearStarts } = plan;
  const inWindow = between(plan.from, asOf);
  const bounds = [plan.from, ...yearStarts];
  const columns: RawBuilder<unknown>[] = [
    sql`client_id AS id`,
    sql`${sumIf(inWindow, ONE)} AS window_trips`,
    sql`${sumIf(inWindow, sql`revenue_minor`)} AS revenue`,
    sql`${sumIf(inWindow, MARGIN)} AS margin`,
    ...bounds.map((start, i) => {
      const end = yearStarts[i];
      const inYear =
        end === undefined ? between(start, asOf) : sql`${between(start, asOf)} AND start_date < ${end}`;
      return sql`${sumIf(inYear, MARGIN)} AS ${sql.ref(`y${i}`)}`;
    }),
    sql`MAX(CASE WHEN ${inWindow} THEN (CASE WHEN end_date <= ${asOf} THEN end_date ELSE start_date END) END) AS last_return`,
    sql`MAX(CASE WHEN ${inWindow} THEN start_date END) AS last_start`,
    sql`MIN(start_date) AS first_start`,
    sql`${sumIf(sql`start_date <= ${asOf}`, MARGIN)} AS historical`,
    sql`${sumIf(sql`start_date <= ${asOf}`, ONE)} AS trips_now`,
    sql`COUNT(DISTINCT CASE WHEN start_date <= ${asOf} THEN substr(start_date, 1, 4) END) AS years_now`,
    sql`${sumIf(sql`start_date <= ${previous}`, ONE)} AS trips_before`,
    sql`COUNT(DISTINCT CASE WHEN start_date <= ${previous} THEN substr(start_date, 1, 4) END) AS years_before`,
    ...plan.periods.flatMap((p, i) => [
      sql`${anyIf(between(p.beforeSince, p.beforeDay))} AS ${sql.ref(`s${i}`)}`,
      sql`${anyIf(between(p.afterSince, p.end))} AS ${sql.ref(`e${i}`)}`,
    ]),
  ];
  return sql<Row>`SELECT ${sql.join(columns)} FROM client_trips WHERE currency = ${currency}
    GROUP BY client_id ORDER BY client_id`;
}

/**
 * Every client's summary for the plan (shared/loyalty/summary.ts) in one GROUP BY over client_trips:
 * the base sums a million trips and hands over one row per client, so nothing trip by trip crosses
 * into JavaScript. Recomputes the tours written since the last read first.
 */
export async function loadClientSummaries(
  base: Kysely<Database>,
  currency: string,
  plan: SummaryPlan,
): Promise<{ clients: ClientSummary[]; feedback: FeedbackFact[] }> {
  await refreshStaleTrips(base);
  const bounds = [plan.from, ...plan.yearStarts];
  const [result, side] = await Promise.all([summaryQuery(currency, plan).execute(base), loadSideFacts(base)]);

  const byClient = new Map<number, ClientSummary>();
  for (const r of result.rows) {
    const id = Number(r.id);
    byClient.set(id, {
      id,
      windowTrips: Number(r.window_trips),
      revenueMinor: Number(r.revenue),
      marginMinor: Number(r.margin),
      marginPerYear: bounds.map((_, i) => Number(r[`y${i}`])),
      lastReturn: (r.last_return as string | null) ?? null,
      lastStart: (r.last_start as string | null) ?? null,
      firstStart: r.first_start as string,
      historicalMarginMinor: Number(r.historical),
      tripsNow: Number(r.trips_now),
      yearsNow: Number(r.years_now),
      tripsBefore: Number(r.trips_before),
      yearsBefore: Number(r.years_before),
      activeAtStart: plan.periods.map((_, i) => Number(r[`s${i}`]) === 1),
      activeAtEnd: plan.periods.map((_, i) => Number(r[`e${i}`]) === 1),
      referralFirstTrips: [],
      scores: [],
    });
  }
  const summaryOf = (id: number): ClientSummary => {
    let s = byClient.get(id);
    if (!s) {
      s = {
        id,
        windowTrips: 0,
        revenueMinor: 0,
        marginMinor: 0,
        marginPerYear: bounds.map(() => 0),
        lastReturn: null,
        lastStart: null,
        firstStart: null,
        historicalMarginMinor: 0,
        tripsNow: 0,
        yearsNow: 0,
        tripsBefore: 0,
        yearsBefore: 0,
        activeAtStart: plan.periods.map(() => false),
        activeAtEnd: plan.periods.map(() => false),
        referralFirstTrips: [],
        scores: [],
      };
      byClient.set(id, s);
    }
    return s;
  };
  for (const r of side.referrals) {
    const first = byClient.get(r.clientId)?.firstStart ?? null;
    summaryOf(r.referrerId).referralFirstTrips.push(first);
  }
  for (const [clientId, scores] of side.scores) summaryOf(clientId).scores = scores;
  return { clients: [...byClient.values()], feedback: side.feedback };
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
