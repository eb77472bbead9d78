import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import {
  addDays,
  addMonths,
  nextAnniversary,
  type WorklistClient,
  type WorklistReason,
} from '../../../shared/loyalty';
import type { worklistQuerySchema } from '../../../shared/loyalty/worklist-model';
import { displayName, JOINED_CLIENT_NAME_COLUMNS } from './client-names';
import { TRIP_STATUSES, type LoyaltyDatabase } from './loyalty-schema';
import { REGULAR_TRIPS, travellerTrips } from './worklist-facts';

/**
 * The worklist's candidate clients, reason by reason: each an indexed or bounded query that finds
 * the few clients a reason can concern (worklist.ts decides which of them it does concern).
 */

type WorklistQuery = z.output<typeof worklistQuerySchema>;

/** Months before the season the client usually travels that a passport must still be valid for. */
export const SEASON_MARGIN_MONTHS = 6;

/**
 * A client a reason can concern, with the earliest date that reason's item can have for them (the
 * list is ordered by date), so the worklist can read candidates in date order and stop once its
 * page is full.
 */
export interface Candidate {
  id: number;
  from: string;
}

/** For each reason, how to find the clients it can concern: an indexed or bounded query, run when asked. */
export function reasonCandidates(
  db: Kysely<LoyaltyDatabase>,
  day: string,
  horizonDays: number,
  query: WorklistQuery,
  family: Map<number, WorklistClient['familyBookings']>,
): Record<WorklistReason, () => Promise<Candidate[]>> {
  const dated = (rows: { id: number | null; from: string | null }[], from = (date: string) => date) =>
    rows.flatMap((r) => (r.id === null || r.from === null ? [] : [{ id: r.id, from: from(r.from) }]));
  const birthdayDays = Math.max(horizonDays, query.horizon === 'today' ? 0 : query.birthdayDays);
  const days = Array.from({ length: birthdayDays + 1 }, (_, i) => addDays(day, i));
  const monthDays = monthDaysOf(days);
  const horizonMonthDays = monthDaysOf(days.slice(0, horizonDays + 1));
  const live = db.selectFrom('clients').where('clients.deleted_at', 'is', null);
  const anniversary = (date: string) => nextAnniversary(date, day);
  return {
    openComplaint: async () =>
      dated(
        await db
          .selectFrom('feedback')
          .select(['client_id as id', 'received_on as from'])
          .where('kind', '=', 'complaint')
          .where('status', '<>', 'resolved')
          .execute(),
      ),
    // Travellers of booked trips whose passport ends before the return plus the destination's margin.
    passportBeforeTrip: async () => {
      const rows = await travellerTrips(db)
        .innerJoin('clients', 'clients.id', 'tourists.client_id')
        .leftJoin('countries', 'countries.code', 'tours.country')
        .select([
          'clients.id',
          'clients.passport_expiry',
          'tours.arrival_date',
          'tours.departure_date',
          'countries.passport_margin_months',
        ])
        .where('tours.arrival_date', '>', day)
        .where('clients.deleted_at', 'is', null)
        .where('clients.passport_expiry', 'is not', null)
        .execute();
      return rows
        .filter(
          (r) =>
            (r.passport_expiry as string) <
            addMonths(r.departure_date ?? (r.arrival_date as string), r.passport_margin_months ?? 6),
        )
        .map((r) => ({ id: r.id, from: r.passport_expiry as string }));
    },
    // A scan of the birth dates: month and day are matched with LIKE, which every SQL has.
    birthday: async () =>
      dated(
        await live
          .select(['clients.id', 'clients.birth_date as from'])
          .where((eb) => eb.or(monthDays.map((md) => eb('clients.birth_date', 'like', `%${md}`))))
          .execute(),
        anniversary,
      ),
    familyBooked: async () =>
      [...family].map(([id, bookings]) => ({
        id,
        from: bookings.reduce((min, b) => (b.bookedOn < min ? b.bookedOn : min), bookings[0]?.bookedOn ?? ''),
      })),
    // The kept tally (migration 24): at least REGULAR_TRIPS trips, none since the cut-off; the item's
    // date is that last trip.
    noTripLately: async () =>
      dated(
        await db
          .selectFrom('client_trip_tally')
          .select(['client_id as id', 'last_arrival as from'])
          .where('last_arrival', '<=', addMonths(day, -query.dormantMonths))
          .where('trips', '>=', REGULAR_TRIPS)
          .execute(),
      ),
    passportBeforeSeason: async () =>
      dated(
        await live
          .select(['clients.id', 'clients.passport_expiry as from'])
          .where('clients.passport_expiry', '>=', addMonths(day, -12))
          .where('clients.passport_expiry', '<', addMonths(day, 12 + SEASON_MARGIN_MONTHS))
          .execute(),
      ),
    // The item is the anniversary of the last trip up to today, in an earlier year: a trip on this
    // week's days (migration 25's index) that is the client's latest start in the tally, or, for a
    // client who has booked a later one, that has no other trip after it up to today.
    tripAnniversary: async () =>
      dated(
        await travellerTrips(db)
          .innerJoin('client_trip_tally', 'client_trip_tally.client_id', 'tourists.client_id')
          .select(['tourists.client_id as id', 'tours.arrival_date as from'])
          .where(
            sql<string>`substr(tours.arrival_date, 6, 5)`,
            'in',
            horizonMonthDays.map((md) => md.slice(1)),
          )
          .where('tours.arrival_date', '<', `${day.slice(0, 4)}-01-01`)
          .where((eb) =>
            eb.or([
              eb('client_trip_tally.last_arrival', '=', eb.ref('tours.arrival_date')),
              eb.and([
                eb('client_trip_tally.last_arrival', '>', day),
                eb.not(
                  eb.exists(
                    eb
                      .selectFrom('tourists as later')
                      .innerJoin('tours as o', 'o.id', 'later.tour_id')
                      .select('o.id')
                      .whereRef('later.client_id', '=', 'tourists.client_id')
                      .where('o.status', 'in', TRIP_STATUSES)
                      .whereRef('o.arrival_date', '>', 'tours.arrival_date')
                      .where('o.arrival_date', '<=', day),
                  ),
                ),
              ]),
            ]),
          )
          .execute(),
        anniversary,
      ),
  };
}

/**
 * The month-days ('-MM-DD') of these days. 28 February of a common year also takes 29 February:
 * a birthday or trip on that day has its anniversary then (nextAnniversary), shown on the 28th.
 */
export function monthDaysOf(days: readonly string[]): string[] {
  return days.flatMap((d) => {
    const monthDay = d.slice(4);
    const leap = new Date(Date.UTC(Number(d.slice(0, 4)), 1, 29)).getUTCMonth() === 1;
    return monthDay === '-02-28' && !leap ? [monthDay, '-02-29'] : [monthDay];
  });
}

/** Each client once, with their earliest date, in date order (then by id). */
export function inDateOrder(candidates: readonly Candidate[]): Candidate[] {
  const earliest = new Map<number, string>();
  for (const c of candidates) {
    const from = earliest.get(c.id);
    if (from === undefined || c.from < from) earliest.set(c.id, c.from);
  }
  return [...earliest]
    .map(([id, from]) => ({ id, from }))
    .sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.id - y.id));
}

/** Relatives (family links) of the travellers of tours booked in the horizon, not on that tour. */
export async function familyCandidates(
  db: Kysely<LoyaltyDatabase>,
  day: string,
  horizonDays: number,
): Promise<Map<number, WorklistClient['familyBookings']>> {
  const since = addDays(day, -Math.max(horizonDays, 0));
  const travellers = await travellerTrips(db)
    .innerJoin('clients', 'clients.id', 'tourists.client_id')
    .select([
      'tours.id as tourId',
      'tours.voucher',
      'tours.created_at',
      'clients.id as clientId',
      ...JOINED_CLIENT_NAME_COLUMNS,
    ])
    .where('tours.created_at', '>=', since)
    .execute();
  const result = new Map<number, WorklistClient['familyBookings']>();
  if (travellers.length === 0) return result;
  const onTour = new Map<number, Set<number>>();
  for (const t of travellers) onTour.set(t.tourId, (onTour.get(t.tourId) ?? new Set()).add(t.clientId));
  const travellerIds = [...new Set(travellers.map((t) => t.clientId))];
  const links = await familyLinks(db, travellerIds);
  for (const t of travellers) {
    for (const relative of links.get(t.clientId) ?? []) {
      if (onTour.get(t.tourId)?.has(relative)) continue;
      const list = result.get(relative) ?? [];
      if (list.some((b) => b.tourId === t.tourId)) continue;
      list.push({
        relativeName: displayName(t),
        tourId: t.tourId,
        voucher: t.voucher,
        bookedOn: t.created_at.slice(0, 10),
      });
      result.set(relative, list);
    }
  }
  return result;
}

async function familyLinks(
  db: Kysely<LoyaltyDatabase>,
  ids: readonly number[],
): Promise<Map<number, number[]>> {
  const links = new Map<number, number[]>();
  const put = (a: number, b: number) => links.set(a, [...(links.get(a) ?? []), b]);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db
      .withTables<FamilyLinks>()
      .selectFrom('client_links')
      .select(['client_id', 'other_id'])
      .where('kind', 'in', ['spouse', 'parent', 'sibling'])
      .where((eb) => eb.or([eb('client_id', 'in', chunk), eb('other_id', 'in', chunk)]))
      .execute();
    for (const r of rows) {
      put(r.client_id, r.other_id);
      put(r.other_id, r.client_id);
    }
  }
  return links;
}

/** Migration 11's family links (issue 13), as far as the worklist reads them. */
type FamilyLinks = {
  client_links: { client_id: number; other_id: number; kind: string };
};
