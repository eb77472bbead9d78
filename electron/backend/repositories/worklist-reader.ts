import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  worklistReasons,
  type WorklistClient,
  type WorklistItem,
  type WorklistReason,
  type WorklistRules,
} from '../../../shared/loyalty';
import { WORKLIST_ORDER, type worklistQuerySchema } from '../../../shared/loyalty/worklist-model';
import type { LoyaltyDatabase } from './loyalty-schema';
import {
  familyCandidates,
  inDateOrder,
  reasonCandidates,
  SEASON_MARGIN_MONTHS,
  type Candidate,
} from './worklist-candidates';
import { clientFacts, withTrips } from './worklist-facts';

type WorklistQuery = z.output<typeof worklistQuerySchema>;

/** Candidates read at once while a reason fills the page (also the IN list's size). */
const CHUNK = 500;

/**
 * Who to contact: reason by reason in the list's order; once the page is full the later, wider
 * reasons (tens of thousands of dormant or anniversary candidates on a big base) are not read.
 */
export async function worklistPage(reader: WorklistReader, limit: number): Promise<WorklistItem[]> {
  const result: WorklistItem[] = [];
  for (const reason of WORKLIST_ORDER) {
    result.push(...(await reader.items(reason, limit - result.length)));
    if (result.length >= limit) break;
  }
  return result.slice(0, limit);
}
/** The reasons decided from a client's trips (pastTrips, nextTrip, regular). */
const TRIP_REASONS: ReadonlySet<WorklistReason> = new Set([
  'passportBeforeTrip',
  'noTripLately',
  'passportBeforeSeason',
  'tripAnniversary',
]);

/**
 * One worklist read: the clients read so far and their decided reasons, shared by the reasons in
 * the list's order. A reason's candidates are read in date order a chunk at a time, and reading
 * stops once the room left on the page is filled with items that sort before the next unread
 * candidate's earliest date and id (no unread candidate can come before them). A client's trips are read
 * only for a reason that looks at them: complaints, birthdays and family bookings do not.
 */
export class WorklistReader {
  private readonly family = new Map<number, WorklistClient['familyBookings']>();
  private readonly sources: Record<WorklistReason, () => Promise<Candidate[]>>;
  private readonly rules: WorklistRules;
  private readonly known = new Map<number, WorklistClient>();
  private readonly tripsRead = new Set<number>();
  /** Each client's reasons, decided once, and again only after their trips were read. */
  private readonly decided = new Map<number, WorklistItem[]>();
  /** Item keys the contact log takes off the list (true) or leaves on it (false). */
  private readonly handled = new Map<string, boolean>();

  constructor(
    private readonly db: Kysely<LoyaltyDatabase>,
    private readonly day: string,
    query: WorklistQuery,
    /** Candidates read at once (tests read one at a time to see every place reading can stop). */
    private readonly chunk = CHUNK,
  ) {
    const horizonDays = query.horizon === 'today' ? 0 : 7;
    this.sources = reasonCandidates(db, day, horizonDays, query, this.family);
    this.rules = {
      horizonDays,
      birthdayDays: query.horizon === 'today' ? 0 : query.birthdayDays,
      dormantMonths: query.dormantMonths,
      seasonMarginMonths: SEASON_MARGIN_MONTHS,
    };
  }

  /** The reason's open items in date order, at least the first `room` of them exactly. */
  async items(reason: WorklistReason, room: number): Promise<WorklistItem[]> {
    if (reason === 'familyBooked') await this.readFamily();
    const candidates = inDateOrder(await this.sources[reason]());
    let open: WorklistItem[] = [];
    for (let i = 0; ; i += this.chunk) {
      await this.read(
        candidates.slice(i, i + this.chunk).map((c) => c.id),
        TRIP_REASONS.has(reason),
      );
      const items = [...this.known.values()].flatMap((c) =>
        this.reasonsOf(c).filter((item) => item.reason === reason),
      );
      open = await this.withoutHandled(items);
      // An unread candidate's item sorts at or after (its earliest date, its id), so an item before
      // the next unread candidate in that order is final.
      const next = candidates[i + this.chunk];
      if (next === undefined) break;
      const final = (item: WorklistItem) =>
        item.date < next.from || (item.date === next.from && item.clientId < next.id);
      if (open.filter(final).length >= room) break;
    }
    return open.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || x.clientId - y.clientId);
  }

  private reasonsOf(c: WorklistClient): WorklistItem[] {
    const items = this.decided.get(c.id) ?? worklistReasons(c, this.day, this.rules);
    this.decided.set(c.id, items);
    return items;
  }

  /** Relatives' bookings, read when their reason is reached; no other reason looks at them. */
  private async readFamily(): Promise<void> {
    const horizonDays = this.rules.horizonDays;
    for (const [id, bookings] of await familyCandidates(this.db, this.day, horizonDays)) {
      this.family.set(id, bookings);
      const c = this.known.get(id);
      if (c) this.known.set(id, { ...c, familyBookings: bookings });
      this.decided.delete(id);
    }
  }

  private async read(ids: readonly number[], withTripsToo: boolean): Promise<void> {
    const missing = ids.filter((id) => !this.known.has(id));
    for (const c of await clientFacts(this.db, missing, this.family)) this.known.set(c.id, c);
    if (!withTripsToo) return;
    const lacking = ids.flatMap((id) => {
      const c = this.known.get(id);
      return c && !this.tripsRead.has(id) ? [c] : [];
    });
    for (const c of await withTrips(this.db, lacking, this.day)) {
      this.known.set(c.id, c);
      this.tripsRead.add(c.id);
      this.decided.delete(c.id);
    }
  }

  /** Leaves out items whose latest log entry is done or dismissed, or postponed past today. */
  private async withoutHandled(items: WorklistItem[]): Promise<WorklistItem[]> {
    const keys = [...new Set(items.map((i) => i.key))].filter((key) => !this.handled.has(key));
    const latest = new Map<string, { action: string; until: string | null }>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.db
        .selectFrom('contact_log')
        .select(['item_key', 'action', 'postponed_until'])
        .where('item_key', 'in', keys.slice(i, i + 500))
        .orderBy('at')
        .orderBy('id')
        .execute();
      for (const r of rows) latest.set(r.item_key, { action: r.action, until: r.postponed_until });
    }
    for (const key of keys) {
      const entry = latest.get(key);
      const postponedTillNow =
        entry?.action === 'postponed' && entry.until !== null && entry.until <= this.day;
      this.handled.set(key, entry !== undefined && !postponedTillNow);
    }
    return items.filter((item) => this.handled.get(item.key) !== true);
  }
}
