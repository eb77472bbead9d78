import { abcClasses, xyzClass, type AbcClass, type XyzClass } from './abc-xyz';
import { ladderStage, LADDER_STAGES, type LadderStage } from './ladder';
import { lifetimeValue } from './ltv';
import { keyClients, topShare } from './money';
import type { LoyaltyOverview, LoyaltyParams } from './model';
import { countFeedback, npsFigures, type FeedbackCounts } from './nps-figures';
import { monthsBetween, type Period } from './periods';
import { retentionRate, churnRate } from './retention';
import { DEFAULT_RFM_FIXED, RFM_SEGMENTS, rfmScores, rfmSegment, type RfmSegment } from './rfm';
import { summarise, summaryPlan, windowYears, type ClientSummary, type SummaryPlan } from './summary';

/** One trip of one client: their share of its money (all of it for the payer). */
export interface ClientTrip {
  tourId: number;
  start: string;
  /** The return date (the start when unknown). */
  end: string;
  country: string;
  hotel: string;
  revenueMinor: number;
  costMinor: number;
}

export interface ClientFacts {
  id: number;
  name: string;
  /** Sorted by start. */
  trips: ClientTrip[];
  /** The first trip start of each client this one recommended (null: not travelled yet). */
  referralFirstTrips: (string | null)[];
  /** NPS answers, sorted by date. */
  scores: { date: string; score: number }[];
}

export interface FeedbackFact {
  receivedOn: string;
  score: number | null;
  kind: 'score' | 'complaint' | 'praise' | 'suggestion';
  resolvedOn: string | null;
  country: string;
  hotel: string;
}

export interface ClientClass {
  stage: LadderStage | null;
  segment: RfmSegment | null;
  abc: AbcClass | null;
  xyz: XyzClass | null;
  key: boolean;
  /** Trips in the window, and the latest one's start. */
  windowTrips: number;
  lastTrip: string | null;
  revenueMinor: number;
  marginMinor: number;
}

export interface Analysis {
  overview: LoyaltyOverview;
  classes: Map<number, ClientClass>;
}

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
const XYZ: readonly XyzClass[] = ['X', 'Y', 'Z'];

/** Every figure of the Loyalty screen from the clients' trips, referrals and feedback. */
export function analyse(
  clients: readonly ClientFacts[],
  feedback: readonly FeedbackFact[],
  params: LoyaltyParams,
  asOf: string,
): Analysis {
  const plan = summaryPlan(params, asOf);
  return analyseSummaries(
    clients.map((c) => summarise(c, plan)),
    countFeedback(feedback, plan.from, asOf, plan.periods),
    params,
    plan,
  );
}

/** Every figure of the Loyalty screen from the clients' summaries (summary.ts) taken for the plan. */
export function analyseSummaries(
  clients: readonly ClientSummary[],
  feedback: FeedbackCounts,
  params: LoyaltyParams,
  plan: SummaryPlan,
): Analysis {
  const { asOf, from } = plan;
  // Months from a day to asOf, once per distinct day: 165k clients share a few thousand days.
  const monthsCache = new Map<string, number>();
  const monthsTo = (day: string): number => {
    let months = monthsCache.get(day);
    if (months === undefined) {
      months = monthsBetween(day, asOf);
      monthsCache.set(day, months);
    }
    return months;
  };
  const classes = new Map<number, ClientClass>();
  const inWindow: ClientSummary[] = [];
  let trips = 0;
  let revenue = 0;
  let margin = 0;
  const ladder = LADDER_STAGES.map((stage) => ({ stage, count: 0, previous: 0 }));
  const ladderIndex = new Map(LADDER_STAGES.map((stage, i) => [stage, i]));
  for (const c of clients) {
    const stage = stageOf(c.tripsNow, c.yearsNow, c.referralsNow, c.scoreNow);
    const before = stageOf(c.tripsBefore, c.yearsBefore, c.referralsBefore, c.scoreBefore);
    if (stage) (ladder[ladderIndex.get(stage) as number] as (typeof ladder)[number]).count += 1;
    if (before) (ladder[ladderIndex.get(before) as number] as (typeof ladder)[number]).previous += 1;
    classes.set(c.id, {
      stage,
      segment: null,
      abc: null,
      xyz: null,
      key: false,
      windowTrips: c.windowTrips,
      lastTrip: c.lastStart,
      revenueMinor: c.revenueMinor,
      marginMinor: c.marginMinor,
    });
    if (c.windowTrips === 0) continue;
    inWindow.push(c);
    trips += c.windowTrips;
    revenue += c.revenueMinor;
    margin += c.marginMinor;
  }

  // ABC on margin (research note: margin, not price), XYZ on the margin per year of the window.
  const abc = abcClasses(
    inWindow.map((c) => ({ id: String(c.id), value: c.marginMinor })),
    params.abc,
  );
  const years = windowYears(params);
  for (const c of inWindow) {
    const cls = classes.get(c.id) as ClientClass;
    cls.abc = abc.get(String(c.id)) ?? 'C';
    cls.xyz = xyzClass(c.marginPerYear, params.xyz);
  }

  const rfm = rfmScores(
    inWindow.map((c) => ({
      id: String(c.id),
      recencyMonths: c.lastReturn === null ? null : monthsTo(c.lastReturn),
      frequency: c.windowTrips,
      monetary: c.marginMinor,
    })),
    params.rfm === 'fixed' ? { kind: 'fixed', ...DEFAULT_RFM_FIXED } : { kind: 'quintiles' },
  );
  for (const c of inWindow) {
    const score = rfm.get(String(c.id));
    if (score) (classes.get(c.id) as ClientClass).segment = rfmSegment(score);
  }

  const revenueKeys = keyClients(
    inWindow.map((c) => ({ id: c.id, value: c.revenueMinor })),
    params.keyShare,
  );
  const marginKeys = keyClients(
    inWindow.map((c) => ({ id: c.id, value: c.marginMinor })),
    params.keyShare,
  );
  const keyIds = new Set([...revenueKeys, ...marginKeys].map((k) => k.item.id));
  for (const id of keyIds) (classes.get(id) as ClientClass).key = true;

  const cells = new Map<string, { count: number; revenueMinor: number }>();
  const bySegment = new Map<RfmSegment, ClientSummary[]>();
  for (const c of inWindow) {
    const cls = classes.get(c.id) as ClientClass;
    const key = `${cls.abc}${cls.xyz}`;
    const cell = cells.get(key) ?? { count: 0, revenueMinor: 0 };
    cell.count += 1;
    cell.revenueMinor += c.revenueMinor;
    cells.set(key, cell);
    if (cls.segment === null) continue;
    const members = bySegment.get(cls.segment);
    if (members) members.push(c);
    else bySegment.set(cls.segment, [c]);
  }
  const matrix = ABC.flatMap((a) =>
    XYZ.map((x) => {
      const cell = cells.get(`${a}${x}`) ?? { count: 0, revenueMinor: 0 };
      return {
        abc: a,
        xyz: x,
        count: cell.count,
        revenueMinor: cell.revenueMinor,
        revenueShare: revenue > 0 ? cell.revenueMinor / revenue : 0,
      };
    }),
  );

  const segments = RFM_SEGMENTS.map((segment) => ({
    segment,
    ...segmentMoney(bySegment.get(segment) ?? [], margin, years, monthsTo),
  }));

  const byId = new Map(inWindow.map((c) => [c.id, c]));
  const keyList = [...keyIds]
    .map((id) => byId.get(id))
    .filter((c): c is ClientSummary => c !== undefined)
    .sort((a, b) => b.revenueMinor - a.revenueMinor || a.id - b.id)
    .map((c) => ({
      clientId: c.id,
      name: '',
      revenueMinor: c.revenueMinor,
      marginMinor: c.marginMinor,
      revenueShare: revenue > 0 ? c.revenueMinor / revenue : 0,
      marginShare: margin > 0 ? c.marginMinor / margin : 0,
    }));
  const revenues = inWindow.map((c) => c.revenueMinor).sort((a, b) => b - a);

  return {
    classes,
    overview: {
      asOf,
      from,
      totals: { clients: inWindow.length, trips, revenueMinor: revenue, marginMinor: margin },
      ladder,
      matrix,
      segments,
      retention: retention(clients, plan),
      keyClients: keyList,
      concentration: {
        top1: topShare(revenues, 1),
        top5: topShare(revenues, 5),
        top10: topShare(revenues, 10),
      },
      nps: npsFigures(feedback, plan.periods),
    },
  };
}

/** A ladder stage from the trips, years, travelled referrals and latest score up to a day. */
function stageOf(
  trips: number,
  years: number,
  referralsTravelled: number,
  latestScore: number | null,
): LadderStage | null {
  if (trips === 0) return null;
  return ladderStage({ trips, years, referralsTravelled, latestScore });
}

/** The client's ladder stage as it stood on a day: only trips, referrals and scores up to then count. */
export function stageAt(c: ClientFacts, day: string): LadderStage | null {
  const trips = c.trips.filter((t) => t.start <= day);
  const latest = c.scores.filter((s) => s.date <= day).at(-1);
  return ladderStage({
    trips: trips.length,
    years: new Set(trips.map((t) => t.start.slice(0, 4))).size,
    referralsTravelled: c.referralFirstTrips.filter((d) => d !== null && d <= day).length,
    latestScore: latest ? latest.score : null,
  });
}

/** What a segment's money figures are made of: sums over its clients. */
export interface SegmentSums {
  count: number;
  revenueMinor: number;
  marginMinor: number;
  trips: number;
  /** Months from each client's first trip to the day, at least 12 each. */
  lifeMonths: number;
  historicalMarginMinor: number;
}

function segmentMoney(
  members: readonly ClientSummary[],
  totalMargin: number,
  years: number,
  monthsTo: (day: string) => number,
): ReturnType<typeof segmentFigures> {
  const sums: SegmentSums = {
    count: members.length,
    revenueMinor: 0,
    marginMinor: 0,
    trips: 0,
    lifeMonths: 0,
    historicalMarginMinor: 0,
  };
  for (const c of members) {
    sums.revenueMinor += c.revenueMinor;
    sums.marginMinor += c.marginMinor;
    sums.trips += c.windowTrips;
    sums.lifeMonths += Math.max(12, monthsTo(c.firstStart as string));
    sums.historicalMarginMinor += c.historicalMarginMinor;
  }
  return segmentFigures(sums, totalMargin, years);
}

/** A segment's count, margin, share and LTVs from its sums (whole numbers: any order gives them). */
export function segmentFigures(
  sums: SegmentSums,
  totalMargin: number,
  years: number,
): { count: number; marginMinor: number; marginShare: number; ltvMinor: number; historicalLtvMinor: number } {
  const { count, marginMinor, revenueMinor: revenue, trips } = sums;
  if (count === 0) return { count, marginMinor, marginShare: 0, ltvMinor: 0, historicalLtvMinor: 0 };
  // T: years from a client's first trip to the day, at least one; averaged over the segment.
  const lifetimeYears = sums.lifeMonths / 12 / count;
  const ltv = lifetimeValue({
    averageCheck: revenue / trips,
    purchasesPerYear: trips / count / years,
    marginShare: revenue > 0 ? marginMinor / revenue : 0,
    years: lifetimeYears,
  });
  return {
    count,
    marginMinor,
    marginShare: totalMargin > 0 ? marginMinor / totalMargin : 0,
    ltvMinor: Math.round(ltv),
    historicalLtvMinor: Math.round(sums.historicalMarginMinor / count),
  };
}

/**
 * CRR and churn per period. Active on a day: a trip started within `activityMonths` before it (and
 * not after it). S = active the day before the period, E = active on its last day, N = clients whose
 * first trip ever started in the period, lost = active at the start but not at the end.
 */
export function retention(
  clients: readonly ClientSummary[],
  plan: SummaryPlan,
): LoyaltyOverview['retention'] {
  return plan.periods.map((p, i) => {
    const counts = { atStart: 0, atEnd: 0, acquired: 0, lost: 0 };
    for (const c of clients) {
      if (c.firstStart === null) continue;
      const before = c.activeAtStart[i] === true;
      const after = c.activeAtEnd[i] === true;
      if (before) counts.atStart += 1;
      if (after) counts.atEnd += 1;
      if (before && !after) counts.lost += 1;
      if (c.firstStart >= p.start && c.firstStart <= p.end) counts.acquired += 1;
    }
    return retentionOf(p, counts);
  });
}

/** One period's CRR and churn from its counts. */
export function retentionOf(
  p: Period,
  counts: { atStart: number; atEnd: number; acquired: number; lost: number },
): LoyaltyOverview['retention'][number] {
  const { atStart, atEnd, acquired, lost } = counts;
  return {
    key: p.key,
    start: p.start,
    end: p.end,
    atStart,
    atEnd,
    acquired,
    lost,
    crr: retentionRate({ atStart, atEnd, acquired }),
    churn: churnRate({ atStart, lost }),
  };
}
