/**
 * A table of texts as one string and the cells' lengths, the form the table worker hands its rows
 * back in: one string and one transferred buffer cost a fraction of the structured clone of tens of
 * thousands of arrays of strings. `packRows` runs in the worker from its source text (see lib.ts).
 */

export interface PackedRows {
  /** Every cell's text, row by row, one after another. */
  text: string;
  /** For each row its cell count, then each cell's length in `text`. */
  lengths: Int32Array;
}

export function packRows(rows: readonly (readonly string[])[]): PackedRows {
  let cells = 0;
  for (const row of rows) cells += row.length;
  const lengths = new Int32Array(rows.length + cells);
  const parts: string[] = new Array<string>(rows.length);
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    lengths[k++] = row.length;
    for (const cell of row) lengths[k++] = cell.length;
    parts[r] = row.join('');
  }
  return { text: parts.join(''), lengths };
}

export function unpackRows({ text, lengths }: PackedRows): string[][] {
  const rows: string[][] = [];
  let at = 0;
  let k = 0;
  while (k < lengths.length) {
    const count = lengths[k++] ?? 0;
    const row = new Array<string>(count);
    for (let c = 0; c < count; c++) {
      const length = lengths[k++] ?? 0;
      row[c] = text.slice(at, at + length);
      at += length;
    }
    rows.push(row);
  }
  return rows;
}
