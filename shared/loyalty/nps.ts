export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/** 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsCategory(score: number): NpsCategory {
  checkScore(score);
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** Percent of 9–10 minus percent of 0–6, one decimal (−100…100); null for no scores. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const score of scores) {
    const category = npsCategory(score);
    if (category === 'promoter') promoters += 1;
    else if (category === 'detractor') detractors += 1;
  }
  return npsOfCounts({ promoters, detractors, responses: scores.length });
}

/** The same from counts already made; null for no answers. */
export function npsOfCounts(c: { promoters: number; detractors: number; responses: number }): number | null {
  if (c.responses === 0) return null;
  // Tenths of a percent as an integer first, so 1/3 gives 33.3 and not 33.300000000000004.
  return Math.round(((c.promoters - c.detractors) * 1000) / c.responses) / 10;
}

function checkScore(score: number): void {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`an NPS score is a whole number from 0 to 10, not ${score}`);
  }
}
