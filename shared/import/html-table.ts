/**
 * A small, tolerant reader of the HTML tables Excel, LibreOffice, Google Sheets and Word put on
 * the clipboard. It never builds a DOM and never runs anything: it walks the markup with regular
 * expressions, expands colspan/rowspan, keeps the displayed text, and treats <br> and paragraphs
 * inside a cell as line breaks. Script, style and comment blocks are dropped whole.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function cellText(inner: string): string {
  // Line breaks in the markup are spaces (Writer wraps its source lines inside a paragraph); only
  // <br> and a new paragraph break a cell's text.
  const withBreaks = inner
    .replace(/\s+/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<\/p\s*>\s*<p\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(withBreaks)
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+/g, ' ').trim())
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join('\n')
    .trim();
}

function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** Word adds zero-width phantom cells (<td width=0>) that are not columns. */
function isPhantom(attributes: string): boolean {
  return (
    /\bwidth\s*=\s*["']?0(?:["'\s>]|$)/i.test(attributes) || /width:\s*0(pt|px)?\s*[;"']/i.test(attributes)
  );
}

/** The first table of the HTML (or dangling rows of a partial copy) as a grid of strings; null when there is none. */
export function parseHtmlTable(html: string): string[][] | null {
  const clean = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  const tableMatch = /<table\b[\s\S]*?<\/table\s*>/i.exec(clean);
  const scope = tableMatch ? tableMatch[0] : clean;
  const rowMatches = [...scope.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table|$)/gi)];
  if (rowMatches.length === 0) return null;
  const grid: string[][] = [];
  const pending: ({ text: string; left: number } | undefined)[] = []; // rowspan carry-over by column
  for (const [r, rowMatch] of rowMatches.entries()) {
    const row: string[] = [];
    let col = 0;
    const fillCarried = () => {
      while (pending[col] && pending[col]!.left > 0) {
        row[col] = pending[col]!.text;
        pending[col]!.left--;
        col++;
      }
    };
    for (const cell of (rowMatch[1] ?? '').matchAll(/<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/tr|$)/gi)) {
      const attributes = cell[2] ?? '';
      if (isPhantom(attributes)) continue;
      fillCarried();
      const text = cellText((cell[3] ?? '').replace(/<\/t[dh]\s*>[\s\S]*$/i, ''));
      const colspan = spanOf(attributes, 'colspan');
      const rowspan = spanOf(attributes, 'rowspan');
      for (let k = 0; k < colspan; k++) {
        row[col] = k === 0 ? text : '';
        if (rowspan > 1) pending[col] = { text: k === 0 ? text : '', left: rowspan - 1 };
        col++;
      }
    }
    fillCarried();
    for (let c = 0; c < row.length; c++) row[c] ??= '';
    grid[r] = row;
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}
