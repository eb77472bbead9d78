import type { Kysely } from 'kysely';
import type { WorklistClient } from '../../../shared/loyalty';
import { CLIENT_NAME_COLUMNS, displayName } from './client-names';
import { TRIP_STATUSES, type LoyaltyDatabase } from './loyalty-schema';

/**
 * What the worklist knows of a client: their card, open complaints and relatives' bookings first,
 * their trips only once a reason that looks at trips is reached (worklist.ts).
 */

/** Regular on the ladder: this many trips (shared/loyalty/ladder.ts default). */
export const REGULAR_TRIPS = 3;

/** Travellers' booked or travelled tours: the trips every worklist reason looks at. */
export function travellerTrips(db: Kysely<LoyaltyDatabase>) {
  return db
    .selectFrom('tourists')
    .innerJoin('tours', 'tours.id', 'tourists.tour_id')
    .where('tours.status', 'in', TRIP_STATUSES);
}

/** Clients with their open complaints and family bookings; their trips are left empty here. */
export async function clientFacts(
  db: Kysely<LoyaltyDatabase>,
  ids: readonly number[],
  family: Map<number, WorklistClient['familyBookings']>,
): Promise<WorklistClient[]> {
  const result: WorklistClient[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [clients, complaints] = await Promise.all([
      db
        .selectFrom('clients')
        .select(['id', ...CLIENT_NAME_COLUMNS, 'phone', 'birth_date', 'passport_expiry'])
        .where('id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute(),
      db
        .selectFrom('feedback')
        .select(['id', 'client_id', 'received_on', 'score'])
        .where('client_id', 'in', chunk)
        .where('kind', '=', 'complaint')
        .where('status', '<>', 'resolved')
        .orderBy('received_on')
        .execute(),
    ]);
    const complaintsOf = groupBy(complaints, (f) => f.client_id);
    for (const c of clients) {
      result.push({
        id: c.id,
        name: displayName(c),
        phone: c.phone,
        birthDate: c.birth_date,
        passportExpiry: c.passport_expiry,
        pastTrips: [],
        nextTrip: null,
        regular: false,
        openComplaints: (complaintsOf.get(c.id) ?? []).map((f) => ({
          id: f.id,
          receivedOn: f.received_on,
          score: f.score,
        })),
        familyBookings: family.get(c.id) ?? [],
      });
    }
  }
  return result;
}

/** The same clients with their trips: past starts, the next booked trip, regular or not. */
export async function withTrips(
  db: Kysely<LoyaltyDatabase>,
  clients: readonly WorklistClient[],
  day: string,
): Promise<WorklistClient[]> {
  const result: WorklistClient[] = [];
  for (let i = 0; i < clients.length; i += 500) {
    const chunk = clients.slice(i, i + 500);
    const trips = await travellerTrips(db)
      .leftJoin('countries', 'countries.code', 'tours.country')
      .select([
        'tourists.client_id',
        'tours.id',
        'tours.arrival_date',
        'tours.departure_date',
        'tours.country',
        'countries.passport_margin_months',
      ])
      .where(
        'tourists.client_id',
        'in',
        chunk.map((c) => c.id),
      )
      .where('tours.arrival_date', 'is not', null)
      .orderBy('tours.arrival_date')
      .execute();
    const tripsOf = groupBy(trips, (t) => t.client_id as number);
    for (const c of chunk) {
      const own = tripsOf.get(c.id) ?? [];
      const past = own.filter((t) => (t.arrival_date as string) <= day).map((t) => t.arrival_date as string);
      const next = own.find((t) => (t.arrival_date as string) > day);
      result.push({
        ...c,
        pastTrips: past,
        nextTrip: next
          ? {
              tourId: next.id,
              start: next.arrival_date as string,
              end: next.departure_date ?? (next.arrival_date as string),
              country: next.country,
              marginMonths: next.passport_margin_months ?? 6,
            }
          : null,
        regular: past.length >= REGULAR_TRIPS,
      });
    }
  }
  return result;
}

/** Rows by a key, in their order. */
function groupBy<T>(rows: readonly T[], keyOf: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
