import { today as clockToday } from './clock';

/**
 * Calendar dates travel as ISO strings (yyyy-mm-dd); clerks type them as dd.mm.yyyy and lists bring
 * every other spelling. This is the one parser of dates and the one two-digit-year rule.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const EN_MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * What a date is about decides its two-digit year: a birth date ('past') is never after this year,
 * so 85 is 1985 and 07 is 2007; a passport expiry or a travel date ('future') is in this century.
 */
export type DateKind = 'past' | 'future';

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function expandTwoDigitYear(twoDigits: number, kind: DateKind, currentYear: number): number {
  const year = 2000 + twoDigits;
  return kind === 'past' && year > currentYear ? year - 100 : year;
}

function checked(year: number, month: number, day: number): string | null {
  return isValidYmd(year, month, day) ? toIsoDate(year, month, day) : null;
}

function yearOf(text: string, kind: DateKind, currentYear: number): number {
  return text.length === 2 ? expandTwoDigitYear(Number(text), kind, currentYear) : Number(text);
}

/**
 * Any date a person writes: 31.12.1980, 31/12/80, 31-12-1980, 1980-12-31, 31DEC80 (GDS),
 * "14 мая 1980 г.". Returns null for anything that is not a real calendar date (31.02.2020).
 */
export function parseDate(text: string, kind: DateKind, today: string = clockToday()): string | null {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/\s*г\.?$/, '')
    .replace(/\s+/g, ' ');
  if (value === '') return null;
  const currentYear = Number(today.slice(0, 4));
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(value);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{2}|\d{4})$/.exec(value);
  if (m) return checked(yearOf(m[3]!, kind, currentYear), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2}) ?([a-z]{3}) ?(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const month = EN_MONTHS.indexOf(m[2]!.toUpperCase()) + 1;
    return month > 0 ? checked(yearOf(m[3]!, kind, currentYear), month, Number(m[1])) : null;
  }
  m = /^(\d{1,2}) ([а-яё]+)\.? (\d{4})$/.exec(value);
  if (m) {
    const word = m[2]!;
    const month = RU_MONTHS.findIndex((p) => word.startsWith(p)) + 1;
    return month > 0 ? checked(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Adds whole days (negative: earlier) to an ISO date, across months and leap years. */
export function addDays(iso: string, days: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Adds whole months to an ISO date, clamping to the month's last day (31.01 + 1 month = 28/29.02). */
export function addMonths(iso: string, months: number): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return toIsoDate(year, month, Math.min(Number(m[3]), lastDay));
}
