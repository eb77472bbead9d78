import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RFM_FIXED,
  allocateTrip,
  keyClients,
  ladderStage,
  monthsBetween,
  nextAnniversary,
  periodOf,
  periodsEndingAt,
  rfmScores,
  rfmSegment,
  shareAmong,
  topShare,
  type Score,
} from '../../../../shared/loyalty';

describe('RFM scores', () => {
  it('quintiles on ten distinct clients give two per score, recency reversed', () => {
    const clients = Array.from({ length: 10 }, (_, i) => ({
      id: `c${i}`,
      recencyMonths: i,
      frequency: i + 1,
      monetary: (i + 1) * 1000,
    }));
    const scores = rfmScores(clients);
    expect(clients.map((c) => scores.get(c.id)?.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(clients.map((c) => scores.get(c.id)?.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(clients.map((c) => scores.get(c.id)?.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('equal values share a score: eight one-trip clients are all F1, the two-trip ones F5', () => {
    const clients = Array.from({ length: 10 }, (_, i) => ({
      id: `c${i}`,
      recencyMonths: 3,
      frequency: i < 8 ? 1 : 2,
      monetary: 0,
    }));
    const scores = rfmScores(clients);
    expect(clients.map((c) => scores.get(c.id)?.f)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 5, 5]);
    expect(new Set(clients.map((c) => scores.get(c.id)?.r))).toEqual(new Set([1]));
  });
  it('a client who never travelled is R1', () => {
    const scores = rfmScores([
      { id: 'never', recencyMonths: null, frequency: 0, monetary: 0 },
      { id: 'old', recencyMonths: 100, frequency: 1, monetary: 1 },
    ]);
    expect(scores.get('never')?.r).toBe(1);
    // One of two clients is worse than 'old': 1 + ⌊5 × 1/2⌋ = 3.
    expect(scores.get('old')?.r).toBe(3);
  });
  it('fixed thresholds: 6 months is R5, 7 is R4, 24 is R2, 25 is R1', () => {
    const method = { kind: 'fixed' as const, ...DEFAULT_RFM_FIXED };
    const scores = rfmScores(
      [6, 7, 24, 25].map((months) => ({
        id: String(months),
        recencyMonths: months,
        frequency: 1,
        monetary: 0,
      })),
      method,
    );
    expect(['6', '7', '24', '25'].map((id) => scores.get(id)?.r)).toEqual([5, 4, 2, 1]);
    const f = rfmScores(
      [1, 2, 3, 4, 5, 6].map((n) => ({
        id: String(n),
        recencyMonths: 1,
        frequency: n,
        monetary: n * 1_000_000,
      })),
      method,
    );
    expect([1, 2, 3, 4, 5, 6].map((n) => f.get(String(n))?.f)).toEqual([1, 2, 3, 4, 4, 5]);
    expect([1, 2, 3, 4, 5, 6].map((n) => f.get(String(n))?.m)).toEqual([2, 2, 3, 3, 4, 4]);
  });
});

describe('RFM segments (R×F map)', () => {
  it.each([
    [1, 1, 'hibernating'],
    [2, 2, 'hibernating'],
    [1, 3, 'atRisk'],
    [2, 4, 'atRisk'],
    [1, 5, 'cantLose'],
    [3, 1, 'aboutToSleep'],
    [3, 3, 'needAttention'],
    [3, 4, 'loyal'],
    [4, 5, 'loyal'],
    [4, 1, 'promising'],
    [5, 1, 'new'],
    [4, 2, 'potentialLoyalists'],
    [5, 3, 'potentialLoyalists'],
    [5, 4, 'champions'],
    [5, 5, 'champions'],
  ])('R%i F%i is %s', (r, f, segment) => {
    expect(rfmSegment({ r: r as Score, f: f as Score })).toBe(segment);
  });
});

describe('ladder stage', () => {
  const facts = { trips: 1, years: 1, referralsTravelled: 0, latestScore: null };
  it('no trip: not on the ladder', () => {
    expect(ladderStage({ ...facts, trips: 0 })).toBeNull();
  });
  it('1 trip, 2 trips, 3 trips, 5 trips over 3 years', () => {
    expect(ladderStage(facts)).toBe('oneTrip');
    expect(ladderStage({ ...facts, trips: 2, years: 2 })).toBe('repeat');
    expect(ladderStage({ ...facts, trips: 3, years: 1 })).toBe('regular');
    expect(ladderStage({ ...facts, trips: 5, years: 3 })).toBe('loyal');
  });
  it('5 trips within two years stay regular', () => {
    expect(ladderStage({ ...facts, trips: 5, years: 2 })).toBe('regular');
  });
  it('an advocate recommended a client who travelled, or scored 9–10', () => {
    expect(ladderStage({ ...facts, referralsTravelled: 1 })).toBe('advocate');
    expect(ladderStage({ ...facts, latestScore: 9 })).toBe('advocate');
    expect(ladderStage({ ...facts, latestScore: 8 })).toBe('oneTrip');
  });
  it('rules are configurable', () => {
    const rules = { repeatTrips: 3, regularTrips: 6, loyalTrips: 10, loyalYears: 5, advocateMinTrips: 3 };
    expect(ladderStage({ ...facts, trips: 2 }, rules)).toBe('oneTrip');
    expect(ladderStage({ ...facts, latestScore: 10 }, rules)).toBe('oneTrip');
  });
});

describe('money per client', () => {
  it('shares minor units so the parts sum exactly: 100 over 3 is 34 + 33 + 33', () => {
    expect(shareAmong(100, 3)).toEqual([34, 33, 33]);
    expect(shareAmong(0, 2)).toEqual([0, 0]);
    expect(shareAmong(5, 0)).toEqual([]);
  });
  it('a payer takes the whole tour', () => {
    const result = allocateTrip({ revenueMinor: 1001, costMinor: 900 }, 7, [1, 2]);
    expect([...result.entries()]).toEqual([[7, { revenueMinor: 1001, costMinor: 900 }]]);
  });
  it('without a payer the travellers share it, each client once', () => {
    const result = allocateTrip({ revenueMinor: 1001, costMinor: 900 }, null, [1, 2, 1]);
    expect(result.get(1)).toEqual({ revenueMinor: 501, costMinor: 450 });
    expect(result.get(2)).toEqual({ revenueMinor: 500, costMinor: 450 });
  });
  it('key clients are over 10 % of the total, largest first', () => {
    const items = [
      { id: 1, value: 50 },
      { id: 2, value: 10 },
      { id: 3, value: 40 },
    ];
    expect(keyClients(items, 0.1).map((k) => [k.item.id, k.share])).toEqual([
      [1, 0.5],
      [3, 0.4],
    ]);
    expect(topShare([50, 10, 40], 1)).toBe(0.5);
    expect(topShare([], 3)).toBe(0);
  });
});

describe('calendar arithmetic', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2025-01-15', '2025-02-14')).toBe(0);
    expect(monthsBetween('2025-01-15', '2025-02-15')).toBe(1);
    expect(monthsBetween('2024-11-30', '2026-11-29')).toBe(23);
    expect(monthsBetween('2026-03-01', '2026-01-01')).toBe(-2);
  });
  it('periods: month, quarter, year', () => {
    expect(periodOf('2026-05-17', 'quarter')).toEqual({
      key: '2026-Q2',
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(periodOf('2024-02-10', 'month')).toEqual({
      key: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(periodsEndingAt('2026-05-17', 'year', 3).map((p) => p.key)).toEqual(['2024', '2025', '2026']);
  });
  it('next anniversary, Feb 29 on Feb 28 of other years', () => {
    expect(nextAnniversary('1980-12-03', '2026-11-29')).toBe('2026-12-03');
    expect(nextAnniversary('1980-11-28', '2026-11-29')).toBe('2027-11-28');
    expect(nextAnniversary('2000-02-29', '2026-11-29')).toBe('2027-02-28');
  });
});
