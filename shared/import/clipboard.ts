import { parseHtmlTable } from './html-table';
import { parseTextTable } from './text-table';

/** Limits that keep a runaway paste from freezing the app. */
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 100;
export const MAX_CELL_LENGTH = 1_000;

/** Whether a table is larger than one import takes (it is cut to the limits). */
export function exceedsLimits(rows: string[][]): boolean {
  return rows.length > MAX_ROWS || rows.some((row) => row.length > MAX_COLUMNS);
}

/**
 * Characters no passenger list means to hold, and the commit refuses (shared/domain/safe-text):
 * controls (a cell's own line breaks aside), zero-width and direction marks that text copied from a
 * PDF or a site brings along, non-characters and lone surrogates.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\p{Cs}\p{Noncharacter_Code_Point}]/gu;

function tidy(rows: string[][]): string[][] {
  const trimmed = rows.slice(0, MAX_ROWS).map((row) =>
    row.slice(0, MAX_COLUMNS).map((cell) =>
      cell
        .replace(INVISIBLE, '')
        .replace(/[\u00a0\u2007\u202f]/g, ' ')
        .trim()
        .slice(0, MAX_CELL_LENGTH),
    ),
  );
  // Drop trailing empty rows (Excel's final CRLF) and columns empty in every row.
  while (trimmed.length > 0 && trimmed[trimmed.length - 1]!.every((c) => c === '')) trimmed.pop();
  const width = Math.max(0, ...trimmed.map((r) => r.length));
  const used = Array.from({ length: width }, (_, c) => trimmed.some((r) => (r[c] ?? '') !== ''));
  return trimmed.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? '').filter((_, c) => used[c]));
}

/** The table on the clipboard: the HTML flavour when it holds a table (it keeps cells exact), else the text. */
type ClipboardInput = { html?: string | undefined; text?: string | undefined };

export function readClipboardTable(input: ClipboardInput): string[][] {
  return tidy(readRawClipboardTable(input));
}

/**
 * The clipboard's table before it is cut to the limits (to tell the user it was cut). When the HTML
 * holds a table, the text is never read instead: Writer's text/plain puts every cell on its own
 * line, which would read as one passenger per cell.
 */
export function readRawClipboardTable(input: ClipboardInput): string[][] {
  if (input.html && /<t[dr]\b/i.test(input.html)) {
    const fromHtml = parseHtmlTable(input.html);
    return fromHtml && fromHtml.some((row) => row.some((c) => c !== '')) ? fromHtml : [];
  }
  return parseTextTable(input.text ?? '');
}

/** The same limits applied to rows read from a file. */
export function limitTable(rows: string[][]): string[][] {
  return tidy(rows);
}
