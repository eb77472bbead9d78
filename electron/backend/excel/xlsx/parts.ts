/**
 * The small parts of a workbook, read whole: relationships, the workbook (sheet names, 1904 dates)
 * and the styles (which cell styles show a date). Self-contained functions (see lib.ts).
 */
import type { XlsxLib } from './lib';

/** A part's relationships: id → the target's path inside the zip (lower case, from the root). */
export function parseRelationships(lib: XlsxLib, xml: string, partPath: string): Map<string, string> {
  const dir = partPath.includes('/') ? partPath.slice(0, partPath.lastIndexOf('/') + 1) : '';
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = lib.xmlAttributes(m[1] ?? '');
    if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
    const parts = (a.Target.startsWith('/') ? a.Target.slice(1) : dir + a.Target).split('/');
    const path: string[] = [];
    for (const part of parts) {
      if (part === '..') path.pop();
      else if (part !== '.' && part !== '') path.push(part);
    }
    out.set(a.Id, path.join('/').toLowerCase());
  }
  return out;
}

export interface WorkbookInfo {
  sheets: { name: string; rel: string }[];
  date1904: boolean;
}

export function parseWorkbook(lib: XlsxLib, xml: string): WorkbookInfo {
  const sheets: WorkbookInfo['sheets'] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const a = lib.xmlAttributes(m[1] ?? '');
    if (a.name !== undefined) sheets.push({ name: lib.decodeXmlText(a.name), rel: a.id ?? '' });
  }
  const props = /<(?:[\w.-]+:)?workbookPr\b([^>]*)>/.exec(xml);
  const flag = props ? lib.xmlAttributes(props[1] ?? '').date1904 : undefined;
  return { sheets, date1904: flag === '1' || flag === 'true' };
}

/** For each cell style (the `s` of a cell), whether its number format shows a date. */
export function parseStyles(lib: XlsxLib, xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)>/g)) {
    const a = lib.xmlAttributes(m[1] ?? '');
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const dates: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/g)) {
    const id = Number(lib.xmlAttributes(m[1] ?? '').numFmtId ?? 0);
    const code = custom.get(id) ?? lib.builtInFormat(id);
    dates.push(code !== undefined && lib.isDateFormat(code));
  }
  return dates;
}

/**
 * Excel's built-in number formats as SheetJS (the previous reader, still used for .xls and .ods)
 * knows them, so a cell reads the same whichever reader opens it: 14-22 and 45-47 are dates and
 * times, and the locale-specific ids (27-36, 50-58, 71-81) fall back to those.
 */
export function builtInFormat(id: number): string | undefined {
  const table: Record<number, string> = {
    0: 'General',
    1: '0',
    2: '0.00',
    3: '#,##0',
    4: '#,##0.00',
    9: '0%',
    10: '0.00%',
    11: '0.00E+00',
    12: '# ?/?',
    13: '# ??/??',
    14: 'm/d/yy',
    15: 'd-mmm-yy',
    16: 'd-mmm',
    17: 'mmm-yy',
    18: 'h:mm AM/PM',
    19: 'h:mm:ss AM/PM',
    20: 'h:mm',
    21: 'h:mm:ss',
    22: 'm/d/yy h:mm',
    37: '#,##0 ;(#,##0)',
    38: '#,##0 ;[Red](#,##0)',
    39: '#,##0.00;(#,##0.00)',
    40: '#,##0.00;[Red](#,##0.00)',
    45: 'mm:ss',
    46: '[h]:mm:ss',
    47: 'mmss.0',
    48: '##0.0E+0',
    49: '@',
  };
  const fallback: Record<number, number> = {
    5: 37,
    6: 38,
    7: 39,
    8: 40,
    23: 0,
    24: 0,
    25: 0,
    26: 0,
    27: 14,
    28: 14,
    29: 14,
    30: 14,
    31: 14,
    50: 14,
    51: 14,
    52: 14,
    53: 14,
    54: 14,
    55: 14,
    56: 14,
    57: 14,
    58: 14,
    59: 1,
    60: 2,
    61: 3,
    62: 4,
    67: 9,
    68: 10,
    69: 12,
    70: 13,
    71: 14,
    72: 14,
    73: 15,
    74: 16,
    75: 17,
    76: 20,
    77: 21,
    78: 22,
    79: 45,
    80: 46,
    81: 47,
    82: 0,
  };
  return table[id] ?? table[fallback[id] ?? -1];
}

/**
 * Whether a number format shows a date or time: SheetJS's `fmt_is_date` (Apache-2.0), ported as
 * is, so that the new reader and the old agree on every cell. Quoted text, escapes and colours are
 * skipped; d, m, y, h, s, e, g, AM/PM or an elapsed-time bracket mean a date.
 */
export function isDateFormat(format: string): boolean {
  let i = 0;
  while (i < format.length) {
    const c = format.charAt(i);
    if (c === 'G' || c === 'g') {
      if (c === 'g') return true;
      if (/^general/i.test(format.slice(i, i + 7)) && format.length >= i + 7) i += 6;
      i++;
    } else if (c === '"') {
      for (; format.charCodeAt(++i) !== 34 && i < format.length;);
      ++i;
    } else if (c === '\\' || c === '_') i += 2;
    else if (c === 'B' || c === 'b') {
      if (format.charAt(i + 1) === '1' || format.charAt(i + 1) === '2') return true;
      return true;
    } else if ('MDYHSEmdyhse'.includes(c)) return true;
    else if (c === 'A' || c === 'a' || c === '上') {
      if (format.slice(i, i + 3).toUpperCase() === 'A/P') return true;
      if (format.slice(i, i + 5).toUpperCase() === 'AM/PM') return true;
      if (format.slice(i, i + 5).toUpperCase() === '上午/下午') return true;
      ++i;
    } else if (c === '[') {
      let o = c;
      while (format.charAt(i++) !== ']' && i < format.length) o += format.charAt(i);
      if (/\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/.test(o)) return true;
    } else if (c === '.' || c === '0' || c === '#') {
      let d = c;
      while (
        i < format.length &&
        ('0#?.,E+-%'.includes((d = format.charAt(++i))) ||
          (d === '\\' && format.charAt(i + 1) === '-' && '0#'.includes(format.charAt(i + 2))))
      );
    } else if (c === '?') {
      while (format.charAt(++i) === c);
    } else if (c === '*') {
      ++i;
      if (format.charAt(i) === ' ' || format.charAt(i) === '*') ++i;
    } else if (c >= '1' && c <= '9') {
      while (i < format.length && '0123456789'.includes(format.charAt(++i)));
    } else ++i;
  }
  return false;
}
