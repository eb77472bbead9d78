/**
 * The exclusive upper bound of a prefix search over name keys (upper-case A-Z only): every key
 * that starts with `prefix` sorts between `prefix` and `prefix + '~'`, so the search is an index
 * range scan.
 */
export function prefixRangeEnd(prefix: string): string {
  return `${prefix}~`;
}
