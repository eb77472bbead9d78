/** CRR = ((E − N) / S) × 100; null when nobody was a client at the start (the rate is undefined). */
export function retentionRate(input: { atStart: number; atEnd: number; acquired: number }): number | null {
  if (input.atStart === 0) return null;
  return ((input.atEnd - input.acquired) / input.atStart) * 100;
}

/** Churn = clients lost during the period / clients at its start × 100; null when atStart is 0. */
export function churnRate(input: { atStart: number; lost: number }): number | null {
  if (input.atStart === 0) return null;
  return (input.lost / input.atStart) * 100;
}
