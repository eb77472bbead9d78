export type Score = 1 | 2 | 3 | 4 | 5;

export interface RfmInput {
  id: string;
  /** Whole months since the last trip's return; null when the client has not travelled. */
  recencyMonths: number | null;
  /** Trips in the window. */
  frequency: number;
  /** Margin in the window, minor units. */
  monetary: number;
}

export interface RfmScore {
  r: Score;
  f: Score;
  m: Score;
}

/**
 * Fixed thresholds: R is 5 up to `recencyMonths[0]` months, 4 up to [1], 3 up to [2], 2 up to [3],
 * else 1; F and M are 2, 3, 4, 5 from the minimum at [0], [1], [2], [3], else 1.
 */
export interface RfmFixedThresholds {
  recencyMonths: readonly [number, number, number, number];
  frequencyMin: readonly [number, number, number, number];
  monetaryMin: readonly [number, number, number, number];
}

export type RfmMethod = { kind: 'quintiles' } | ({ kind: 'fixed' } & RfmFixedThresholds);

/** The research note's fixed defaults: R5 ≤ 6 months … R1 > 24; margin in kopecks (10k … 100k ₽). */
export const DEFAULT_RFM_FIXED: RfmFixedThresholds = {
  recencyMonths: [6, 12, 18, 24],
  frequencyMin: [2, 3, 4, 6],
  monetaryMin: [1_000_000, 2_500_000, 5_000_000, 10_000_000],
};

/**
 * Scores 1–5. Quintiles: a client's score is 1 + ⌊5 × (share of clients strictly worse)⌋, so equal
 * values share a score (many one-trip clients are all F1 rather than split arbitrarily as a
 * rank-first qcut would). A client who never travelled is R1.
 */
export function rfmScores(
  clients: readonly RfmInput[],
  method: RfmMethod = { kind: 'quintiles' },
): Map<string, RfmScore> {
  const result = new Map<string, RfmScore>();
  if (method.kind === 'fixed') {
    for (const c of clients) {
      result.set(c.id, {
        r: fixedRecency(c.recencyMonths, method.recencyMonths),
        f: fixedMinimum(c.frequency, method.frequencyMin),
        m: fixedMinimum(c.monetary, method.monetaryMin),
      });
    }
    return result;
  }
  // Recency: fewer months is better; a client who never travelled is worse than anyone.
  const recency = clients.map((c) =>
    c.recencyMonths === null ? Number.NEGATIVE_INFINITY : -c.recencyMonths,
  );
  const r = quintileScores(recency);
  const f = quintileScores(clients.map((c) => c.frequency));
  const m = quintileScores(clients.map((c) => c.monetary));
  clients.forEach((c, i) => result.set(c.id, { r: r[i] as Score, f: f[i] as Score, m: m[i] as Score }));
  return result;
}

/** 1 + ⌊5 × (values strictly below) / n⌋ for each value, higher is better. */
function quintileScores(values: readonly number[]): Score[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(5, 1 + Math.floor((5 * lo) / n)) as Score;
  });
}

function fixedRecency(months: number | null, limits: readonly [number, number, number, number]): Score {
  if (months === null) return 1;
  if (months <= limits[0]) return 5;
  if (months <= limits[1]) return 4;
  if (months <= limits[2]) return 3;
  if (months <= limits[3]) return 2;
  return 1;
}

function fixedMinimum(value: number, minimums: readonly [number, number, number, number]): Score {
  if (value >= minimums[3]) return 5;
  if (value >= minimums[2]) return 4;
  if (value >= minimums[1]) return 3;
  if (value >= minimums[0]) return 2;
  return 1;
}

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potentialLoyalists',
  'new',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLose',
  'hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** The widely copied R×F map (research note §1.2); every one of the 25 pairs has a segment. */
export function rfmSegment(score: { r: Score; f: Score }): RfmSegment {
  const { r, f } = score;
  if (r <= 2) return f <= 2 ? 'hibernating' : f <= 4 ? 'atRisk' : 'cantLose';
  if (r === 3) return f <= 2 ? 'aboutToSleep' : f === 3 ? 'needAttention' : 'loyal';
  if (f >= 4) return r === 4 ? 'loyal' : 'champions';
  if (f >= 2) return 'potentialLoyalists';
  return r === 4 ? 'promising' : 'new';
}
