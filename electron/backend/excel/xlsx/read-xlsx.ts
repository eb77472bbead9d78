/**
 * Reads one sheet of an .xlsx/.xlsm as the import's table of texts, streaming: the zip's central
 * directory, the small parts whole, the shared strings and the sheet inflated chunk by chunk into
 * a tokenizer, so memory holds the file, the strings and the rows, never the sheet's XML.
 * Self-contained (see lib.ts).
 */
import type { XlsxLib } from './lib';
import type { SheetCells } from './cells';

export interface XlsxReadOptions {
  /** The sheet to read; otherwise the first with a value in it (or the first). */
  sheet: string | undefined;
  maxRows: number;
  maxColumns: number;
  /** More inflated bytes than this in one part is a refused file, whatever the directory says. */
  maxPartBytes: number;
  /** Percent of the packed bytes of the shared strings and the sheet inflated so far. */
  onProgress: (percent: number) => void;
}

export interface XlsxTable {
  sheets: string[];
  sheet: string;
  rows: string[][];
}

export async function readXlsx(
  lib: XlsxLib,
  bytes: Uint8Array,
  options: XlsxReadOptions,
): Promise<XlsxTable> {
  const entries = lib.zipEntries(bytes);
  const wholeText = async (path: string): Promise<string | null> => {
    const entry = entries.get(path);
    if (!entry) return null;
    const parts: string[] = [];
    await lib.inflateText(
      lib,
      bytes,
      entry,
      options.maxPartBytes,
      (t) => parts.push(t),
      () => undefined,
    );
    return parts.join('');
  };
  const relsPath = (path: string) => {
    const slash = path.lastIndexOf('/');
    return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
  };

  const rootRels = (await wholeText('_rels/.rels')) ?? '';
  const officeDocument = /<(?:[\w.-]+:)?Relationship\b[^>]*officeDocument"[^>]*>/.exec(rootRels)?.[0];
  const workbookPath =
    (officeDocument ? lib.parseRelationships(lib, officeDocument, '').values().next().value : undefined) ??
    'xl/workbook.xml';
  const workbookXml = await wholeText(workbookPath);
  if (workbookXml === null) throw new Error('fileBroken');
  const workbook = lib.parseWorkbook(lib, workbookXml);
  const relsXml = (await wholeText(relsPath(workbookPath))) ?? '';
  const rels = lib.parseRelationships(lib, relsXml, workbookPath);
  const partOfType = (kind: string): string | undefined => {
    const m = new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*/${kind}"[^>]*>`).exec(relsXml);
    return m ? lib.parseRelationships(lib, m[0], workbookPath).values().next().value : undefined;
  };
  const stylesXml = await wholeText(partOfType('styles') ?? 'xl/styles.xml');
  const dateStyles = stylesXml === null ? [] : lib.parseStyles(lib, stylesXml);
  const stringsEntry = entries.get(partOfType('sharedStrings') ?? 'xl/sharedstrings.xml');

  const sheetNames = workbook.sheets.map((s) => s.name);
  const sheetPath = (name: string) => {
    const rel = workbook.sheets.find((s) => s.name === name)?.rel;
    return rel === undefined ? undefined : rels.get(rel);
  };
  const chosen =
    options.sheet !== undefined && sheetNames.includes(options.sheet) ? options.sheet : undefined;
  const candidates = chosen !== undefined ? [chosen] : sheetNames;

  // Progress counts the packed bytes of the shared strings and the first sheet to read.
  const firstSheet = candidates[0] === undefined ? undefined : entries.get(sheetPath(candidates[0]) ?? '');
  const total = Math.max(1, (stringsEntry?.compressedSize ?? 0) + (firstSheet?.compressedSize ?? 0));
  let done = 0;
  let reported = -1;
  const consumed = (packed: number) => {
    const percent = Math.min(99, Math.floor((100 * (done + packed)) / total));
    if (percent > reported) {
      reported = percent;
      options.onProgress(percent);
    }
  };

  const strings: string[] = [];
  if (stringsEntry) {
    const tokenizer = lib.xmlTokenizer(lib.sharedStringsHandler(lib, strings));
    await lib.inflateText(lib, bytes, stringsEntry, options.maxPartBytes, tokenizer.feed, consumed);
    tokenizer.end();
    done += stringsEntry.compressedSize;
  }

  const context = {
    strings,
    dateStyles,
    date1904: workbook.date1904,
    maxRows: options.maxRows,
    maxColumns: options.maxColumns,
  };
  for (const name of candidates) {
    const entry = entries.get(sheetPath(name) ?? '');
    if (!entry) continue;
    const cells: SheetCells = { rows: [], merges: [] };
    const tokenizer = lib.xmlTokenizer(lib.sheetHandler(lib, context, cells));
    await lib.inflateText(lib, bytes, entry, options.maxPartBytes, tokenizer.feed, consumed);
    tokenizer.end();
    done = total;
    const rows = lib.tableOf(cells);
    if (rows.length > 0 || chosen !== undefined) return { sheets: sheetNames, sheet: name, rows };
  }
  return { sheets: sheetNames, sheet: sheetNames[0] ?? '', rows: [] };
}

/**
 * The cells as a rectangle that ends at the last cell with content (a formatted column or a merged
 * area reaching row 1,048,576 makes no empty rows), each merged area repeating its first cell's text.
 */
export function tableOf(cells: SheetCells): string[][] {
  let height = 0;
  let width = 0;
  cells.rows.forEach((row, r) => {
    if (!row) return;
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c] !== undefined && row[c] !== '') {
        height = r + 1;
        width = Math.max(width, c + 1);
        break;
      }
    }
  });
  // The rows become the table in place: holes filled, lengths set, nothing copied.
  const rows = cells.rows as string[][];
  rows.length = height;
  for (let r = 0; r < height; r++) {
    const row = (rows[r] ??= []);
    const length = row.length;
    row.length = width;
    for (let c = 0; c < width; c++) if (c >= length || row[c] === undefined) row[c] = '';
  }
  for (const [r0, c0, r1, c1] of cells.merges) {
    const value = rows[r0]?.[c0] ?? '';
    for (let r = r0; r <= Math.min(r1, height - 1); r++) {
      for (let c = c0; c <= Math.min(c1, width - 1); c++) rows[r]![c] = value;
    }
  }
  return rows;
}
