/**
 * LTV = S × C × P × T: average check × purchases per year × margin share (0…1) × years of activity.
 * The seed counts C and T in months; a year is the same product with both scaled by 12.
 */
export function lifetimeValue(input: {
  averageCheck: number;
  purchasesPerYear: number;
  marginShare: number;
  years: number;
}): number {
  return input.averageCheck * input.purchasesPerYear * input.marginShare * input.years;
}
