import type { ClientFacts } from './analysis';
import type { LoyaltyParams } from './model';
import { addDays, addMonths, periodsEndingAt, type Period } from './periods';

/**
 * The days the Loyalty figures are taken for. Everything the figures need from a client's trips is
 * a count, a sum, a first or last date between two of these days, so the base can compute it with one
 * GROUP BY over client_trips (repositories/loyalty-summary.ts) instead of handing every trip over;
 * `summarise` is the same in TypeScript, the reference both are tested against.
 */
export interface SummaryPlan {
  asOf: string;
  /** The first day of the window (ABC/XYZ, RFM, key clients). */
  from: string;
  /** The day the ladder is compared with (one period earlier). */
  previous: string;
  /** The first day of each later year of the window (XYZ's yearly margins). */
  yearStarts: string[];
  /** Per retention period: active the day before it starts, and on its last day. */
  periods: (Period & { beforeSince: string; beforeDay: string; afterSince: string })[];
}

export interface ClientSummary {
  id: number;
  windowTrips: number;
  revenueMinor: number;
  marginMinor: number;
  /** Margin of the window's trips per year of the window, oldest first. */
  marginPerYear: number[];
  /** Latest return (the start when not back yet) of a window trip; null without one. */
  lastReturn: string | null;
  /** Latest start of a window trip. */
  lastStart: string | null;
  /** The first trip ever (any date). */
  firstStart: string | null;
  /** Margin of all trips up to the day. */
  historicalMarginMinor: number;
  tripsNow: number;
  yearsNow: number;
  tripsBefore: number;
  yearsBefore: number;
  /** Per plan period: a trip started within the activity months before its start, at its end. */
  activeAtStart: boolean[];
  activeAtEnd: boolean[];
  /** The latest NPS answer up to the day, and up to `previous` (null: none). */
  scoreNow: number | null;
  scoreBefore: number | null;
  /** Clients this one recommended whose first trip started by the day, and by `previous`. */
  referralsNow: number;
  referralsBefore: number;
}

export function windowYears(params: LoyaltyParams): number {
  return Math.max(1, Math.round(params.windowMonths / 12));
}

export function summaryPlan(params: LoyaltyParams, asOf: string): SummaryPlan {
  const from = addDays(addMonths(asOf, -params.windowMonths), 1);
  const step = params.periodKind === 'year' ? 12 : params.periodKind === 'quarter' ? 3 : 1;
  const since = (day: string) => addDays(addMonths(day, -params.activityMonths), 1);
  return {
    asOf,
    from,
    previous: addMonths(asOf, -step),
    yearStarts: Array.from({ length: windowYears(params) - 1 }, (_, i) => addMonths(from, 12 * (i + 1))),
    periods: periodsEndingAt(asOf, params.periodKind, params.periods).map((p) => {
      const beforeDay = addDays(p.start, -1);
      return { ...p, beforeDay, beforeSince: since(beforeDay), afterSince: since(p.end) };
    }),
  };
}

/** A client's summary from their trips (sorted by start), in TypeScript. */
export function summarise(c: ClientFacts, plan: SummaryPlan): ClientSummary {
  const { asOf, from, previous, yearStarts } = plan;
  const s: ClientSummary = {
    id: c.id,
    windowTrips: 0,
    revenueMinor: 0,
    marginMinor: 0,
    marginPerYear: Array.from({ length: yearStarts.length + 1 }, () => 0),
    lastReturn: null,
    lastStart: null,
    firstStart: c.trips[0]?.start ?? null,
    historicalMarginMinor: 0,
    tripsNow: 0,
    yearsNow: 0,
    tripsBefore: 0,
    yearsBefore: 0,
    activeAtStart: plan.periods.map((p) =>
      c.trips.some((t) => t.start >= p.beforeSince && t.start <= p.beforeDay),
    ),
    activeAtEnd: plan.periods.map((p) => c.trips.some((t) => t.start >= p.afterSince && t.start <= p.end)),
    scoreNow: latestScore(c.scores, asOf),
    scoreBefore: latestScore(c.scores, previous),
    referralsNow: referralsBy(c.referralFirstTrips, asOf),
    referralsBefore: referralsBy(c.referralFirstTrips, previous),
  };
  const yearsNow = new Set<string>();
  const yearsBefore = new Set<string>();
  for (const t of c.trips) {
    const margin = t.revenueMinor - t.costMinor;
    if (t.start <= asOf) {
      s.historicalMarginMinor += margin;
      s.tripsNow += 1;
      yearsNow.add(t.start.slice(0, 4));
    }
    if (t.start <= previous) {
      s.tripsBefore += 1;
      yearsBefore.add(t.start.slice(0, 4));
    }
    if (t.start < from || t.start > asOf) continue;
    s.windowTrips += 1;
    s.revenueMinor += t.revenueMinor;
    s.marginMinor += margin;
    let index = 0;
    while (index < yearStarts.length && t.start >= (yearStarts[index] as string)) index += 1;
    s.marginPerYear[index] = (s.marginPerYear[index] ?? 0) + margin;
    const back = t.end <= asOf ? t.end : t.start;
    if (s.lastReturn === null || back > s.lastReturn) s.lastReturn = back;
    if (s.lastStart === null || t.start > s.lastStart) s.lastStart = t.start;
  }
  s.yearsNow = yearsNow.size;
  s.yearsBefore = yearsBefore.size;
  return s;
}

/** The latest of the answers (sorted by date) given by the day; null without one. */
export function latestScore(scores: readonly { date: string; score: number }[], day: string): number | null {
  let latest: number | null = null;
  for (const s of scores) if (s.date <= day) latest = s.score;
  return latest;
}

/** How many of the recommended clients had started their first trip by the day. */
export function referralsBy(firstTrips: readonly (string | null)[], day: string): number {
  return firstTrips.filter((d) => d !== null && d <= day).length;
}
