const FORMULA_START = /^[=+\-@\t\r]/;
const PHONE_OR_NUMBER = /^[+-]?[\d\s().-]+$/;

/**
 * A text that a spreadsheet program could run as a formula (=, +, -, @ first) gets a leading
 * apostrophe. Phone numbers and plain numbers (+7 916 123-45-67, -5) are left alone: as formulas
 * they could only do arithmetic, and a clerk needs them as written.
 */
export function neutraliseFormula(value: string): string {
  if (!FORMULA_START.test(value) || PHONE_OR_NUMBER.test(value)) return value;
  return `'${value}`;
}
