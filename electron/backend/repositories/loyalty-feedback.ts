import { sql, type Kysely } from 'kysely';
import type { FeedbackCounts, NpsCounts, SummaryPlan } from '../../../shared/loyalty';
import type { Database } from '../db/schema';
import { loyaltyDb } from './loyalty-schema';

type CountRow = Record<string, string | number | null>;

const PROMOTER = sql`CASE WHEN feedback.score >= 9 THEN 1 ELSE 0 END`;
const DETRACTOR = sql`CASE WHEN feedback.score <= 6 THEN 1 ELSE 0 END`;

function counts(r: CountRow, suffix = ''): NpsCounts {
  return {
    promoters: Number(r[`p${suffix}`] ?? 0),
    detractors: Number(r[`d${suffix}`] ?? 0),
    responses: Number(r[`n${suffix}`] ?? 0),
  };
}

/**
 * The NPS figures' feedback of live clients counted by the base (shared/loyalty/nps-figures.ts's
 * countFeedback is the same in TypeScript): the window's answers by country and hotel, each
 * period's answers, and the complaints' dates, instead of every answer crossing into JavaScript.
 */
export async function loadFeedbackCounts(base: Kysely<Database>, plan: SummaryPlan): Promise<FeedbackCounts> {
  const db = loyaltyDb(base);
  const scored = db
    .selectFrom('feedback')
    .innerJoin('clients', 'clients.id', 'feedback.client_id')
    .where('clients.deleted_at', 'is', null)
    .where('feedback.score', 'is not', null);
  const first = plan.periods[0];
  const last = plan.periods.at(-1);
  const [window, periods, complaints] = await Promise.all([
    scored
      .leftJoin('tours', 'tours.id', 'feedback.tour_id')
      .select([
        'tours.country',
        'tours.hotel',
        sql<number>`SUM(${PROMOTER})`.as('p'),
        sql<number>`SUM(${DETRACTOR})`.as('d'),
        sql<number>`COUNT(*)`.as('n'),
      ])
      .where('feedback.received_on', '>=', plan.from)
      .where('feedback.received_on', '<=', plan.asOf)
      .groupBy(['tours.country', 'tours.hotel'])
      .execute(),
    first && last
      ? scored
          .select(
            plan.periods.flatMap((p, i) => {
              const inPeriod = sql`feedback.received_on >= ${p.start} AND feedback.received_on <= ${p.end}`;
              return [
                sql<number>`SUM(CASE WHEN ${inPeriod} THEN ${PROMOTER} ELSE 0 END)`.as(`p${i}`),
                sql<number>`SUM(CASE WHEN ${inPeriod} THEN ${DETRACTOR} ELSE 0 END)`.as(`d${i}`),
                sql<number>`SUM(CASE WHEN ${inPeriod} THEN 1 ELSE 0 END)`.as(`n${i}`),
              ];
            }),
          )
          .where('feedback.received_on', '>=', first.start)
          .where('feedback.received_on', '<=', last.end)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('feedback')
      .innerJoin('clients', 'clients.id', 'feedback.client_id')
      .select(['feedback.received_on', 'feedback.resolved_on'])
      .where('clients.deleted_at', 'is', null)
      .where('feedback.kind', '=', 'complaint')
      .execute(),
  ]);
  return {
    window: window.map((r) => ({
      country: r.country ?? '',
      hotel: r.hotel ?? '',
      counts: counts(r as CountRow),
    })),
    periods: plan.periods.map((_, i) => counts((periods ?? {}) as CountRow, String(i))),
    complaints: complaints.map((c) => ({ receivedOn: c.received_on, resolvedOn: c.resolved_on })),
  };
}
