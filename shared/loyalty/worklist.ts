import { addDays, addMonths, daysBetween, monthsBetween, nextAnniversary } from './periods';
import type { WorklistItem, WorklistReason } from './worklist-model';

export interface WorklistRules {
  /** 0: today only; 7: this week. */
  horizonDays: number;
  birthdayDays: number;
  dormantMonths: number;
  /** Months a passport must outlast the usual season when no trip is booked. */
  seasonMarginMonths: number;
}

export interface WorklistClient {
  id: number;
  name: string;
  phone: string;
  birthDate: string | null;
  passportExpiry: string | null;
  /** Trip starts up to today, sorted; the last one is the latest trip. */
  pastTrips: string[];
  /** The next booked trip (start after today) and the destination's passport margin. */
  nextTrip: { tourId: number; start: string; end: string; country: string; marginMonths: number } | null;
  /** Regular, loyal or advocate on the ladder. */
  regular: boolean;
  openComplaints: { id: number; receivedOn: string; score: number | null }[];
  /** Relatives (family links) on a tour booked within the horizon, without this client. */
  familyBookings: { relativeName: string; tourId: number; voucher: string; bookedOn: string }[];
}

type Item = Omit<WorklistItem, 'name' | 'phone' | 'clientId'>;

/**
 * The reasons to contact one client today (horizon 0) or within the week, each with the day it is
 * about and a key that stays the same while the reason does, so a done or dismissed item stays so.
 */
export function worklistReasons(c: WorklistClient, today: string, rules: WorklistRules): WorklistItem[] {
  const items: Item[] = [];
  const key = (reason: WorklistReason, anchor: string | number) => `${reason}:${c.id}:${anchor}`;
  const horizonEnd = addDays(today, rules.horizonDays);

  if (c.birthDate) {
    const day = nextAnniversary(c.birthDate, today);
    if (daysBetween(today, day) <= Math.max(rules.birthdayDays, rules.horizonDays)) {
      const age = Number(day.slice(0, 4)) - Number(c.birthDate.slice(0, 4));
      items.push({ key: key('birthday', day), reason: 'birthday', date: day, params: { age } });
    }
  }

  if (c.passportExpiry && c.nextTrip) {
    const needed = addMonths(c.nextTrip.end, c.nextTrip.marginMonths);
    if (c.passportExpiry < needed) {
      items.push({
        key: key('passportBeforeTrip', `${c.nextTrip.tourId}:${c.passportExpiry}`),
        reason: 'passportBeforeTrip',
        date: c.passportExpiry,
        params: { country: c.nextTrip.country, start: c.nextTrip.start, months: c.nextTrip.marginMonths },
      });
    }
  } else if (c.passportExpiry && c.pastTrips.length >= 2) {
    const season = nextSeasonStart(c.pastTrips, today);
    if (season !== null && c.passportExpiry < addMonths(season, rules.seasonMarginMonths)) {
      items.push({
        key: key('passportBeforeSeason', c.passportExpiry),
        reason: 'passportBeforeSeason',
        date: c.passportExpiry,
        params: { season, month: Number(season.slice(5, 7)) },
      });
    }
  }

  const last = c.pastTrips.at(-1);
  if (last && c.regular && !c.nextTrip && monthsBetween(last, today) >= rules.dormantMonths) {
    items.push({
      key: key('noTripLately', last),
      reason: 'noTripLately',
      date: last,
      params: { months: monthsBetween(last, today) },
    });
  }

  if (last && last.slice(0, 4) < today.slice(0, 4)) {
    const day = nextAnniversary(last, today);
    if (day <= horizonEnd) {
      items.push({
        key: key('tripAnniversary', last),
        reason: 'tripAnniversary',
        date: day,
        params: { years: Number(day.slice(0, 4)) - Number(last.slice(0, 4)) },
      });
    }
  }

  for (const complaint of c.openComplaints) {
    items.push({
      key: key('openComplaint', complaint.id),
      reason: 'openComplaint',
      date: complaint.receivedOn,
      params: {
        days: daysBetween(complaint.receivedOn, today),
        ...(complaint.score === null ? {} : { score: complaint.score }),
      },
    });
  }

  for (const booking of c.familyBookings) {
    items.push({
      key: key('familyBooked', booking.tourId),
      reason: 'familyBooked',
      date: booking.bookedOn,
      params: { relative: booking.relativeName, voucher: booking.voucher },
    });
  }

  return items.map((item) => ({ ...item, clientId: c.id, name: c.name, phone: c.phone }));
}

/**
 * The first day of the month the client most often starts a trip in (ties: the earliest month),
 * this year or next, from today on.
 */
export function nextSeasonStart(tripStarts: readonly string[], today: string): string | null {
  if (tripStarts.length === 0) return null;
  const counts = new Map<number, number>();
  for (const start of tripStarts) {
    const month = Number(start.slice(5, 7));
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [month, count] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = month;
      bestCount = count;
    }
  }
  const thisYear = `${today.slice(0, 4)}-${String(best).padStart(2, '0')}-01`;
  return thisYear >= today.slice(0, 8) + '01' ? thisYear : addMonths(thisYear, 12);
}
