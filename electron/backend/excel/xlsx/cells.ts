/**
 * The streamed parts: the shared strings and a worksheet's cells. Each returns an XmlHandler for
 * the tokenizer and collects what it found. Self-contained functions (see lib.ts).
 */
import type { XlsxLib } from './lib';
import type { XmlHandler } from './xml';

/**
 * Shared strings (`<si>`): plain or rich-text runs joined, phonetic guides (`<rPh>`) left out;
 * trimmed once here, as every cell shows them.
 */
export function sharedStringsHandler(lib: XlsxLib, strings: string[]): XmlHandler {
  let raw = '';
  let phonetic = 0;
  const handler: XmlHandler = {
    capture: false,
    open(name) {
      if (name === 't') {
        if (phonetic === 0) handler.capture = true;
      } else if (name === 'si') raw = '';
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') handler.capture = false;
      else if (name === 'si') strings.push(lib.decodeXmlText(raw).trim());
      else if (name === 'rPh') phonetic--;
    },
    text(s, from, to) {
      raw += s.slice(from, to);
    },
  };
  return handler;
}

export interface SheetContext {
  strings: readonly string[];
  /** Per cell style, whether it shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxRows: number;
  maxColumns: number;
}

export interface SheetCells {
  /** Cell texts by row and column as the table shows them; rows and cells without a value are holes. */
  rows: (string[] | undefined)[];
  /** Merged areas as zero-based [first row, first column, last row, last column]. */
  merges: [number, number, number, number][];
}

/**
 * A worksheet's cells as the import's texts, the way the SheetJS reader gave them: a shared,
 * inline or formula string trimmed; a number with a date format as yyyy-mm-dd (serials 1 to 79,999);
 * any other number with every digit (a passport typed as a number never becomes 7.51E+08); an error
 * empty; a boolean `true`/`false`. Cells are placed by their `r` (gaps stay empty) or, without one,
 * after the previous cell.
 */
export function sheetHandler(lib: XlsxLib, context: SheetContext, out: SheetCells): XmlHandler {
  let row = -1;
  let column = -1;
  let cellRow = 0;
  let type = '';
  let style = -1;
  let value: string | undefined;
  let inline: string | undefined;
  let formula = false;
  let target: 'v' | 't' | '' = '';
  let inInline = false;
  let phonetic = 0;

  /** The shared-string index of the current `<v>`, read from its digits in place; -1 when not read so. */
  let stringIndex = -1;

  // parseInt(s.slice(from, to), 10) without the slice, for the plain digits of every cell.
  const intAt = (s: string, from: number, to: number): number => {
    let n = 0;
    let i = from;
    for (; i < to && i - from < 15; i++) {
      const digit = s.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      n = n * 10 + digit;
    }
    return i > from && (i === to || i - from < 15) ? n : parseInt(s.slice(from, to), 10);
  };

  // The r, t and s attributes of a <c>, read in place without copying the tag: this runs for
  // every cell of the sheet.
  const readCellTag = (s: string, from: number, to: number) => {
    let placed = false;
    type = '';
    style = -1;
    let i = from;
    while (i < to) {
      while (i < to && s.charCodeAt(i) <= 32) i++;
      const nameStart = i;
      while (i < to && s.charCodeAt(i) !== 61 && s.charCodeAt(i) > 32) i++;
      const nameEnd = i;
      while (i < to && s.charCodeAt(i) !== 34 && s.charCodeAt(i) !== 39) i++;
      if (i >= to) break;
      const valueEnd = s.indexOf(s.charCodeAt(i) === 39 ? "'" : '"', i + 1);
      if (valueEnd < 0 || valueEnd > to) break;
      if (nameEnd - nameStart === 1) {
        const letter = s.charCodeAt(nameStart);
        if (letter === 114) placed = placeCell(s, i + 1, valueEnd);
        else if (letter === 116) type = valueEnd - i === 2 ? s.charAt(i + 1) : s.slice(i + 1, valueEnd);
        else if (letter === 115) style = intAt(s, i + 1, valueEnd);
      }
      i = valueEnd + 1;
    }
    if (!placed) {
      column++;
      cellRow = row;
    }
  };

  /** Places the cell by its reference `s.slice(from, to)` ("B7"); false for an empty one. */
  const placeCell = (s: string, from: number, to: number): boolean => {
    if (from === to) return false;
    let col = 0;
    let k = from;
    for (; k < to; k++) {
      const code = s.charCodeAt(k) | 32;
      if (code < 97 || code > 122) break;
      col = col * 26 + (code - 96);
    }
    column = col - 1;
    cellRow = k < to ? intAt(s, k, to) - 1 : row;
    return true;
  };

  const serialToIso = (serial: number): string => {
    // Excel's 1900 system with its phantom 29.02.1900, by UTC arithmetic only.
    const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
    return new Date(Date.UTC(1899, 11, 31) + days * 86_400_000).toISOString().slice(0, 10);
  };

  const numberText = (number: number): string => {
    if (style >= 0 && context.dateStyles[style] === true) {
      // A 1904 workbook counts from 1904-01-01: shifted onto the 1900 count first.
      const serial = context.date1904 ? number + 1462 : number;
      if (serial >= 1 && serial < 80_000) return serialToIso(serial);
    }
    return Number.isInteger(number) ? number.toFixed(0) : String(number);
  };

  const isoToSerial = (iso: string): number => {
    const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || iso.length <= 10 ? iso : `${iso}Z`);
    const days = (time - Date.UTC(1899, 11, 30)) / 86_400_000;
    const serial = days < 60 ? days - 1 : days;
    return context.date1904 ? serial - 1462 : serial;
  };

  const cellText = (): string | undefined => {
    switch (type) {
      case '':
      case 'n':
        if (value === undefined) return type === '' && formula ? '0' : undefined;
        return numberText(parseFloat(lib.decodeXmlText(value)));
      case 's': {
        if (stringIndex >= 0) return context.strings[stringIndex] ?? '';
        if (value === undefined) return undefined;
        return context.strings[parseInt(value, 10)] ?? '';
      }
      case 'str':
        return value === undefined ? '' : lib.decodeXmlText(value).trim();
      case 'inlineStr':
        return inline === undefined ? '' : lib.decodeXmlText(inline).trim();
      case 'b':
        return value === '1' || value === 'true' ? 'true' : 'false';
      case 'e':
        return '';
      case 'd':
        return value === undefined ? undefined : numberText(isoToSerial(lib.decodeXmlText(value).trim()));
      default:
        return value === undefined ? undefined : lib.decodeXmlText(value).trim();
    }
  };

  const handler: XmlHandler = {
    capture: false,
    open(name, s, from, to) {
      switch (name) {
        case 'c':
          readCellTag(s, from, to);
          value = undefined;
          stringIndex = -1;
          inline = undefined;
          formula = false;
          break;
        case 'v':
          target = 'v';
          value = '';
          stringIndex = -1;
          handler.capture = true;
          break;
        case 't':
          if (inInline && phonetic === 0) {
            target = 't';
            inline ??= '';
            handler.capture = true;
          }
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'f':
          formula = true;
          break;
        case 'row': {
          // ` r="7"` first, as every writer puts it; anything else through the full attribute reader.
          const quote = s.startsWith(' r="', from) ? s.indexOf('"', from + 4) : -1;
          const r =
            quote > 0 && quote < to ? s.slice(from + 4, quote) : lib.xmlAttributes(s.slice(from, to)).r;
          row = r !== undefined ? parseInt(r, 10) - 1 : row + 1;
          column = -1;
          break;
        }
        case 'mergeCell': {
          const ref = lib.xmlAttributes(s.slice(from, to)).ref ?? '';
          const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref);
          if (!m) break;
          const col = (letters: string) =>
            [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const first: [number, number] = [Number(m[2]) - 1, col(m[1] ?? 'A')];
          out.merges.push([
            first[0],
            first[1],
            m[4] ? Number(m[4]) - 1 : first[0],
            m[3] ? col(m[3]) : first[1],
          ]);
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          target = '';
          handler.capture = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (cellRow < 0 || cellRow >= context.maxRows || column < 0 || column >= context.maxColumns) break;
          // <v></v> is no value, as in the previous reader.
          if (value === '' && stringIndex < 0) value = undefined;
          const text = cellText();
          if (text === undefined) break;
          (out.rows[cellRow] ??= [])[column] = text;
          break;
        }
      }
    },
    text(s, from, to) {
      if (target !== 'v') {
        inline += s.slice(from, to);
        return;
      }
      if (type === 's' && value === '' && stringIndex < 0 && to > from && to - from <= 9) {
        // A shared string's index, the most common value of all: read without a copy.
        let n = 0;
        let i = from;
        for (; i < to; i++) {
          const digit = s.charCodeAt(i) - 48;
          if (digit < 0 || digit > 9) break;
          n = n * 10 + digit;
        }
        if (i === to) {
          stringIndex = n;
          return;
        }
      }
      if (stringIndex >= 0) {
        // The digits went on in the next chunk.
        value = String(stringIndex);
        stringIndex = -1;
      }
      value += s.slice(from, to);
    },
  };
  return handler;
}
