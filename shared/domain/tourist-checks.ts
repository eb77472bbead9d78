import { addMonths } from './dates';
import type { TouristFields } from './tour';

export type TouristWarning =
  | { code: 'passportMissing' }
  | { code: 'passportExpiresTooSoon'; expiry: string; requiredUntil: string; marginMonths: number }
  | { code: 'latinDiffersFromPassport'; tourist: string; passport: string };

/**
 * Warnings a clerk should see before the trip: a passport that is not valid long enough after the
 * return (the destination's margin), and a Latin name that is not the one printed in the passport.
 */
export function touristWarnings(
  tourist: TouristFields,
  trip: { departureDate: string | null; arrivalDate: string | null },
  marginMonths: number,
): TouristWarning[] {
  const warnings: TouristWarning[] = [];
  const returnDate = trip.departureDate ?? trip.arrivalDate;
  if (tourist.passportNumber === '') warnings.push({ code: 'passportMissing' });
  else if (returnDate && tourist.passportExpiry) {
    const requiredUntil = addMonths(returnDate, marginMonths);
    if (tourist.passportExpiry < requiredUntil) {
      warnings.push({
        code: 'passportExpiresTooSoon',
        expiry: tourist.passportExpiry,
        requiredUntil,
        marginMonths,
      });
    }
  }
  const latin = `${tourist.lastNameLat} ${tourist.firstNameLat}`.trim().toUpperCase();
  const printed = `${tourist.passportLastNameLat} ${tourist.passportFirstNameLat}`.trim().toUpperCase();
  if (latin !== '' && printed !== '' && latin !== printed) {
    warnings.push({ code: 'latinDiffersFromPassport', tourist: latin, passport: printed });
  }
  return warnings;
}
