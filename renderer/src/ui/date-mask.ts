import { formatDate, parseDate, type DateKind } from '../../../shared/domain/dates';

/**
 * What a date box shows while the clerk types: digits only get their dots put in
 * (01011990 → 01.01.1990, 010190 → 01.01.90); a text with its own separators keeps them as dots
 * (1.1.1990 stays, 1/1/90 → 1.1.90). Nothing typed is dropped: letters (14 мая 1980, 14MAY80)
 * stay as they are for the parser.
 */
export function maskDateText(raw: string): string {
  const text = raw.replace(/^\s+/, '');
  if (/[^\d./\- ]/.test(text)) return text;
  // Digits with the dots the mask put in (01.011 while typing on) are masked again from their digits;
  // a group the clerk typed short (1.1.1990) is theirs and stays.
  const groups = text.split('.');
  const digits = groups.join('');
  const masked = /^\d*$/.test(digits) && groups.slice(0, -1).every((g, i) => g.length === 2 && i < 2);
  if (masked && digits.length > 0 && digits.length <= 8) {
    const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter((p) => p !== '');
    return parts.join('.');
  }
  return text.replace(/[/\- ]/g, '.');
}

/**
 * The date a finished text stands for, by the one rule of shared/domain/dates.ts: a two-digit year
 * is in the past for a birth date or an issue date, in this century for travel and expiry dates.
 * Returns the ISO date, '' for an empty box, or null when the text is not a real date.
 */
export function resolveDateText(text: string, kind: DateKind, today?: string): string | null {
  if (text.trim() === '') return '';
  return parseDate(text, kind, today);
}

/** The text a box shows once left: a real date in full (01.01.90 → 01.01.1990), anything else as typed. */
export function settledDateText(text: string, kind: DateKind, today?: string): string {
  const iso = resolveDateText(text, kind, today);
  return iso ? formatDate(iso) : text;
}
