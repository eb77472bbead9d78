import { today } from '../../../shared/domain/clock';
import {
  analyseSummaries,
  summaryPlan,
  type Analysis,
  type ClientClass,
  type LoyaltyClientRow,
  type LoyaltyFilter,
  type LoyaltyOverview,
  type LoyaltyParams,
} from '../../../shared/loyalty';
import type { RepositoryContext } from '../context';
import { CLIENT_NAME_COLUMNS, displayName } from './client-names';
import { clientNames } from './loyalty-facts';
import { loadFeedbackCounts } from './loyalty-feedback';
import { LoyaltyRefresher } from './loyalty-refresh';
import { loadClientSummaries, travelledIn } from './loyalty-summary';
import { safeFileName, tableCsv, tableWorkbook, type Cell } from './loyalty-export';

/**
 * The Loyalty screen's figures (issue 15): every figure comes from the tours and feedback as they are
 * now, computed by the pure functions of shared/loyalty, so a drill-down lists exactly the clients a
 * figure counts.
 */
export class LoyaltyRepository {
  private readonly refresher: LoyaltyRefresher;

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
    const analysis = await this.analyse(params);
    const names = await clientNames(
      this.ctx.db,
      analysis.overview.keyClients.map((k) => k.clientId),
    );
    return {
      ...analysis.overview,
      keyClients: analysis.overview.keyClients.map((k) => ({ ...k, name: names.get(k.clientId) ?? '' })),
    };
  }

  async clients(
    params: LoyaltyParams,
    filter: LoyaltyFilter,
    limit: number,
  ): Promise<{ rows: LoyaltyClientRow[]; total: number }> {
    const analysis = await this.analyse(params);
    const matching = selectClients(analysis, filter, await this.travelled(params, analysis, filter));
    const page = matching.slice(0, limit);
    const rows = await this.rows(page);
    return { rows, total: matching.length };
  }

  async exportSegment(
    params: LoyaltyParams,
    filter: LoyaltyFilter,
    format: 'xlsx' | 'csv',
    headers: readonly string[],
  ): Promise<{ fileName: string; base64: string; exported: number; withoutConsent: number }> {
    const analysis = await this.analyse(params);
    const matching = selectClients(analysis, filter, await this.travelled(params, analysis, filter));
    const allowed = await this.marketingAllowed(matching.map(([id]) => id));
    const kept = matching.filter(([id]) => allowed(id));
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

  private async analyse(params: LoyaltyParams): Promise<Analysis> {
    await this.refresher.ensureFresh();
    const day = today(this.ctx.clock);
    const plan = summaryPlan(params, params.asOf ?? day);
    const clients = await loadClientSummaries(this.ctx.db, params.currency, params, plan, day);
    const feedback = await loadFeedbackCounts(this.ctx.db, plan);
    return analyseSummaries(clients, feedback, params, plan);
  }

  private async travelled(
    params: LoyaltyParams,
    analysis: Analysis,
    filter: LoyaltyFilter,
  ): Promise<Set<number> | null> {
    if (filter.country === '' && filter.month === null) return null;
    const { from, asOf } = analysis.overview;
    return travelledIn(this.ctx.db, params.currency, from, asOf, filter.country, filter.month);
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

  private async rows(list: readonly [number, ClientClass][]): Promise<LoyaltyClientRow[]> {
    const byId = new Map<number, { name: string; phone: string; email: string }>();
    const ids = list.map(([id]) => id);
    for (let i = 0; i < ids.length; i += 500) {
      const found = await this.ctx.db
        .selectFrom('clients')
        .select(['id', ...CLIENT_NAME_COLUMNS, 'phone', 'email'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of found) byId.set(r.id, { name: displayName(r), phone: r.phone, email: r.email });
    }
    return list.map(([id, cls]) => {
      const person = byId.get(id) ?? { name: '', phone: '', email: '' };
      return {
        clientId: id,
        ...person,
        trips: cls.windowTrips,
        revenueMinor: cls.revenueMinor,
        marginMinor: cls.marginMinor,
        lastTrip: cls.lastTrip,
        stage: cls.stage,
        segment: cls.segment,
        abc: cls.abc,
        xyz: cls.xyz,
      };
    });
  }
}

/**
 * The clients a filter takes, by margin in the window (largest first), then id. `travelled` holds
 * the clients with a window trip to the filter's country in its month, when the filter names either.
 */
export function selectClients(
  analysis: Analysis,
  filter: LoyaltyFilter,
  travelled: ReadonlySet<number> | null,
): [number, ClientClass][] {
  const result: [number, ClientClass][] = [];
  for (const [id, cls] of analysis.classes) {
    if (filter.abc !== null && cls.abc !== filter.abc) continue;
    if (filter.xyz !== null && cls.xyz !== filter.xyz) continue;
    if (filter.segment !== null && cls.segment !== filter.segment) continue;
    if (filter.stage !== null && cls.stage !== filter.stage) continue;
    if (filter.keyOnly && !cls.key) continue;
    if (travelled !== null && !travelled.has(id)) continue;
    // A stage filter may take clients without trips in the window; the others need one.
    if (filter.stage === null && cls.windowTrips === 0) continue;
    result.push([id, cls]);
  }
  return result.sort((a, b) => b[1].marginMinor - a[1].marginMinor || a[0] - b[0]);
}
