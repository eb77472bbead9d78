import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  exceedsShare,
  LADDER_STAGES,
  reachesShare,
  retentionOf,
  RFM_SEGMENTS,
  segmentFigures,
  windowYears,
  type FeedbackCounts,
  type LoyaltyFilter,
  type LoyaltyOverview,
  type LoyaltyParams,
  type SegmentSums,
  type SummaryPlan,
} from '../../../shared/loyalty';
import { npsFigures } from '../../../shared/loyalty/nps-figures';
import { dialectOf } from '../db/dialect';
import type { Database } from '../db/schema';
import { abcBoundaries, classifiedRows, type ClassCuts } from './loyalty-classes';

/**
 * The Loyalty screen's figures counted by the base over one summary row per client (`source`: the
 * kept loyalty_client_figures, or another plan's rows grouped into a temporary table): the totals,
 * ladder and retention in one pass, then the ABC × XYZ × RFM groups, the key clients and the top
 * revenues. Only a few dozen rows cross into JavaScript, which assembles them with the same
 * functions as shared/loyalty/analysis.ts (the reference the tests hold this equal to).
 */

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);
const lit = (v: number) => sql.lit(v);

/** The per-client summary rows the figures are counted over, and the base they are read from. */
export interface FiguresSource {
  db: Kysely<Database>;
  rows: RawBuilder<unknown>;
}

/** What the classes' cut-offs are taken from: the clients with a window trip and their positive sums. */
export async function countCuts(source: FiguresSource, params: LoyaltyParams): Promise<ClassCuts> {
  const { rows } = await sql<Row>`SELECT COUNT(*) AS n,
      SUM(CASE WHEN revenue_minor > 0 THEN revenue_minor ELSE 0 END) AS revenue,
      SUM(CASE WHEN margin_minor > 0 THEN margin_minor ELSE 0 END) AS margin
    FROM (${source.rows}) f WHERE window_trips > 0`.execute(source.db);
  const revenue = num(rows[0]?.revenue);
  const margin = num(rows[0]?.margin);
  // keyClients and abcClasses compare shares of these sums; as amounts the base compares integers.
  const least = (total: number) => (total > 0 ? exceedsShare(total, params.keyShare) : null);
  const abcA = margin > 0 ? reachesShare(margin, params.abc.a) : 0;
  const abcB = margin > 0 ? reachesShare(margin, params.abc.b) : 0;
  return {
    inWindow: num(rows[0]?.n),
    positiveRevenue: revenue,
    abcA,
    abcB,
    ...(await abcBoundaries(source.db, source.rows, abcA, abcB)),
    keyRevenue: least(revenue),
    keyMargin: least(margin),
  };
}

/**
 * One pass over the classified rows: every count and sum of the screen by class and stage, and by
 * the activity masks and the period of the first trip (the periods are calendar ones, apart), so
 * the retention counts are summed from the groups instead of twenty sums over every row.
 */
function groupedQuery(
  source: FiguresSource,
  params: LoyaltyParams,
  plan: SummaryPlan,
  cuts: ClassCuts,
): RawBuilder<Row> {
  const acquired =
    plan.periods.length === 0
      ? sql`-1`
      : sql`CASE ${sql.join(
          plan.periods.map(
            (p, i) => sql`WHEN first_start >= ${p.start} AND first_start <= ${p.end} THEN ${lit(i)}`,
          ),
          sql` `,
        )} ELSE -1 END`;
  const dialect = dialectOf(source.db);
  const classified = classifiedRows(source.rows, params, plan, cuts, dialect);
  const classes = dialect === 'sqlite' ? classKey() : sql`abc, xyz, segment, stage_now, stage_before`;
  return sql<Row>`SELECT abc, xyz, segment, stage_now, stage_before, active_at_start, active_at_end,
      acquired, COUNT(*) AS n, SUM(revenue_minor) AS revenue, SUM(margin_minor) AS margin,
      SUM(window_trips) AS trips, SUM(CASE WHEN life_months > 12 THEN life_months ELSE 12 END) AS life,
      SUM(historical_margin_minor) AS historical
    FROM (SELECT c.*, ${acquired} AS acquired FROM (${classified}) c) g
    GROUP BY ${classes}, active_at_start, active_at_end, acquired`;
}

/**
 * On SQLite the five class columns are grouped by one integer that names them exactly (each
 * value's place in a list of its column's values, NULL as 0): sorting 165,000 rows by five texts
 * was half of a count. The class columns are then bare in the SELECT, which SQLite answers from the
 * group's rows, all alike. PostgreSQL hashes its groups and keeps the plain GROUP BY.
 */
export function classKey(): RawBuilder<number> {
  const columns: [string, readonly string[]][] = [
    ['abc', ABC],
    ['xyz', XYZ],
    ['segment', RFM_SEGMENTS],
    ['stage_now', LADDER_STAGES],
    ['stage_before', LADDER_STAGES],
  ];
  let key: RawBuilder<number> = sql<number>`0`;
  for (const [column, values] of columns) {
    const list = `|${values.join('|')}|`;
    const place = sql`coalesce(instr(${sql.lit(list)}, '|' || ${sql.ref(column)} || '|'), 0)`;
    key = sql<number>`(${key}) * ${sql.lit(list.length + 1)} + ${place}`;
  }
  return key;
}

const orLeast = (column: string, least: number | null) =>
  least === null ? sql`1 = 0` : sql`${sql.ref(column)} >= ${least}`;

const ABC = ['A', 'B', 'C'] as const;
const XYZ = ['X', 'Y', 'Z'] as const;

/** Every figure of the screen but the names of the key clients (the repository adds them). */
export async function countOverview(
  source: FiguresSource,
  params: LoyaltyParams,
  plan: SummaryPlan,
  feedback: FeedbackCounts,
): Promise<LoyaltyOverview> {
  const cuts = await countCuts(source, params);
  const [grouped, keys, top] = await Promise.all([
    groupedQuery(source, params, plan, cuts).execute(source.db),
    cuts.keyRevenue === null && cuts.keyMargin === null
      ? { rows: [] as Row[] }
      : sql<Row>`SELECT client_id, revenue_minor, margin_minor FROM (${source.rows}) f
          WHERE window_trips > 0 AND (${orLeast('revenue_minor', cuts.keyRevenue)}
            OR ${orLeast('margin_minor', cuts.keyMargin)})`.execute(source.db),
    sql<Row>`SELECT revenue_minor FROM (${source.rows}) f WHERE window_trips > 0 AND revenue_minor > 0
      ORDER BY revenue_minor DESC LIMIT 10`.execute(source.db),
  ]);
  const groups = grouped.rows.filter((g) => g.abc !== null);
  const all = (column: string, rows = grouped.rows) => rows.reduce((s, r) => s + num(r[column]), 0);
  const totals = {
    clients: all('n', groups),
    trips: all('trips', groups),
    revenueMinor: all('revenue', groups),
    marginMinor: all('margin', groups),
    ladder: LADDER_STAGES.map((stage) => ({
      stage,
      count: all(
        'n',
        grouped.rows.filter((r) => r.stage_now === stage),
      ),
      previous: all(
        'n',
        grouped.rows.filter((r) => r.stage_before === stage),
      ),
    })),
    retention: plan.periods.map((p, i) => {
      const bit = (column: string) => (r: Row) => (num(r[column]) & (2 ** i)) !== 0;
      const [atStart, atEnd] = [bit('active_at_start'), bit('active_at_end')];
      const rows = grouped.rows;
      return retentionOf(p, {
        atStart: all('n', rows.filter(atStart)),
        atEnd: all('n', rows.filter(atEnd)),
        acquired: all(
          'n',
          rows.filter((r) => num(r.acquired) === i),
        ),
        lost: all(
          'n',
          rows.filter((r) => atStart(r) && !atEnd(r)),
        ),
      });
    }),
  };
  const revenue = totals.revenueMinor;
  const margin = totals.marginMinor;
  const cellSums = (abc: string, xyz: string) => groups.filter((g) => g.abc === abc && g.xyz === xyz);
  const matrix = ABC.flatMap((abc) =>
    XYZ.map((xyz) => {
      const cells = cellSums(abc, xyz);
      const cellRevenue = cells.reduce((s, g) => s + num(g.revenue), 0);
      return {
        abc,
        xyz,
        count: cells.reduce((s, g) => s + num(g.n), 0),
        revenueMinor: cellRevenue,
        revenueShare: revenue > 0 ? cellRevenue / revenue : 0,
      };
    }),
  );
  const segments = RFM_SEGMENTS.map((segment) => {
    const sums: SegmentSums = {
      count: 0,
      revenueMinor: 0,
      marginMinor: 0,
      trips: 0,
      lifeMonths: 0,
      historicalMarginMinor: 0,
    };
    for (const g of groups) {
      if (g.segment !== segment) continue;
      sums.count += num(g.n);
      sums.revenueMinor += num(g.revenue);
      sums.marginMinor += num(g.margin);
      sums.trips += num(g.trips);
      sums.lifeMonths += num(g.life);
      sums.historicalMarginMinor += num(g.historical);
    }
    return { segment, ...segmentFigures(sums, margin, windowYears(params)) };
  });
  const keyClients = keys.rows
    .map((r) => ({ id: num(r.client_id), revenue: num(r.revenue_minor), margin: num(r.margin_minor) }))
    .sort((a, b) => b.revenue - a.revenue || a.id - b.id)
    .map((c) => ({
      clientId: c.id,
      name: '',
      revenueMinor: c.revenue,
      marginMinor: c.margin,
      revenueShare: revenue > 0 ? c.revenue / revenue : 0,
      marginShare: margin > 0 ? c.margin / margin : 0,
    }));
  const topRevenues = top.rows.map((r) => num(r.revenue_minor));
  const topShare = (n: number) =>
    cuts.positiveRevenue === 0
      ? 0
      : topRevenues.slice(0, n).reduce((s, v) => s + v, 0) / cuts.positiveRevenue;
  return {
    asOf: plan.asOf,
    from: plan.from,
    totals: { clients: totals.clients, trips: totals.trips, revenueMinor: revenue, marginMinor: margin },
    ladder: totals.ladder,
    matrix,
    segments,
    retention: totals.retention,
    keyClients,
    concentration: { top1: topShare(1), top5: topShare(5), top10: topShare(10) },
    nps: npsFigures(feedback, plan.periods),
  };
}

/** One client of a drill-down: their figures and classes. */
export interface ClassifiedClient {
  clientId: number;
  trips: number;
  revenueMinor: number;
  marginMinor: number;
  lastTrip: string | null;
  stage: LoyaltyOverview['ladder'][number]['stage'] | null;
  segment: LoyaltyOverview['segments'][number]['segment'] | null;
  abc: 'A' | 'B' | 'C' | null;
  xyz: 'X' | 'Y' | 'Z' | null;
}

/**
 * The clients a filter takes (repositories/loyalty.ts), by margin in the window (largest first), then
 * id, up to `limit` (null: all), and how many there are. `travelled` selects the clients with a
 * window trip to the filter's country in its month, when the filter names either.
 */
export async function selectClasses(
  source: FiguresSource,
  params: LoyaltyParams,
  plan: SummaryPlan,
  filter: LoyaltyFilter,
  travelled: RawBuilder<unknown> | null,
  limit: number | null,
): Promise<{ clients: ClassifiedClient[]; total: number }> {
  const cuts = await countCuts(source, params);
  const classified = classifiedRows(source.rows, params, plan, cuts, dialectOf(source.db));
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.abc !== null) conditions.push(sql`abc = ${filter.abc}`);
  if (filter.xyz !== null) conditions.push(sql`xyz = ${filter.xyz}`);
  if (filter.segment !== null) conditions.push(sql`segment = ${filter.segment}`);
  if (filter.stage !== null) conditions.push(sql`stage_now = ${filter.stage}`);
  // A stage filter may take clients without trips in the window; the others need one.
  else conditions.push(sql`window_trips > 0`);
  if (filter.keyOnly) conditions.push(sql`key_client = 1`);
  if (travelled !== null) conditions.push(sql`client_id IN (${travelled})`);
  const where = sql.join(conditions, sql` AND `);
  // The total beside each row: one classification of every client instead of a second for the count.
  const rows = await sql<Row>`SELECT client_id, window_trips, revenue_minor, margin_minor, last_start,
      stage_now, segment, abc, xyz, COUNT(*) OVER () AS total
    FROM (${classified}) c WHERE ${where} ORDER BY margin_minor DESC, client_id
    ${limit === null ? sql`` : sql`LIMIT ${lit(limit)}`}`.execute(source.db);
  return {
    // No row: nothing matches (the limit is at least 1).
    total: num(rows.rows[0]?.total),
    clients: rows.rows.map((r) => ({
      clientId: num(r.client_id),
      trips: num(r.window_trips),
      revenueMinor: num(r.revenue_minor),
      marginMinor: num(r.margin_minor),
      lastTrip: (r.last_start as string | null) ?? null,
      stage: (r.stage_now as ClassifiedClient['stage']) ?? null,
      segment: (r.segment as ClassifiedClient['segment']) ?? null,
      abc: (r.abc as ClassifiedClient['abc']) ?? null,
      xyz: (r.xyz as ClassifiedClient['xyz']) ?? null,
    })),
  };
}
