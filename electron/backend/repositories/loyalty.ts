import { today } from '../../../shared/domain/clock';
import {
  summaryPlan,
  type FeedbackCounts,
  type LoyaltyClientRow,
  type LoyaltyFilter,
  type LoyaltyOverview,
  type LoyaltyParams,
  type SummaryPlan,
} from '../../../shared/loyalty';
import type { RepositoryContext } from '../context';
import { CLIENT_NAME_COLUMNS, displayName } from './client-names';
import { clientNames } from './loyalty-facts';
import { loadFeedbackCounts } from './loyalty-feedback';
import { feedbackVersion } from './loyalty-feedback-version';
import { readKept, writeKept } from './loyalty-kept-counts';
import { LoyaltyRefresher } from './loyalty-refresh';
import { countOverview, selectClasses, type ClassifiedClient, type FiguresSource } from './loyalty-overview';
import { refreshFacts, travelledQuery, withFiguresSource } from './loyalty-summary';
import { figuresVersion } from './loyalty-figures';
import { npsFigures } from '../../../shared/loyalty/nps-figures';
import { safeFileName, tableCsv, tableWorkbook, type Cell } from './loyalty-export';

/**
 * The shape of the counts kept in the base (LoyaltyOverview, FeedbackCounts): part of their keys,
 * so an app whose counts differ in shape never reads an older app's. Raise it with either type.
 */
const KEPT_FORMAT = 1;

/** Overviews kept for reuse (periods and thresholds the head switched between), newest last. */
const KEPT_OVERVIEWS = 8;

/**
 * The Loyalty screen's figures (issue 15): every figure comes from the tours and feedback as they are
 * now, computed by the pure functions of shared/loyalty, so a drill-down lists exactly the clients a
 * figure counts.
 */
export class LoyaltyRepository {
  private readonly refresher: LoyaltyRefresher;
  /** Counted overviews (key clients unnamed) by figures version, day and params (also in the base). */
  private readonly counted = new Map<string, LoyaltyOverview>();
  /** NPS counts by feedback version and plan (also in the base). */
  private readonly feedback = new Map<string, FeedbackCounts>();

  constructor(
    private readonly ctx: RepositoryContext,
    inlineTours?: number,
  ) {
    this.refresher = new LoyaltyRefresher(ctx.db, ctx.clock, inlineTours);
  }

  /** The background build of the facts, if one runs. */
  idle(): Promise<void> {
    return this.refresher.idle();
  }

  async overview(params: LoyaltyParams): Promise<LoyaltyOverview> {
    await this.refresher.ensureFresh();
    const day = today(this.ctx.clock);
    const plan = summaryPlan(params, params.asOf ?? day);
    // Read before counting: figures counted meanwhile from newer rows are kept under the older
    // version, which is never asked again once bumped.
    const version = (await refreshFacts(this.ctx.db, day)) ? await figuresVersion(this.ctx.db) : null;
    const key = version === null ? null : JSON.stringify(['overview', KEPT_FORMAT, version, day, params]);
    const kept = key === null ? undefined : await this.reuse(this.counted, key);
    // Complaint statuses and dates mark no client stale: the NPS counts go by their own version.
    const feedback = await this.feedbackCounts(plan, version !== null);
    const overview = kept
      ? { ...kept, nps: npsFigures(feedback, plan.periods) }
      : await this.withSource(params, (source) => countOverview(source, params, plan, feedback));
    if (key !== null && version !== null && !kept) {
      keepLast(this.counted, key, overview);
      await writeKept(this.ctx.db, 'overview', version, key, overview);
    }
    const names = await clientNames(
      this.ctx.db,
      overview.keyClients.map((k) => k.clientId),
    );
    return {
      ...overview,
      keyClients: overview.keyClients.map((k) => ({ ...k, name: names.get(k.clientId) ?? '' })),
    };
  }

  async clients(
    params: LoyaltyParams,
    filter: LoyaltyFilter,
    limit: number,
  ): Promise<{ rows: LoyaltyClientRow[]; total: number }> {
    const { clients, total } = await this.select(params, filter, limit);
    return { rows: await this.rows(clients), total };
  }

  async exportSegment(
    params: LoyaltyParams,
    filter: LoyaltyFilter,
    format: 'xlsx' | 'csv',
    headers: readonly string[],
  ): Promise<{ fileName: string; base64: string; exported: number; withoutConsent: number }> {
    const { clients: matching } = await this.select(params, filter, null);
    const allowed = await this.marketingAllowed(matching.map((c) => c.clientId));
    const kept = matching.filter((c) => allowed(c.clientId));
    const rows = await this.rows(kept);
    const cells: Cell[][] = rows.map((r) => [
      r.name,
      r.phone,
      r.email,
      r.trips,
      r.revenueMinor / 100,
      r.marginMinor / 100,
      r.lastTrip ?? '',
    ]);
    const bytes =
      format === 'xlsx' ? await tableWorkbook('Segment', headers, cells) : tableCsv(headers, cells);
    return {
      fileName: `segment-${params.asOf ?? today(this.ctx.clock)}.${format}`,
      base64: bytes.toString('base64'),
      exported: kept.length,
      withoutConsent: matching.length - kept.length,
    };
  }

  async exportTable(title: string, headers: readonly string[], rows: readonly Cell[][]) {
    const bytes = await tableWorkbook(title, headers, rows);
    return { fileName: `${safeFileName(title)}.xlsx`, base64: bytes.toString('base64') };
  }

  /**
   * The plan's NPS counts, reused while the feedback version (migration 26) stands: a price change
   * moves the figures version but no answer. A state row made anew starts it at random
   * (loyalty-figures.ts), so it cannot repeat a version counted before. `kept`: the facts are kept
   * (not a read-only base grouping on its own), so the state row is the one that counts.
   */
  private async feedbackCounts(plan: SummaryPlan, kept: boolean): Promise<FeedbackCounts> {
    const version = kept ? await feedbackVersion(this.ctx.db) : null;
    const key = version === null ? null : JSON.stringify(['nps', KEPT_FORMAT, version, plan]);
    const reused = key === null ? undefined : await this.reuse(this.feedback, key);
    if (reused) return reused;
    const counts = await loadFeedbackCounts(this.ctx.db, plan);
    if (key !== null && version !== null) {
      keepLast(this.feedback, key, counts);
      await writeKept(this.ctx.db, 'nps', String(version), key, counts);
    }
    return counts;
  }

  /** A count kept under `key`: in memory, else in the base (migration 27: a restart, another clerk). */
  private async reuse<T>(memory: Map<string, T>, key: string): Promise<T | undefined> {
    const inMemory = memory.get(key);
    if (inMemory) return inMemory;
    const inBase = await readKept<T>(this.ctx.db, key);
    if (inBase) keepLast(memory, key, inBase);
    return inBase;
  }

  /** Runs `use` over the plan's per-client rows, the facts brought up to date first. */
  private async withSource<T>(
    params: LoyaltyParams,
    use: (source: FiguresSource, plan: SummaryPlan) => Promise<T>,
  ): Promise<T> {
    await this.refresher.ensureFresh();
    const day = today(this.ctx.clock);
    const plan = summaryPlan(params, params.asOf ?? day);
    return withFiguresSource(this.ctx.db, params.currency, params, plan, day, (source) => use(source, plan));
  }

  private select(
    params: LoyaltyParams,
    filter: LoyaltyFilter,
    limit: number | null,
  ): Promise<{ clients: ClassifiedClient[]; total: number }> {
    return this.withSource(params, (source, plan) => {
      const travelled =
        filter.country === '' && filter.month === null
          ? null
          : travelledQuery(params.currency, plan.from, plan.asOf, filter.country, filter.month);
      return selectClasses(source, params, plan, filter, travelled, limit);
    });
  }

  /**
   * Marketing is allowed for a client with a marketing consent in force today; while the base holds
   * no consent records at all (consents not kept yet), for everyone.
   */
  private async marketingAllowed(ids: readonly number[]): Promise<(id: number) => boolean> {
    const any = await this.ctx.db.selectFrom('client_consents').select('id').limit(1).executeTakeFirst();
    if (!any) return () => true;
    const day = today(this.ctx.clock);
    const allowed = new Set<number>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.ctx.db
        .selectFrom('client_consents')
        .select('client_id')
        .where('client_id', 'in', ids.slice(i, i + 500))
        .where('scope', '=', 'marketing')
        .where('given_on', '<=', day)
        .where((eb) => eb.or([eb('withdrawn_on', 'is', null), eb('withdrawn_on', '>', day)]))
        .execute();
      for (const r of rows) allowed.add(r.client_id);
    }
    return (id) => allowed.has(id);
  }

  private async rows(list: readonly ClassifiedClient[]): Promise<LoyaltyClientRow[]> {
    const byId = new Map<number, { name: string; phone: string; email: string }>();
    const ids = list.map((c) => c.clientId);
    for (let i = 0; i < ids.length; i += 500) {
      const found = await this.ctx.db
        .selectFrom('clients')
        .select(['id', ...CLIENT_NAME_COLUMNS, 'phone', 'email'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of found) byId.set(r.id, { name: displayName(r), phone: r.phone, email: r.email });
    }
    return list.map(({ clientId, trips, revenueMinor, marginMinor, lastTrip, stage, segment, abc, xyz }) => ({
      clientId,
      ...(byId.get(clientId) ?? { name: '', phone: '', email: '' }),
      trips,
      revenueMinor,
      marginMinor,
      lastTrip,
      stage,
      segment,
      abc,
      xyz,
    }));
  }
}

/** Keeps `value` under `key`, dropping the oldest beyond KEPT_OVERVIEWS. */
function keepLast<T>(kept: Map<string, T>, key: string, value: T): void {
  kept.set(key, value);
  for (const old of kept.keys()) {
    if (kept.size <= KEPT_OVERVIEWS) break;
    kept.delete(old);
  }
}
