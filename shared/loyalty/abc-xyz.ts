export type AbcClass = 'A' | 'B' | 'C';
export type XyzClass = 'X' | 'Y' | 'Z';

/**
 * ABC by cumulative share of the positive total, values descending (ties by id, so the result does
 * not depend on the input order): A while the share before the item is below `a`, B below `b`, else
 * C. Zero and negative values are always C.
 */
export function abcClasses(
  items: readonly { id: string; value: number }[],
  cut: { a: number; b: number } = { a: 0.8, b: 0.95 },
): Map<string, AbcClass> {
  const result = new Map<string, AbcClass>();
  const positive = items.filter((item) => item.value > 0);
  const total = positive.reduce((sum, item) => sum + item.value, 0);
  positive.sort((x, y) => y.value - x.value || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let before = 0;
  for (const item of positive) {
    const share = before / total;
    result.set(item.id, share < cut.a ? 'A' : share < cut.b ? 'B' : 'C');
    before += item.value;
  }
  for (const item of items) if (item.value <= 0) result.set(item.id, 'C');
  return result;
}

/** Coefficient of variation: population standard deviation over the mean; null for a mean ≤ 0. */
export function coefficientOfVariation(series: readonly number[]): number | null {
  if (series.length === 0) return null;
  const mean = series.reduce((sum, v) => sum + v, 0) / series.length;
  if (mean <= 0) return null;
  // (v - mean) * (v - mean), not ** 2: the base computes the same doubles in the same order.
  const variance = series.reduce((sum, v) => sum + (v - mean) * (v - mean), 0) / series.length;
  return Math.sqrt(variance) / mean;
}

/** X when v ≤ x, Y when v ≤ y, else Z; a mean of 0 (or an empty series) gives Z. */
export function xyzClass(
  series: readonly number[],
  cut: { x: number; y: number } = { x: 0.1, y: 0.25 },
): XyzClass {
  const v = coefficientOfVariation(series);
  if (v === null) return 'Z';
  // A tiny epsilon: [1, 1.1]-like series whose v is exactly the cut must not fall over it by rounding.
  if (v <= cut.x + 1e-12) return 'X';
  if (v <= cut.y + 1e-12) return 'Y';
  return 'Z';
}
