import type { FeedbackFact } from './analysis';
import type { LoyaltyOverview } from './model';
import { npsCategory, npsOfCounts } from './nps';
import { daysBetween, type Period } from './periods';

/** Promoters, detractors and all answers of a group: all an NPS needs. */
export interface NpsCounts {
  promoters: number;
  detractors: number;
  responses: number;
}

/**
 * The feedback the Loyalty screen's NPS figures are made of, already counted: the base counts it
 * with GROUP BY (repositories/loyalty-feedback.ts), `countFeedback` does the same in TypeScript.
 */
export interface FeedbackCounts {
  /** Scored answers received in the window, by the tour's country and hotel ('' without a tour). */
  window: { country: string; hotel: string; counts: NpsCounts }[];
  /** Scored answers received in each period of the plan. */
  periods: NpsCounts[];
  /** Every complaint's dates. */
  complaints: { receivedOn: string; resolvedOn: string | null }[];
}

export function emptyCounts(): NpsCounts {
  return { promoters: 0, detractors: 0, responses: 0 };
}

function add(counts: NpsCounts, score: number): void {
  const category = npsCategory(score);
  if (category === 'promoter') counts.promoters += 1;
  else if (category === 'detractor') counts.detractors += 1;
  counts.responses += 1;
}

/** The counts of the feedback facts for the window [from, asOf] and the periods. */
export function countFeedback(
  feedback: readonly FeedbackFact[],
  from: string,
  asOf: string,
  periods: readonly Period[],
): FeedbackCounts {
  const window = new Map<string, { country: string; hotel: string; counts: NpsCounts }>();
  const byPeriod = periods.map(() => emptyCounts());
  for (const f of feedback) {
    if (f.score === null) continue;
    if (f.receivedOn >= from && f.receivedOn <= asOf) {
      const key = `${f.country}\u0000${f.hotel}`;
      let group = window.get(key);
      if (!group) {
        group = { country: f.country, hotel: f.hotel, counts: emptyCounts() };
        window.set(key, group);
      }
      add(group.counts, f.score);
    }
    periods.forEach((p, i) => {
      if (f.receivedOn >= p.start && f.receivedOn <= p.end) add(byPeriod[i] as NpsCounts, f.score as number);
    });
  }
  return {
    window: [...window.values()],
    periods: byPeriod,
    complaints: feedback
      .filter((f) => f.kind === 'complaint')
      .map((f) => ({ receivedOn: f.receivedOn, resolvedOn: f.resolvedOn })),
  };
}

type Group = { key: string; score: number | null; responses: number };

function grouped(counts: FeedbackCounts, keyOf: (g: FeedbackCounts['window'][number]) => string): Group[] {
  const groups = new Map<string, NpsCounts>();
  for (const g of counts.window) {
    const key = keyOf(g);
    if (key === '') continue;
    const sum = groups.get(key) ?? emptyCounts();
    sum.promoters += g.counts.promoters;
    sum.detractors += g.counts.detractors;
    sum.responses += g.counts.responses;
    groups.set(key, sum);
  }
  return [...groups.entries()]
    .map(([key, c]) => ({ key, score: npsOfCounts(c), responses: c.responses }))
    .sort((a, b) => b.responses - a.responses || (a.key < b.key ? -1 : 1));
}

/** The NPS block of the overview from the counts. */
export function npsFigures(counts: FeedbackCounts, periods: readonly Period[]): LoyaltyOverview['nps'] {
  const total = emptyCounts();
  for (const g of counts.window) {
    total.promoters += g.counts.promoters;
    total.detractors += g.counts.detractors;
    total.responses += g.counts.responses;
  }
  const resolved = counts.complaints.filter((f) => f.resolvedOn !== null);
  const days = resolved.map((f) => daysBetween(f.receivedOn, f.resolvedOn as string));
  return {
    score: npsOfCounts(total),
    responses: total.responses,
    byPeriod: periods.map((p, i) => {
      const c = counts.periods[i] ?? emptyCounts();
      return { key: p.key, score: npsOfCounts(c), responses: c.responses };
    }),
    byCountry: grouped(counts, (g) => g.country),
    byHotel: grouped(counts, (g) => g.hotel),
    openComplaints: counts.complaints.length - resolved.length,
    averageResolutionDays: days.length
      ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10
      : null,
  };
}
