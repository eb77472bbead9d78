import type { Kysely } from 'kysely';
import { type ClientFacts, type ClientTrip, type FeedbackFact } from '../../../shared/loyalty';
import type { Database } from '../db/schema';
import { loyaltyDb } from './loyalty-schema';
import { refreshStaleTrips } from './loyalty-trips';
import { CLIENT_NAME_COLUMNS, displayName } from './client-names';

/**
 * Every client's trips with their share of the money (client_trips, recomputed first for the tours
 * written since the last read: loyalty-trips.ts), their referrals and NPS answers. The trips come in
 * key order (client, start, tour), so no sort and no join over the tours and travellers is needed.
 */
export async function loadClientFacts(
  base: Kysely<Database>,
  currency: string,
): Promise<{ clients: ClientFacts[]; feedback: FeedbackFact[] }> {
  await refreshStaleTrips(base);
  const db = loyaltyDb(base);
  const [trips, deleted, referrals, feedback] = await Promise.all([
    db
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
  for (const r of referrals) {
    if (gone.has(r.referrer_id) || gone.has(r.client_id)) continue;
    const first = byClient.get(r.client_id)?.trips[0]?.start ?? null;
    factsOf(r.referrer_id).referralFirstTrips.push(first);
  }
  const feedbackFacts: FeedbackFact[] = [];
  for (const f of feedback) {
    if (gone.has(f.client_id)) continue;
    if (f.score !== null) factsOf(f.client_id).scores.push({ date: f.received_on, score: f.score });
    feedbackFacts.push({
      receivedOn: f.received_on,
      score: f.score,
      kind: f.kind,
      resolvedOn: f.resolved_on,
      country: f.country ?? '',
      hotel: f.hotel ?? '',
    });
  }
  return { clients: [...byClient.values()], feedback: feedbackFacts };
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
