import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import { allocateTrip } from '../../../shared/loyalty';
import { dialectOf } from '../db/dialect';
import type { Database } from '../db/schema';
import { refreshFigures, REFRESH_LOCK, type FiguresProgress } from './loyalty-figures';
import { loyaltyDb, TRIP_STATUSES, type LoyaltyDatabase } from './loyalty-schema';

/** One client's share of one trip: a row of client_trips (migration 16). */
export type TripFact = LoyaltyDatabase['client_trips'];

export interface TourMoneyRow {
  id: number;
  currency: string;
  arrival_date: string | null;
  departure_date: string | null;
  created_at: string;
  country: string;
  hotel: string;
  price_minor: number;
  cost_minor: number;
  payer_client_id: number | null;
}

/**
 * The one rule that turns a tour into trips (issue 15): its revenue is its price (the services are
 * its breakdown), or the sum of its services' prices when it has no price of its own; its cost is the
 * tour's cost; the payer takes all of it, else the travellers who are live clients share it in
 * tourist order (shared/loyalty/money.ts). Every traveller and the payer get a trip, sharing or not.
 * `travellers` are live client ids in tourist order; a deleted payer is passed as null.
 */
export function tripFactsOf(
  tour: TourMoneyRow,
  servicesTotal: number,
  payer: number | null,
  travellers: readonly number[],
): TripFact[] {
  if (payer === null && travellers.length === 0) return [];
  const shares = allocateTrip(
    { revenueMinor: tour.price_minor || servicesTotal, costMinor: tour.cost_minor },
    payer,
    travellers,
  );
  const start = tour.arrival_date ?? tour.created_at.slice(0, 10);
  const end = tour.departure_date ?? start;
  return [...new Set([...travellers, ...(payer === null ? [] : [payer])])].map((clientId) => {
    const share = shares.get(clientId);
    return {
      currency: tour.currency,
      client_id: clientId,
      start_date: start,
      tour_id: tour.id,
      end_date: end,
      country: tour.country,
      hotel: tour.hotel,
      revenue_minor: share?.revenueMinor ?? 0,
      cost_minor: share?.costMinor ?? 0,
    };
  });
}

const CHUNK = 500;

/**
 * Brings every loyalty fact up to date before a read: the stale tours' trips, then the kept
 * per-client figures for the day (loyalty-figures.ts). Answers how many tours were recomputed.
 */
export async function refreshLoyalty(
  base: Kysely<Database>,
  day: string,
  onProgress?: (p: FiguresProgress & { tours: number }) => void,
): Promise<number> {
  let tours: number;
  try {
    tours = await refreshStaleTrips(base, (n) => onProgress?.({ done: 0, total: 0, tours: n }));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'READ_ONLY') throw error;
    const stale = await loyaltyDb(base)
      .selectFrom('loyalty_stale_tours')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    // Trips the base cannot recompute would give wrong figures: say so instead of showing them.
    throw new AppError(
      'READ_ONLY',
      `the base is read-only and ${Number(stale?.n ?? 0)} tours changed since their loyalty facts were computed`,
      undefined,
      { reason: 'loyaltyStaleReadOnly', params: { tours: Number(stale?.n ?? 0) } },
    );
  }
  await refreshFigures(base, day, (p) => onProgress?.({ ...p, tours }));
  return tours;
}

/**
 * Recomputes the trips of every tour the triggers marked stale since the last read, chunk by chunk,
 * each chunk in one transaction. The marks are taken out first and the sources read after, so a
 * tour another clerk writes meanwhile is marked again and recomputed on the next read. Returns how
 * many tours were recomputed.
 */
export async function refreshStaleTrips(
  base: Kysely<Database>,
  onProgress: (toursDone: number) => void = () => undefined,
): Promise<number> {
  const db = loyaltyDb(base);
  // A read first: a base open read-only with nothing stale still shows its figures.
  if (!(await db.selectFrom('loyalty_stale_tours').select('tour_id').limit(1).executeTakeFirst())) return 0;
  let done = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      if (dialectOf(trx) === 'postgres')
        await sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(trx);
      const stale = await trx
        .deleteFrom('loyalty_stale_tours')
        .where('tour_id', 'in', (eb) =>
          eb.selectFrom('loyalty_stale_tours').select('tour_id').orderBy('tour_id').limit(CHUNK),
        )
        .returning('tour_id')
        .execute();
      if (stale.length === 0) return 0;
      const ids = stale.map((s) => s.tour_id);
      const facts = await computeTrips(trx, ids);
      const old = await trx
        .deleteFrom('client_trips')
        .where('tour_id', 'in', ids)
        .returning('client_id')
        .execute();
      for (let i = 0; i < facts.length; i += 100)
        await trx
          .insertInto('client_trips')
          .values(facts.slice(i, i + 100))
          .execute();
      // The clients whose trips these were or are now: their kept figures are recomputed next.
      const clients = [...new Set([...old.map((o) => o.client_id), ...facts.map((f) => f.client_id)])];
      for (let i = 0; i < clients.length; i += 100)
        await trx
          .insertInto('loyalty_stale_clients')
          .values(clients.slice(i, i + 100).map((client_id) => ({ client_id })))
          .onConflict((oc) => oc.column('client_id').doNothing())
          .execute();
      return ids.length;
    });
    if (count === 0) return done;
    done += count;
    onProgress(done);
  }
}

/** The trips of the given tours (at most a few hundred) as the sources say now. */
export async function computeTrips(
  db: Kysely<LoyaltyDatabase>,
  tourIds: readonly number[],
): Promise<TripFact[]> {
  if (tourIds.length === 0) return [];
  const [tours, services, tourists] = await Promise.all([
    db
      .selectFrom('tours')
      .leftJoin('clients as payer', 'payer.id', 'tours.payer_client_id')
      .select([
        'tours.id',
        'tours.currency',
        'tours.arrival_date',
        'tours.departure_date',
        'tours.created_at',
        'tours.country',
        'tours.hotel',
        'tours.price_minor',
        'tours.cost_minor',
        'tours.payer_client_id',
        'payer.deleted_at as payer_deleted_at',
      ])
      .where('tours.id', 'in', tourIds)
      .where('tours.status', 'in', TRIP_STATUSES)
      .execute(),
    db
      .selectFrom('tour_services')
      .select((eb) => ['tour_id', eb.fn.sum<number>('price_minor').as('total')])
      .where('tour_id', 'in', tourIds)
      .groupBy('tour_id')
      .execute(),
    db
      .selectFrom('tourists')
      .innerJoin('clients', 'clients.id', 'tourists.client_id')
      .select(['tourists.tour_id', 'tourists.client_id', 'tourists.position'])
      .where('tourists.tour_id', 'in', tourIds)
      .where('clients.deleted_at', 'is', null)
      .orderBy('tourists.tour_id')
      .orderBy('tourists.position')
      .execute(),
  ]);
  const servicesTotal = new Map(services.map((s) => [s.tour_id, Number(s.total)]));
  const travellers = new Map<number, number[]>();
  for (const t of tourists) {
    const list = travellers.get(t.tour_id);
    if (list) list.push(t.client_id as number);
    else travellers.set(t.tour_id, [t.client_id as number]);
  }
  return tours.flatMap((tour) =>
    tripFactsOf(
      tour,
      servicesTotal.get(tour.id) ?? 0,
      tour.payer_deleted_at === null ? tour.payer_client_id : null,
      travellers.get(tour.id) ?? [],
    ),
  );
}
