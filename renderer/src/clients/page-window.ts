/** Cursors kept: enough to scroll back a long way by seeks; farther ones are fetched by offset. */
export const MAX_CURSORS = 2_000;

/**
 * The loaded pages to drop so that at most `keep` remain: the farthest from the rows in view first.
 * The pages the rows in view need are never dropped.
 */
export function pagesToDrop(
  loaded: readonly number[],
  inView: { first: number; last: number },
  pageSize: number,
  keep: number,
): number[] {
  if (loaded.length <= keep) return [];
  const from = Math.floor(inView.first / pageSize);
  const to = Math.floor(inView.last / pageSize);
  const distance = (page: number) => (page < from ? from - page : page > to ? page - to : 0);
  return [...loaded]
    .filter((page) => distance(page) > 0)
    .sort((a, b) => distance(b) - distance(a))
    .slice(0, loaded.length - keep);
}

/** Drops the cursors farthest from `page` once there are more than MAX_CURSORS. */
export function trimCursors(cursors: Map<number, string>, page: number): void {
  if (cursors.size <= MAX_CURSORS) return;
  const byDistance = [...cursors.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
  for (const far of byDistance.slice(0, cursors.size - MAX_CURSORS)) cursors.delete(far);
}

/** An estimate to two significant digits (1,003,412 → 1,000,000): "about" says no more than it knows. */
export function roundEstimate(n: number): number {
  if (n < 100) return n;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/**
 * The list's total after page `page` answered `rows` rows and `next`: the end found makes it exact
 * (an empty page past an estimate only says the end is before it); otherwise at least a page more
 * than the rows seen, until the count says.
 */
export function totalAfterPage(
  known: { value: number | null; exact: boolean },
  page: number,
  rows: number,
  next: string | null,
  pageSize: number,
): { value: number | null; exact: boolean } {
  const end = page * pageSize + rows;
  if (next === null)
    return rows > 0 || page === 0
      ? { value: end, exact: true }
      : { value: Math.min(known.value ?? end, end), exact: false };
  if (known.value === null || end > known.value || (!known.exact && end === known.value))
    return { value: end + pageSize, exact: false };
  return known;
}
