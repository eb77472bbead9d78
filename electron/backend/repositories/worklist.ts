import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/api/envelope';
import { timestamp, today } from '../../../shared/domain/clock';
import {
  addDays,
  addMonths,
  worklistReasons,
  type ContactEntry,
  type WorklistClient,
  type WorklistItem,
  type WorklistReason,
} from '../../../shared/loyalty';
import type { worklistActSchema, worklistQuerySchema } from '../../../shared/loyalty/worklist-model';
import type { RepositoryContext } from '../context';
import { CLIENT_NAME_COLUMNS, displayName, JOINED_CLIENT_NAME_COLUMNS } from './client-names';
import { loyaltyDb, TRIP_STATUSES, type LoyaltyDatabase } from './loyalty-schema';

type WorklistQuery = z.output<typeof worklistQuerySchema>;
type WorklistAct = z.output<typeof worklistActSchema>;

/** Regular on the ladder: this many trips (shared/loyalty/ladder.ts default). */
const REGULAR_TRIPS = 3;
const SEASON_MARGIN_MONTHS = 6;
const ORDER: readonly WorklistReason[] = [
  'openComplaint',
  'passportBeforeTrip',
  'birthday',
  'familyBooked',
  'noTripLately',
  'passportBeforeSeason',
  'tripAnniversary',
];
/** The reasons decided from a client's trips (pastTrips, nextTrip, regular). */
const TRIP_REASONS: ReadonlySet<WorklistReason> = new Set([
  'passportBeforeTrip',
  'noTripLately',
  'passportBeforeSeason',
  'tripAnniversary',
]);

/**
 * Who to contact today or this week. Each reason first finds its few candidate clients with an
 * indexed or bounded query; the reasons themselves are decided by shared/loyalty/worklist.ts over
 * those clients' facts, and items done, dismissed or postponed in the contact log are left out.
 */
export class WorklistRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly clerk: () => string,
  ) {}

  async list(query: WorklistQuery): Promise<WorklistItem[]> {
    const db = loyaltyDb(this.ctx.db);
    const day = today(this.ctx.clock);
    const horizonDays = query.horizon === 'today' ? 0 : 7;
    // Relatives' bookings are read when their reason is reached; no other reason looks at them.
    const family = new Map<number, WorklistClient['familyBookings']>();
    const sources = this.candidates(db, day, horizonDays, query, family);
    const rules = {
      horizonDays,
      birthdayDays: query.horizon === 'today' ? 0 : query.birthdayDays,
      dormantMonths: query.dormantMonths,
      seasonMarginMonths: SEASON_MARGIN_MONTHS,
    };
    // Reason by reason in the list's order: each reason's items come from its own candidates (and
    // the clients already read), so once a page is full the later, wider reasons are not read at all
    // (on a big base the dormant and passport-season candidates are tens of thousands of clients).
    // A client's trips are read only once a reason that looks at them is reached: complaints,
    // birthdays and family bookings do not, and on a big base they alone often fill the page.
    const known = new Map<number, WorklistClient>();
    const withTrips = new Set<number>();
    // Each client's reasons are decided once, and again only after their trips were read.
    const decided = new Map<number, WorklistItem[]>();
    const reasonsOf = (c: WorklistClient) => {
      const items = decided.get(c.id) ?? worklistReasons(c, day, rules);
      decided.set(c.id, items);
      return items;
    };
    const result: WorklistItem[] = [];
    for (const reason of ORDER) {
      if (reason === 'familyBooked') {
        for (const [id, bookings] of await this.familyCandidates(db, day, horizonDays)) {
          family.set(id, bookings);
          const c = known.get(id);
          if (c) known.set(id, { ...c, familyBookings: bookings });
          decided.delete(id);
        }
      }
      const ids = await sources[reason]();
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      for (const c of await this.facts(db, missing, family)) known.set(c.id, c);
      if (TRIP_REASONS.has(reason)) {
        const lacking = [...known.keys()].filter((id) => !withTrips.has(id));
        for (const c of await this.withTrips(
          db,
          lacking.map((id) => known.get(id) as WorklistClient),
          day,
        )) {
          known.set(c.id, c);
          withTrips.add(c.id);
          decided.delete(c.id);
        }
      }
      const items = [...known.values()].flatMap((c) => reasonsOf(c).filter((item) => item.reason === reason));
      const open = await this.withoutHandled(db, items, day);
      result.push(
        ...open.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || x.clientId - y.clientId),
      );
      if (result.length >= query.limit) break;
    }
    return result.slice(0, query.limit);
  }

  async act(input: WorklistAct): Promise<ContactEntry> {
    const id = await this.ctx.db.transaction().execute(async (trx) => {
      const db = loyaltyDb(trx);
      const client = await db
        .selectFrom('clients')
        .select('id')
        .where('id', '=', input.clientId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!client) throw new AppError('NOT_FOUND', `client ${input.clientId} not found`);
      if (!input.key.startsWith(`${input.reason}:${input.clientId}:`)) {
        throw new AppError('BAD_INPUT', 'the item key does not belong to this client and reason');
      }
      const row = await db
        .insertInto('contact_log')
        .values({
          client_id: input.clientId,
          item_key: input.key,
          reason: input.reason,
          action: input.action,
          note: input.note,
          postponed_until: input.postponeUntil,
          at: timestamp(this.ctx.clock),
          clerk: this.clerk(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.ctx.audit.record(trx, {
        entity: 'client',
        entityId: input.clientId,
        action: `contact.${input.action}`,
        changes: { reason: input.reason },
      });
      return row.id;
    });
    const entries = await this.log(input.clientId);
    const entry = entries.find((e) => e.id === id);
    if (!entry) throw new AppError('NOT_FOUND', `contact ${id} not found`);
    return entry;
  }

  async log(clientId: number): Promise<ContactEntry[]> {
    const rows = await loyaltyDb(this.ctx.db)
      .selectFrom('contact_log')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      reason: r.reason as WorklistReason,
      action: r.action,
      note: r.note,
      postponedUntil: r.postponed_until,
      at: r.at,
      clerk: r.clerk,
    }));
  }

  /** For each reason, how to find the clients it can concern: an indexed or bounded query, run when asked. */
  private candidates(
    db: Kysely<LoyaltyDatabase>,
    day: string,
    horizonDays: number,
    query: WorklistQuery,
    family: Map<number, WorklistClient['familyBookings']>,
  ): Record<WorklistReason, () => Promise<number[]>> {
    const ids = (rows: { id: number | null }[]) => rows.flatMap((r) => (r.id === null ? [] : [r.id]));
    const birthdayDays = Math.max(horizonDays, query.horizon === 'today' ? 0 : query.birthdayDays);
    const monthDays = Array.from({ length: birthdayDays + 1 }, (_, i) => addDays(day, i).slice(4));
    const horizonMonthDays = monthDays.slice(0, horizonDays + 1);
    const live = db.selectFrom('clients').where('clients.deleted_at', 'is', null);
    return {
      openComplaint: async () =>
        ids(
          await db
            .selectFrom('feedback')
            .select('client_id as id')
            .where('kind', '=', 'complaint')
            .where('status', '<>', 'resolved')
            .execute(),
        ),
      // Travellers of booked trips whose passport ends before the return plus the destination's margin.
      passportBeforeTrip: async () => {
        const rows = await db
          .selectFrom('tours')
          .innerJoin('tourists', 'tourists.tour_id', 'tours.id')
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
          .where('tours.status', 'in', TRIP_STATUSES)
          .where('clients.deleted_at', 'is', null)
          .where('clients.passport_expiry', 'is not', null)
          .execute();
        return rows
          .filter(
            (r) =>
              (r.passport_expiry as string) <
              addMonths(r.departure_date ?? (r.arrival_date as string), r.passport_margin_months ?? 6),
          )
          .map((r) => r.id);
      },
      // A scan of the birth dates: month and day are matched with LIKE, which every SQL has.
      birthday: async () =>
        ids(
          await live
            .select('clients.id')
            .where((eb) => eb.or(monthDays.map((md) => eb('clients.birth_date', 'like', `%${md}`))))
            .execute(),
        ),
      familyBooked: async () => [...family.keys()],
      noTripLately: async () =>
        ids(
          await db
            .selectFrom('tourists')
            .innerJoin('tours', 'tours.id', 'tourists.tour_id')
            .select('tourists.client_id as id')
            .where('tourists.client_id', 'is not', null)
            .where('tours.status', 'in', TRIP_STATUSES)
            .groupBy('tourists.client_id')
            .having((eb) => eb.fn.countAll(), '>=', REGULAR_TRIPS)
            .having((eb) => eb.fn.max('tours.arrival_date'), '<=', addMonths(day, -query.dormantMonths))
            .execute(),
        ),
      passportBeforeSeason: async () =>
        ids(
          await live
            .select('clients.id')
            .where('clients.passport_expiry', '>=', addMonths(day, -12))
            .where('clients.passport_expiry', '<', addMonths(day, 12 + SEASON_MARGIN_MONTHS))
            .execute(),
        ),
      tripAnniversary: async () =>
        ids(
          await db
            .selectFrom('tours')
            .innerJoin('tourists', 'tourists.tour_id', 'tours.id')
            .select('tourists.client_id as id')
            .where('tours.status', 'in', TRIP_STATUSES)
            .where('tours.arrival_date', '<', `${day.slice(0, 4)}-01-01`)
            .where((eb) => eb.or(horizonMonthDays.map((md) => eb('tours.arrival_date', 'like', `%${md}`))))
            .where('tourists.client_id', 'is not', null)
            .execute(),
        ),
    };
  }

  /** Relatives (family links) of the travellers of tours booked in the horizon, not on that tour. */
  private async familyCandidates(
    db: Kysely<LoyaltyDatabase>,
    day: string,
    horizonDays: number,
  ): Promise<Map<number, WorklistClient['familyBookings']>> {
    const since = addDays(day, -Math.max(horizonDays, 0));
    const travellers = await db
      .selectFrom('tours')
      .innerJoin('tourists', 'tourists.tour_id', 'tours.id')
      .innerJoin('clients', 'clients.id', 'tourists.client_id')
      .select([
        'tours.id as tourId',
        'tours.voucher',
        'tours.created_at',
        'clients.id as clientId',
        ...JOINED_CLIENT_NAME_COLUMNS,
      ])
      .where('tours.created_at', '>=', since)
      .where('tours.status', 'in', TRIP_STATUSES)
      .execute();
    const result = new Map<number, WorklistClient['familyBookings']>();
    if (travellers.length === 0) return result;
    const onTour = new Map<number, Set<number>>();
    for (const t of travellers) onTour.set(t.tourId, (onTour.get(t.tourId) ?? new Set()).add(t.clientId));
    const travellerIds = [...new Set(travellers.map((t) => t.clientId))];
    const links = await this.familyLinks(db, travellerIds);
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

  private async familyLinks(
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

  /** Clients with their open complaints and family bookings; their trips are left empty here. */
  private async facts(
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
  private async withTrips(
    db: Kysely<LoyaltyDatabase>,
    clients: readonly WorklistClient[],
    day: string,
  ): Promise<WorklistClient[]> {
    const result: WorklistClient[] = [];
    for (let i = 0; i < clients.length; i += 500) {
      const chunk = clients.slice(i, i + 500);
      const trips = await db
        .selectFrom('tourists')
        .innerJoin('tours', 'tours.id', 'tourists.tour_id')
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
        .where('tours.status', 'in', TRIP_STATUSES)
        .where('tours.arrival_date', 'is not', null)
        .orderBy('tours.arrival_date')
        .execute();
      const tripsOf = groupBy(trips, (t) => t.client_id as number);
      for (const c of chunk) {
        const own = tripsOf.get(c.id) ?? [];
        const past = own
          .filter((t) => (t.arrival_date as string) <= day)
          .map((t) => t.arrival_date as string);
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

  /** Leaves out items whose latest log entry is done or dismissed, or postponed past today. */
  private async withoutHandled(
    db: Kysely<LoyaltyDatabase>,
    items: WorklistItem[],
    day: string,
  ): Promise<WorklistItem[]> {
    const latest = new Map<string, { action: string; until: string | null }>();
    const keys = [...new Set(items.map((i) => i.key))];
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db
        .selectFrom('contact_log')
        .select(['item_key', 'action', 'postponed_until'])
        .where('item_key', 'in', keys.slice(i, i + 500))
        .orderBy('at')
        .orderBy('id')
        .execute();
      for (const r of rows) latest.set(r.item_key, { action: r.action, until: r.postponed_until });
    }
    return items.filter((item) => {
      const entry = latest.get(item.key);
      if (!entry) return true;
      return entry.action === 'postponed' && entry.until !== null && entry.until <= day;
    });
  }
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

/** Migration 11's family links (issue 13), as far as the worklist reads them. */
type FamilyLinks = {
  client_links: { client_id: number; other_id: number; kind: string };
};
