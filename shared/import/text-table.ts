/** Splits delimited text with spreadsheet quoting: "a ""b""", a quoted cell may hold tabs and newlines. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      continue;
    }
    if (ch === delimiter) {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * Plain text as a table: tab-separated (Excel, Word), else semicolon or comma CSV when every line
 * has the same number of them, else one passenger per line.
 */
export function parseTextTable(text: string): string[][] {
  const normalized = text.replace(/^\ufeff/, '');
  const lines = normalized.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  if (lines.some((line) => line.includes('\t'))) return parseDelimited(normalized, '\t');
  for (const delimiter of [';', ',']) {
    const counts = lines.slice(0, 50).map((line) => countOutsideQuotes(line, delimiter));
    if (counts[0]! > 0 && counts.every((c) => c === counts[0])) return parseDelimited(normalized, delimiter);
  }
  return lines.map((line) => [line.trim()]);
}
