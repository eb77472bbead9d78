/**
 * Share thresholds as whole amounts, so the base can compare integers where the TypeScript figures
 * compare doubles (`part / total < share`): the answer is the same for every part, on every SQL.
 * Both rest on one fact: for a fixed positive total, `part / total` never decreases as part grows.
 */

/** The smallest whole `part` ≥ 0 with `part / total >= share` (so `part / total < share` ⟺ part < it). */
export function reachesShare(total: number, share: number): number {
  let part = Math.max(0, Math.ceil(share * total));
  while (part > 0 && (part - 1) / total >= share) part -= 1;
  while (part / total < share) part += 1;
  return part;
}

/** The smallest whole `part` with `part / total > share` (so `part / total > share` ⟺ part ≥ it). */
export function exceedsShare(total: number, share: number): number {
  let part = Math.floor(share * total);
  while (part / total > share) part -= 1;
  while (part / total <= share) part += 1;
  return part;
}
