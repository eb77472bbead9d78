/** Calendar arithmetic on ISO dates (yyyy-mm-dd), in TypeScript so no SQL date function is needed. */
import { addMonths } from '../domain/dates';

export { addMonths };

/** Whole months from `from` to `to` (negative when `to` is earlier); a month counts once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && td < fd) months -= 1;
  else if (months < 0 && td > fd) months += 1;
  return months;
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  /** "2025", "2025-Q2" or "2025-05". */
  key: string;
  start: string;
  /** The last day of the period. */
  end: string;
}

/** The period of the given kind holding the date. */
export function periodOf(date: string, kind: PeriodKind): Period {
  const [y, m] = parts(date);
  if (kind === 'year') return { key: String(y), start: iso(y, 1, 1), end: iso(y, 12, 31) };
  if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3);
    const start = iso(y, q * 3 + 1, 1);
    return { key: `${y}-Q${q + 1}`, start, end: addDays(addMonths(start, 3), -1) };
  }
  const start = iso(y, m, 1);
  return { key: start.slice(0, 7), start, end: addDays(addMonths(start, 1), -1) };
}

/** The `count` periods of a kind ending with the one holding `date`, oldest first. */
export function periodsEndingAt(date: string, kind: PeriodKind, count: number): Period[] {
  const step = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const result: Period[] = [];
  for (let i = count - 1; i >= 0; i -= 1)
    result.push(periodOf(addMonths(periodOf(date, kind).start, -step * i), kind));
  return result;
}

/** The first day from `today` on with the month and day of `date` (Feb 29 is Feb 28 in other years). */
export function nextAnniversary(date: string, today: string): string {
  const [, m, d] = parts(date);
  const [ty] = parts(today);
  for (const year of [ty, ty + 1]) {
    const candidate = iso(year, m, Math.min(d, daysInMonth(year, m)));
    if (candidate >= today) return candidate;
  }
  return iso(ty + 1, m, Math.min(d, daysInMonth(ty + 1, m)));
}

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
