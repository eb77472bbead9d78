/**
 * The one source of "now". Every repository, the import preview and the commit take a clock, so a
 * test pins the date once and every rule that depends on it (a birth date in the future, an expired
 * passport, a two-digit year) sees the same day.
 */
export interface Clock {
  now: () => Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock standing still at noon (local time) of an ISO date: the whole day is "today". */
export function fixedClock(isoDate: string): Clock {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const instant = new Date(year, month - 1, day, 12, 0, 0);
  return { now: () => new Date(instant) };
}

/** The clerk's calendar day (local time, not UTC: at 01:00 in Moscow it is already tomorrow's work). */
export function today(clock: Clock = systemClock): string {
  const now = clock.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A timestamp for created_at / updated_at / audit: UTC, sortable. */
export function timestamp(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}
