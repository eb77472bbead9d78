import { describe, expect, it } from 'vitest';
import { exceedsShare, reachesShare } from '../../../../shared/loyalty';

/** Totals and shares where a double's rounding decides (0.1 × 3 ≠ 0.3, 0.8 × 5 = 4 exactly…). */
const TOTALS = [1, 3, 5, 7, 10, 97, 1_000, 123_456_789, 9_007_199_254_740];
const SHARES = [0, 0.1, 0.2, 0.3, 0.7, 0.8, 0.95, 1 / 3, 1];

describe('share thresholds as whole amounts', () => {
  it('part < reachesShare ⟺ part / total < share, at and around the threshold', () => {
    for (const total of TOTALS) {
      for (const share of SHARES) {
        const cut = reachesShare(total, share);
        for (const part of [cut - 2, cut - 1, cut, cut + 1, 0, total].filter((p) => p >= 0)) {
          expect(part < cut, `${part}/${total} < ${share}`).toBe(part / total < share);
        }
      }
    }
  });

  it('part ≥ exceedsShare ⟺ part / total > share, at and around the threshold', () => {
    for (const total of TOTALS) {
      for (const share of SHARES) {
        const cut = exceedsShare(total, share);
        for (const part of [cut - 2, cut - 1, cut, cut + 1, 0, total].filter((p) => p >= 0)) {
          expect(part >= cut, `${part}/${total} > ${share}`).toBe(part / total > share);
        }
      }
    }
  });

  it('worked examples: 80 % of 10 is reached at 8, 10 % of 10 exceeded from 2', () => {
    expect(reachesShare(10, 0.8)).toBe(8);
    expect(exceedsShare(10, 0.1)).toBe(2);
    expect(exceedsShare(10, 1)).toBe(11);
  });
});
