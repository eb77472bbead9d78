/**
 * The shapes of Russian passport numbers, in one place: a foreign (travel) passport is a 2-digit
 * series and a 7-digit number ("75 1234567"), an internal one a 4-digit series and a 6-digit number
 * ("4510 123456"). Other countries' numbers (N12345678, MP1234567) are kept as printed.
 */

export const RU_FOREIGN_PASSPORT = { series: 2, number: 7 } as const;
export const RU_INTERNAL_PASSPORT = { series: 4, number: 6 } as const;

export type PassportKind = 'foreign_passport' | 'internal_passport';

const SHAPES: Record<PassportKind, { series: number; number: number }> = {
  foreign_passport: RU_FOREIGN_PASSPORT,
  internal_passport: RU_INTERNAL_PASSPORT,
};

/** What a clerk types between the parts of a number ("№", spaces, dashes) taken out; letters upper-cased. */
export function compactDocumentNumber(text: string): string {
  return text.replace(/[\s№#-]/g, '').toUpperCase();
}

/** Whether the text, once compacted, is a whole Russian passport number of this kind (series and number). */
export function isRussianPassport(kind: PassportKind, text: string): boolean {
  const shape = SHAPES[kind];
  return new RegExp(`^\\d{${shape.series + shape.number}}$`).test(compactDocumentNumber(text));
}

/** Whether series and number, typed apart, have the Russian shape of this kind. */
export function hasRussianShape(kind: PassportKind, series: string, number: string): boolean {
  const shape = SHAPES[kind];
  return (
    new RegExp(`^\\d{${shape.series}}$`).test(compactDocumentNumber(series)) &&
    new RegExp(`^\\d{${shape.number}}$`).test(compactDocumentNumber(number))
  );
}

/** A Russian passport typed in one run ("751234567") split into its series and number; null otherwise. */
export function splitRussianPassport(
  kind: PassportKind,
  text: string,
): { series: string; number: string } | null {
  const digits = compactDocumentNumber(text);
  if (!isRussianPassport(kind, digits)) return null;
  const cut = SHAPES[kind].series;
  return { series: digits.slice(0, cut), number: digits.slice(cut) };
}

/** A Russian foreign passport as printed ("75 1234567"); any other number unchanged. */
export function formatForeignPassport(text: string): string {
  const split = splitRussianPassport('foreign_passport', text);
  return split ? `${split.series} ${split.number}` : text;
}

/** Series and number as one comparable string: the same passport typed two ways compares equal. */
export function passportIdentity(series: string, number: string): string {
  return compactDocumentNumber(series + number);
}
