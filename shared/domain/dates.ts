/** Calendar dates travel as ISO strings (yyyy-mm-dd); clerks type them as dd.mm.yyyy. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/;

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

/**
 * Parses a date as a clerk types it (31.12.1980, 31/12/80, 1980-12-31). Two-digit years are
 * read as the most recent past year when `pastOnly` (birth dates), otherwise as 20yy.
 * Returns null for anything that is not a real calendar date (31.02.2020).
 */
export function parseTypedDate(
  text: string,
  options: { pastOnly?: boolean; today?: string } = {},
): string | null {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const m = TYPED_DATE.exec(value);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = Number(m[3]);
  if ((m[3] as string).length === 2) {
    const currentYear = Number((options.today ?? todayIso()).slice(0, 4));
    year += 2000;
    if (options.pastOnly && year > currentYear) year -= 100;
  }
  return isValidYmd(year, month, day) ? toIsoDate(year, month, day) : null;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
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
