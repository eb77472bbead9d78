import { describe, expect, it } from 'vitest';
import {
  abcClasses,
  churnRate,
  coefficientOfVariation,
  lifetimeValue,
  netPromoterScore,
  npsCategory,
  retentionRate,
  xyzClass,
} from '../../../../shared/loyalty';

describe('retention rate CRR = ((E − N) / S) × 100', () => {
  it('worked example: 200 at start, 210 at end, 30 new → 90 %', () => {
    expect(retentionRate({ atStart: 200, atEnd: 210, acquired: 30 })).toBe(90);
  });
  it('everyone kept and no newcomers is 100 %', () => {
    expect(retentionRate({ atStart: 50, atEnd: 50, acquired: 0 })).toBe(100);
  });
  it('is null when nobody was a client at the start', () => {
    expect(retentionRate({ atStart: 0, atEnd: 10, acquired: 10 })).toBeNull();
  });
  it('churn: 20 lost of 200 is 10 %, null without a start', () => {
    expect(churnRate({ atStart: 200, lost: 20 })).toBe(10);
    expect(churnRate({ atStart: 0, lost: 0 })).toBeNull();
  });
});

describe('net promoter score', () => {
  it('worked example: 5 promoters, 3 passives, 2 detractors of 10 → 30', () => {
    expect(netPromoterScore([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])).toBe(30);
  });
  it('rounds to one decimal: 1 promoter of 3 → 33.3; 2 detractors of 3 → −66.7', () => {
    expect(netPromoterScore([10, 7, 8])).toBe(33.3);
    expect(netPromoterScore([0, 6, 8])).toBe(-66.7);
  });
  it('spans −100…100', () => {
    expect(netPromoterScore([0, 1, 2])).toBe(-100);
    expect(netPromoterScore([9, 10])).toBe(100);
  });
  it('is null for no scores', () => {
    expect(netPromoterScore([])).toBeNull();
  });
  it('puts 6 with detractors, 7–8 with passives and 9 with promoters', () => {
    expect([6, 7, 8, 9].map(npsCategory)).toEqual(['detractor', 'passive', 'passive', 'promoter']);
  });
  it('refuses scores outside 0–10', () => {
    expect(() => netPromoterScore([11])).toThrow(RangeError);
    expect(() => netPromoterScore([7.5])).toThrow(RangeError);
  });
});

describe('lifetime value S × C × P × T', () => {
  it('worked example: check 150 000, 2 trips a year, 12 % margin, 5 years → 180 000', () => {
    expect(
      lifetimeValue({ averageCheck: 150_000, purchasesPerYear: 2, marginShare: 0.12, years: 5 }),
    ).toBeCloseTo(180_000, 6);
  });
  it('the seed’s car example: 25 000 × 10 purchases × 1 × 1', () => {
    expect(lifetimeValue({ averageCheck: 25_000, purchasesPerYear: 10, marginShare: 1, years: 1 })).toBe(
      250_000,
    );
  });
  it('is 0 when any factor is 0', () => {
    expect(lifetimeValue({ averageCheck: 100, purchasesPerYear: 0, marginShare: 0.2, years: 3 })).toBe(0);
  });
});

describe('ABC classes', () => {
  it('worked example: 50/30/10/6/4 → A A B C C (cumulative share before: 0, .5, .8, .9, .96)', () => {
    const classes = abcClasses([
      { id: 'e', value: 4 },
      { id: 'a', value: 50 },
      { id: 'c', value: 10 },
      { id: 'b', value: 30 },
      { id: 'd', value: 6 },
    ]);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => classes.get(id))).toEqual(['A', 'A', 'B', 'B', 'C']);
  });
  it('an item whose share before is exactly the cut is in the next class', () => {
    const classes = abcClasses([
      { id: 'a', value: 80 },
      { id: 'b', value: 15 },
      { id: 'c', value: 5 },
    ]);
    expect([classes.get('a'), classes.get('b'), classes.get('c')]).toEqual(['A', 'B', 'C']);
  });
  it('zero and negative values are C, and do not change the others’ shares', () => {
    const classes = abcClasses([
      { id: 'a', value: 10 },
      { id: 'zero', value: 0 },
      { id: 'loss', value: -500 },
    ]);
    expect(classes.get('a')).toBe('A');
    expect(classes.get('zero')).toBe('C');
    expect(classes.get('loss')).toBe('C');
  });
  it('takes configurable cuts and breaks ties by id', () => {
    const classes = abcClasses(
      [
        { id: 'y', value: 10 },
        { id: 'x', value: 10 },
      ],
      { a: 0.5, b: 0.9 },
    );
    expect(classes.get('x')).toBe('A');
    expect(classes.get('y')).toBe('B');
  });
  it('an empty list gives an empty map', () => {
    expect(abcClasses([]).size).toBe(0);
  });
});

describe('XYZ class by coefficient of variation', () => {
  it('a constant series is X', () => {
    expect(xyzClass([5, 5, 5, 5])).toBe('X');
  });
  it('worked example: [90, 110] has v = 10/100 = 0.1 → X (≤ x); [80, 120] v = 0.2 → Y', () => {
    expect(coefficientOfVariation([90, 110])).toBeCloseTo(0.1, 12);
    expect(xyzClass([90, 110])).toBe('X');
    expect(xyzClass([80, 120])).toBe('Y');
  });
  it('[0, 2] has v = 1 → Z; v exactly 0.25 ([75, 125]) is still Y', () => {
    expect(xyzClass([0, 2])).toBe('Z');
    expect(xyzClass([75, 125])).toBe('Y');
  });
  it('uses the population deviation, not the sample one', () => {
    // Population σ of [2,4,4,4,5,5,7,9] is 2, mean 5 → 0.4; the sample σ would give 0.428.
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(0.4, 12);
  });
  it('a mean of 0 or an empty series gives Z', () => {
    expect(xyzClass([0, 0, 0])).toBe('Z');
    expect(xyzClass([])).toBe('Z');
  });
  it('takes configurable cuts', () => {
    expect(xyzClass([80, 120], { x: 0.25, y: 0.5 })).toBe('X');
  });
});
