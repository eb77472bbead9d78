import { abcClasses, xyzClass, type AbcClass, type XyzClass } from './abc-xyz';
import { ladderStage, LADDER_STAGES, type LadderStage } from './ladder';
import { lifetimeValue } from './ltv';
import { keyClients, topShare } from './money';
import type { LoyaltyOverview, LoyaltyParams } from './model';
import { netPromoterScore } from './nps';
import { addDays, addMonths, daysBetween, monthsBetween, periodsEndingAt, type Period } from './periods';
import { retentionRate, churnRate } from './retention';
import { DEFAULT_RFM_FIXED, RFM_SEGMENTS, rfmScores, rfmSegment, type RfmSegment } from './rfm';

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
  windowTrips: ClientTrip[];
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
  const from = addDays(addMonths(asOf, -params.windowMonths), 1);
  const classes = new Map<number, ClientClass>();
  const inWindow: { facts: ClientFacts; trips: ClientTrip[]; revenue: number; margin: number }[] = [];
  let trips = 0;
  let revenue = 0;
  let margin = 0;
  for (const c of clients) {
    const windowTrips = c.trips.filter((t) => t.start >= from && t.start <= asOf);
    const r = windowTrips.reduce((s, t) => s + t.revenueMinor, 0);
    const m = windowTrips.reduce((s, t) => s + t.revenueMinor - t.costMinor, 0);
    classes.set(c.id, {
      stage: stageAt(c, asOf),
      segment: null,
      abc: null,
      xyz: null,
      key: false,
      windowTrips,
      revenueMinor: r,
      marginMinor: m,
    });
    if (windowTrips.length === 0) continue;
    inWindow.push({ facts: c, trips: windowTrips, revenue: r, margin: m });
    trips += windowTrips.length;
    revenue += r;
    margin += m;
  }

  // ABC on margin (research note: margin, not price), XYZ on the margin per year of the window.
  const abc = abcClasses(
    inWindow.map((c) => ({ id: String(c.facts.id), value: c.margin })),
    params.abc,
  );
  const years = Math.max(1, Math.round(params.windowMonths / 12));
  // The first day of each later year of the window: a trip's year is how many of them it has reached.
  const yearStarts = Array.from({ length: years - 1 }, (_, i) => addMonths(from, 12 * (i + 1)));
  for (const c of inWindow) {
    const perYear = Array.from({ length: years }, () => 0);
    for (const t of c.trips) {
      let index = 0;
      while (index < yearStarts.length && t.start >= (yearStarts[index] as string)) index += 1;
      perYear[index] = (perYear[index] ?? 0) + t.revenueMinor - t.costMinor;
    }
    const cls = classes.get(c.facts.id) as ClientClass;
    cls.abc = abc.get(String(c.facts.id)) ?? 'C';
    cls.xyz = xyzClass(perYear, params.xyz);
  }

  const rfm = rfmScores(
    inWindow.map((c) => ({
      id: String(c.facts.id),
      recencyMonths: lastReturnMonths(c.trips, asOf),
      frequency: c.trips.length,
      monetary: c.margin,
    })),
    params.rfm === 'fixed' ? { kind: 'fixed', ...DEFAULT_RFM_FIXED } : { kind: 'quintiles' },
  );
  for (const c of inWindow) {
    const score = rfm.get(String(c.facts.id));
    if (score) (classes.get(c.facts.id) as ClientClass).segment = rfmSegment(score);
  }

  const revenueKeys = keyClients(
    inWindow.map((c) => ({ id: c.facts.id, value: c.revenue })),
    params.keyShare,
  );
  const marginKeys = keyClients(
    inWindow.map((c) => ({ id: c.facts.id, value: c.margin })),
    params.keyShare,
  );
  const keyIds = new Set([...revenueKeys, ...marginKeys].map((k) => k.item.id));
  for (const id of keyIds) (classes.get(id) as ClientClass).key = true;

  const previousDate = addMonths(asOf, -stepMonths(params.periodKind));
  const ladder = LADDER_STAGES.map((stage) => ({ stage, count: 0, previous: 0 }));
  for (const c of clients) {
    const now = classes.get(c.id)?.stage ?? null;
    const before = stageAt(c, previousDate);
    if (now) (ladder.find((l) => l.stage === now) as (typeof ladder)[number]).count += 1;
    if (before) (ladder.find((l) => l.stage === before) as (typeof ladder)[number]).previous += 1;
  }

  const matrix = ABC.flatMap((a) =>
    XYZ.map((x) => {
      const members = inWindow.filter((c) => {
        const cls = classes.get(c.facts.id);
        return cls?.abc === a && cls.xyz === x;
      });
      const cellRevenue = members.reduce((s, c) => s + c.revenue, 0);
      return {
        abc: a,
        xyz: x,
        count: members.length,
        revenueMinor: cellRevenue,
        revenueShare: revenue > 0 ? cellRevenue / revenue : 0,
      };
    }),
  );

  const segments = RFM_SEGMENTS.map((segment) => {
    const members = inWindow.filter((c) => classes.get(c.facts.id)?.segment === segment);
    return { segment, ...segmentMoney(members, margin, years, asOf) };
  });

  const byName = new Map(inWindow.map((c) => [c.facts.id, c]));
  const keyList = [...keyIds]
    .map((id) => byName.get(id))
    .filter((c): c is (typeof inWindow)[number] => c !== undefined)
    .sort((a, b) => b.revenue - a.revenue || a.facts.id - b.facts.id)
    .map((c) => ({
      clientId: c.facts.id,
      name: c.facts.name,
      revenueMinor: c.revenue,
      marginMinor: c.margin,
      revenueShare: revenue > 0 ? c.revenue / revenue : 0,
      marginShare: margin > 0 ? c.margin / margin : 0,
    }));
  const revenues = inWindow.map((c) => c.revenue).sort((a, b) => b - a);

  return {
    classes,
    overview: {
      asOf,
      from,
      totals: { clients: inWindow.length, trips, revenueMinor: revenue, marginMinor: margin },
      ladder,
      matrix,
      segments,
      retention: retention(
        clients,
        periodsEndingAt(asOf, params.periodKind, params.periods),
        params.activityMonths,
      ),
      keyClients: keyList,
      concentration: {
        top1: topShare(revenues, 1),
        top5: topShare(revenues, 5),
        top10: topShare(revenues, 10),
      },
      nps: npsFigures(feedback, params, asOf, from),
    },
  };
}

function stepMonths(kind: LoyaltyParams['periodKind']): number {
  return kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
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

/** Whole months since the latest return on or before the day; null when none. */
function lastReturnMonths(trips: readonly ClientTrip[], day: string): number | null {
  let last: string | null = null;
  for (const t of trips) {
    const back = t.end <= day ? t.end : t.start <= day ? t.start : null;
    if (back !== null && (last === null || back > last)) last = back;
  }
  return last === null ? null : monthsBetween(last, day);
}

function segmentMoney(
  members: readonly { facts: ClientFacts; trips: ClientTrip[]; revenue: number; margin: number }[],
  totalMargin: number,
  years: number,
  asOf: string,
): { count: number; marginMinor: number; marginShare: number; ltvMinor: number; historicalLtvMinor: number } {
  const count = members.length;
  const marginMinor = members.reduce((s, c) => s + c.margin, 0);
  if (count === 0) return { count, marginMinor, marginShare: 0, ltvMinor: 0, historicalLtvMinor: 0 };
  const revenue = members.reduce((s, c) => s + c.revenue, 0);
  const trips = members.reduce((s, c) => s + c.trips.length, 0);
  // T: years from a client's first trip to the day, at least one; averaged over the segment.
  const lifetimeYears =
    members.reduce(
      (s, c) => s + Math.max(1, monthsBetween((c.facts.trips[0] as ClientTrip).start, asOf) / 12),
      0,
    ) / count;
  const ltv = lifetimeValue({
    averageCheck: revenue / trips,
    purchasesPerYear: trips / count / years,
    marginShare: revenue > 0 ? marginMinor / revenue : 0,
    years: lifetimeYears,
  });
  const historical =
    members.reduce(
      (s, c) =>
        s +
        c.facts.trips.reduce(
          (t, trip) => (trip.start <= asOf ? t + trip.revenueMinor - trip.costMinor : t),
          0,
        ),
      0,
    ) / count;
  return {
    count,
    marginMinor,
    marginShare: totalMargin > 0 ? marginMinor / totalMargin : 0,
    ltvMinor: Math.round(ltv),
    historicalLtvMinor: Math.round(historical),
  };
}

/**
 * CRR and churn per period. Active on a day: a trip started within `activityMonths` before it (and
 * not after it). S = active the day before the period, E = active on its last day, N = clients whose
 * first trip ever started in the period, lost = active at the start but not at the end.
 */
export function retention(
  clients: readonly ClientFacts[],
  periods: readonly Period[],
  activityMonths: number,
): LoyaltyOverview['retention'] {
  return periods.map((p) => {
    const startDay = addDays(p.start, -1);
    const sinceStart = activeSince(startDay, activityMonths);
    const sinceEnd = activeSince(p.end, activityMonths);
    let atStart = 0;
    let atEnd = 0;
    let acquired = 0;
    let lost = 0;
    for (const c of clients) {
      const first = c.trips[0];
      if (!first) continue;
      const before = activeOn(c.trips, sinceStart, startDay);
      const after = activeOn(c.trips, sinceEnd, p.end);
      if (before) atStart += 1;
      if (after) atEnd += 1;
      if (before && !after) lost += 1;
      if (first.start >= p.start && first.start <= p.end) acquired += 1;
    }
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
  });
}

function activeSince(day: string, months: number): string {
  return addDays(addMonths(day, -months), 1);
}

function activeOn(trips: readonly ClientTrip[], since: string, day: string): boolean {
  return trips.some((t) => t.start >= since && t.start <= day);
}

function npsFigures(
  feedback: readonly FeedbackFact[],
  params: LoyaltyParams,
  asOf: string,
  from: string,
): LoyaltyOverview['nps'] {
  const scored = feedback.filter((f) => f.score !== null && f.receivedOn >= from && f.receivedOn <= asOf);
  const group = (keyOf: (f: FeedbackFact) => string) => {
    const groups = new Map<string, number[]>();
    for (const f of scored) {
      const key = keyOf(f);
      if (key === '') continue;
      const list = groups.get(key);
      if (list) list.push(f.score as number);
      else groups.set(key, [f.score as number]);
    }
    return [...groups.entries()]
      .map(([key, scores]) => ({ key, score: netPromoterScore(scores), responses: scores.length }))
      .sort((a, b) => b.responses - a.responses || (a.key < b.key ? -1 : 1));
  };
  const periods = periodsEndingAt(asOf, params.periodKind, params.periods);
  const complaints = feedback.filter((f) => f.kind === 'complaint');
  const resolved = complaints.filter((f) => f.resolvedOn !== null);
  const days = resolved.map((f) => daysBetween(f.receivedOn, f.resolvedOn as string));
  return {
    score: netPromoterScore(scored.map((f) => f.score as number)),
    responses: scored.length,
    byPeriod: periods.map((p) => {
      const scores = feedback
        .filter((f) => f.score !== null && f.receivedOn >= p.start && f.receivedOn <= p.end)
        .map((f) => f.score as number);
      return { key: p.key, score: netPromoterScore(scores), responses: scores.length };
    }),
    byCountry: group((f) => f.country),
    byHotel: group((f) => f.hotel),
    openComplaints: complaints.length - resolved.length,
    averageResolutionDays: days.length
      ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10
      : null,
  };
}
