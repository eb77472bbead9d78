import type { Kysely } from 'kysely';
import { type ClientFacts, type ClientTrip, type FeedbackFact } from '../../../shared/loyalty';
import type { Database } from '../db/schema';
import { loyaltyDb } from './loyalty-schema';
import { refreshStaleTrips } from './loyalty-trips';
import { CLIENT_NAME_COLUMNS, displayName } from './client-names';

/** Referrals and feedback of live clients, as the Loyalty figures take them. */
export interface SideFacts {
  /** Referrer id → the referred clients' ids, in table order. */
  referrals: { clientId: number; referrerId: number }[];
  /** NPS answers per client, by date. */
  scores: Map<number, { date: string; score: number }[]>;
  feedback: FeedbackFact[];
}

export async function loadSideFacts(base: Kysely<Database>): Promise<SideFacts> {
  const db = loyaltyDb(base);
  const [deleted, referrals, feedback] = await Promise.all([
    db.selectFrom('clients').select('id').where('deleted_at', 'is not', null).execute(),
    db.selectFrom('client_referrals').select(['client_id', 'referrer_id']).execute(),
    db
      .selectFrom('feedback')
      .leftJoin('tours', 'tours.id', 'feedback.tour_id')
      .select([
        'feedback.client_id',
        'feedback.kind',
        'feedback.score',
        'feedback.received_on',
        'feedback.resolved_on',
        'tours.country',
        'tours.hotel',
      ])
      .orderBy('feedback.received_on')
      .orderBy('feedback.id')
      .execute(),
  ]);
  const gone = new Set(deleted.map((d) => d.id));
  const scores = new Map<number, { date: string; score: number }[]>();
  const feedbackFacts: FeedbackFact[] = [];
  for (const f of feedback) {
    if (gone.has(f.client_id)) continue;
    if (f.score !== null) {
      const list = scores.get(f.client_id);
      const score = { date: f.received_on, score: f.score };
      if (list) list.push(score);
      else scores.set(f.client_id, [score]);
    }
    feedbackFacts.push({
      receivedOn: f.received_on,
      score: f.score,
      kind: f.kind,
      resolvedOn: f.resolved_on,
      country: f.country ?? '',
      hotel: f.hotel ?? '',
    });
  }
  return {
    referrals: referrals
      .filter((r) => !gone.has(r.referrer_id) && !gone.has(r.client_id))
      .map((r) => ({ clientId: r.client_id, referrerId: r.referrer_id })),
    scores,
    feedback: feedbackFacts,
  };
}

/**
 * Every client's trips with their share of the money (client_trips, recomputed first for the tours
 * written since the last read: loyalty-trips.ts), their referrals and NPS answers, trip by trip.
 * The screen reads summaries instead (loyalty-summary.ts); this is their reference in tests.
 */
export async function loadClientFacts(
  base: Kysely<Database>,
  currency: string,
): Promise<{ clients: ClientFacts[]; feedback: FeedbackFact[] }> {
  await refreshStaleTrips(base);
  const [trips, side] = await Promise.all([
    loyaltyDb(base)
      .selectFrom('client_trips')
      .select([
        'client_id',
        'start_date',
        'tour_id',
        'end_date',
        'country',
        'hotel',
        'revenue_minor',
        'cost_minor',
      ])
      .where('currency', '=', currency)
      .orderBy('currency')
      .orderBy('client_id')
      .orderBy('start_date')
      .orderBy('tour_id')
      .execute(),
    loadSideFacts(base),
  ]);
  const byClient = new Map<number, ClientFacts>();
  const factsOf = (id: number): ClientFacts => {
    let facts = byClient.get(id);
    if (!facts) {
      facts = { id, name: '', trips: [], referralFirstTrips: [], scores: [] };
      byClient.set(id, facts);
    }
    return facts;
  };
  let current: ClientFacts | null = null;
  for (const t of trips) {
    if (current === null || current.id !== t.client_id) current = factsOf(t.client_id);
    const trip: ClientTrip = {
      tourId: t.tour_id,
      start: t.start_date,
      end: t.end_date,
      country: t.country,
      hotel: t.hotel,
      revenueMinor: t.revenue_minor,
      costMinor: t.cost_minor,
    };
    current.trips.push(trip);
  }
  for (const r of side.referrals) {
    const first = byClient.get(r.clientId)?.trips[0]?.start ?? null;
    factsOf(r.referrerId).referralFirstTrips.push(first);
  }
  for (const [clientId, scores] of side.scores) factsOf(clientId).scores = scores;
  return { clients: [...byClient.values()], feedback: side.feedback };
}

/** Display names of the given clients: the Cyrillic names, or the Latin ones when there are none. */
export async function clientNames(
  base: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await base
      .selectFrom('clients')
      .select(['id', ...CLIENT_NAME_COLUMNS])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.id, displayName(r));
  }
  return names;
}
