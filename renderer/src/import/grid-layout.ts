/**
 * The grid's own columns, pinned at the left while the source columns scroll: checkbox, №, action and
 * a compact problems cell (all of a row's problems are in its tooltip and in the row panel below), so
 * the error stays in view at any horizontal scroll and six source columns fit at 1366 px. The
 * "result" summary comes after the source columns.
 */
export const PINNED_COLUMNS = [
  { id: 'select', size: 28, resizable: false },
  { id: 'number', size: 36, resizable: false },
  { id: 'action', size: 150, resizable: true },
  { id: 'problems', size: 120, resizable: true },
] as const;
export const RESULT_COLUMN = { id: 'result', size: 300 } as const;
export const SOURCE_COLUMN = 140;
/** The grid's column gap and its left and right padding, as in styles.css (.import-head, .import-row). */
const GAP = 4;
const PADDING = 4;

/** A source column's sizing id: by its header, so a width is remembered for the same headers. */
export const sourceColumnId = (index: number, title: string) => `src:${title.trim() || index + 1}`;

/**
 * The grid template, the full row width and the pinned columns' left offsets, from one list of column
 * widths (pinned, then sources, then result): the sticky header and the absolutely placed rows must
 * agree to the pixel, and the row must be exactly as wide as its columns for the horizontal scroll to
 * reach the last one.
 */
export function gridColumns(widths: readonly number[]): {
  template: string;
  width: number;
  pinnedLeft: number[];
} {
  const sum = widths.reduce((a, b) => a + b, 0);
  const pinnedLeft: number[] = [];
  let left = PADDING;
  for (const w of widths.slice(0, PINNED_COLUMNS.length)) {
    pinnedLeft.push(left);
    left += w + GAP;
  }
  return {
    template: widths.map((w) => `${w}px`).join(' '),
    width: sum + GAP * Math.max(widths.length - 1, 0) + PADDING * 2,
    pinnedLeft,
  };
}
