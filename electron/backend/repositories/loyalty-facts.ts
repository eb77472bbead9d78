import type { Kysely } from 'kysely';
import { allocateTrip, type ClientFacts, type ClientTrip, type FeedbackFact } from '../../../shared/loyalty';
import type { Database } from '../db/schema';
import { loyaltyDb, TRIP_STATUSES } from './loyalty-schema';
import { CLIENT_NAME_COLUMNS, displayName } from './client-names';

/**
 * Every client's trips with their share of the money, their referrals and NPS answers, read with
 * plain Kysely selects (no SQL date functions) and put together in TypeScript. A tour's revenue is
 * its price (the services are its breakdown), or the sum of its services' prices when the tour has
 * no price of its own; its cost is the tour's cost; the payer takes all of it, else the
 * travellers who are regular clients share it (shared/loyalty/money.ts).
 */
export async function loadClientFacts(
  base: Kysely<Database>,
  currency: string,
): Promise<{ clients: ClientFacts[]; feedback: FeedbackFact[] }> {
  const db = loyaltyDb(base);
  const [tours, services, tourists, deleted, referrals, feedback] = await Promise.all([
    db
      .selectFrom('tours')
      .select([
        'id',
        'arrival_date',
        'departure_date',
        'created_at',
        'country',
        'hotel',
        'price_minor',
        'cost_minor',
        'payer_client_id',
      ])
      .where('status', 'in', TRIP_STATUSES)
      .where('currency', '=', currency as 'RUB')
      .execute(),
    // Only a tour without a price of its own is priced by its services: the others' are not summed.
    db
      .selectFrom('tour_services')
      .innerJoin('tours', 'tours.id', 'tour_services.tour_id')
      .select((eb) => ['tour_services.tour_id', eb.fn.sum<number>('tour_services.price_minor').as('total')])
      .where('tours.price_minor', '=', 0)
      .groupBy('tour_services.tour_id')
      .execute(),
    db
      .selectFrom('tourists')
      .select(['tour_id', 'client_id', 'position'])
      .where('client_id', 'is not', null)
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
  const serviceTotal = new Map(services.map((s) => [s.tour_id, Number(s.total)]));
  // Read in table order (no sort over a million rows); each tour's few travellers are put in
  // tourist order here, since the first ones take the odd kopecks of a shared price.
  const byTour = new Map<number, { clientId: number; position: number }[]>();
  for (const t of tourists) {
    const clientId = t.client_id as number;
    if (gone.has(clientId)) continue;
    const list = byTour.get(t.tour_id);
    const entry = { clientId, position: t.position };
    if (list) list.push(entry);
    else byTour.set(t.tour_id, [entry]);
  }
  const travellers = new Map<number, number[]>();
  for (const [tourId, list] of byTour) {
    if (list.length > 1) list.sort((a, b) => a.position - b.position);
    travellers.set(
      tourId,
      list.map((e) => e.clientId),
    );
  }

  const byClient = new Map<number, ClientFacts>();
  const factsOf = (id: number): ClientFacts => {
    let facts = byClient.get(id);
    if (!facts) {
      facts = { id, name: '', trips: [], referralFirstTrips: [], scores: [] };
      byClient.set(id, facts);
    }
    return facts;
  };

  for (const tour of tours) {
    const payer =
      tour.payer_client_id !== null && !gone.has(tour.payer_client_id) ? tour.payer_client_id : null;
    const people = travellers.get(tour.id) ?? [];
    if (payer === null && people.length === 0) continue;
    const shares = allocateTrip(
      { revenueMinor: tour.price_minor || (serviceTotal.get(tour.id) ?? 0), costMinor: tour.cost_minor },
      payer,
      people,
    );
    const start = tour.arrival_date ?? tour.created_at.slice(0, 10);
    const end = tour.departure_date ?? start;
    for (const clientId of new Set([...people, ...(payer === null ? [] : [payer])])) {
      const share = shares.get(clientId);
      const trip: ClientTrip = {
        tourId: tour.id,
        start,
        end,
        country: tour.country,
        hotel: tour.hotel,
        revenueMinor: share?.revenueMinor ?? 0,
        costMinor: share?.costMinor ?? 0,
      };
      factsOf(clientId).trips.push(trip);
    }
  }
  for (const facts of byClient.values()) {
    facts.trips.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.tourId - b.tourId));
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
