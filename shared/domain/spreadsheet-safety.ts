const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text a spreadsheet program would take for a formula once the cell is edited (=, +, -, @ or a
 * control first: "=SUM(A1)", "-5 кг", "+7 916 123-45-67"). Such a cell is written as text with the
 * quote-prefix style, as Excel does for a typed apostrophe: the value stays exactly as written, so
 * the file reads back the same, and editing the cell keeps it text.
 */
export function startsLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}
