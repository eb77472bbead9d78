import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../../shared/api/envelope';
import { timestamp, today } from '../../../shared/domain/clock';
import {
  worklistReasons,
  type ContactEntry,
  type WorklistClient,
  type WorklistItem,
  type WorklistReason,
} from '../../../shared/loyalty';
import type { worklistActSchema, worklistQuerySchema } from '../../../shared/loyalty/worklist-model';
import type { RepositoryContext } from '../context';
import { loyaltyDb, type LoyaltyDatabase } from './loyalty-schema';
import { familyCandidates, reasonCandidates, SEASON_MARGIN_MONTHS } from './worklist-candidates';
import { clientFacts, withTrips } from './worklist-facts';

type WorklistQuery = z.output<typeof worklistQuerySchema>;
type WorklistAct = z.output<typeof worklistActSchema>;

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
    const sources = reasonCandidates(db, day, horizonDays, query, family);
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
    const tripsRead = new Set<number>();
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
        for (const [id, bookings] of await familyCandidates(db, day, horizonDays)) {
          family.set(id, bookings);
          const c = known.get(id);
          if (c) known.set(id, { ...c, familyBookings: bookings });
          decided.delete(id);
        }
      }
      const ids = await sources[reason]();
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      for (const c of await clientFacts(db, missing, family)) known.set(c.id, c);
      if (TRIP_REASONS.has(reason)) {
        const lacking = [...known.keys()].filter((id) => !tripsRead.has(id));
        for (const c of await withTrips(
          db,
          lacking.map((id) => known.get(id) as WorklistClient),
          day,
        )) {
          known.set(c.id, c);
          tripsRead.add(c.id);
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
