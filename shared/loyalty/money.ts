/**
 * Splits an amount in minor units over n travellers so the parts sum exactly to the amount: each gets
 * the floor, and the first (amount mod n) get one more unit.
 */
export function shareAmong(amountMinor: number, n: number): number[] {
  if (!Number.isInteger(amountMinor)) throw new RangeError('money is whole minor units');
  if (n <= 0) return [];
  const base = Math.floor(amountMinor / n);
  const rest = amountMinor - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

export interface TripMoney {
  revenueMinor: number;
  costMinor: number;
}

/**
 * Who a tour's money belongs to: all of it to the payer when there is one, else shared over the
 * travellers who are regular clients (in tourist order). Travellers not linked to a client get no
 * share, so the clients' sums equal the tours' totals whenever someone is linked.
 */
export function allocateTrip(
  money: TripMoney,
  payerClientId: number | null,
  travellerClientIds: readonly number[],
): Map<number, TripMoney> {
  const result = new Map<number, TripMoney>();
  if (payerClientId !== null) {
    result.set(payerClientId, { ...money });
    return result;
  }
  const unique = [...new Set(travellerClientIds)];
  const revenue = shareAmong(money.revenueMinor, unique.length);
  const cost = shareAmong(money.costMinor, unique.length);
  unique.forEach((id, i) => result.set(id, { revenueMinor: revenue[i] ?? 0, costMinor: cost[i] ?? 0 }));
  return result;
}

/** Clients whose share of the total is over the threshold (0.1 = 10 %), largest first. */
export function keyClients<T extends { id: number; value: number }>(
  items: readonly T[],
  threshold = 0.1,
): { item: T; share: number }[] {
  const total = items.reduce((sum, item) => sum + Math.max(0, item.value), 0);
  if (total <= 0) return [];
  return items
    .filter((item) => item.value / total > threshold)
    .map((item) => ({ item, share: item.value / total }))
    .sort((a, b) => b.share - a.share);
}

/** Share of the total held by the top n items (revenue concentration); 0 for an empty total. */
export function topShare(values: readonly number[], n: number): number {
  const positive = values.filter((v) => v > 0).sort((a, b) => b - a);
  const total = positive.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  return positive.slice(0, n).reduce((s, v) => s + v, 0) / total;
}
