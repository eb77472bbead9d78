/** Widths of the grid's own columns: checkbox, №, action, status, result. */
const FIXED_COLUMNS = [32, 40, 230, 240, 300] as const;
const SOURCE_COLUMN = 150;
/** The grid's column gap and its left and right padding, as in styles.css (.import-head, .import-row). */
const GAP = 4;
const PADDING = 4;

/**
 * The grid template and the full row width, from one list of column widths: the sticky header and
 * the absolutely placed rows must agree to the pixel, and the row must be exactly as wide as its
 * columns for the horizontal scroll to reach the last one.
 */
export function gridColumns(sourceColumns: number): { template: string; width: number } {
  const widths = [...FIXED_COLUMNS, ...Array.from({ length: sourceColumns }, () => SOURCE_COLUMN)];
  const sum = widths.reduce((a, b) => a + b, 0);
  return {
    template: widths.map((w) => `${w}px`).join(' '),
    width: sum + GAP * (widths.length - 1) + PADDING * 2,
  };
}
