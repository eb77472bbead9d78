import type { ClientInput, DocumentInput } from '../domain/client';
import { clientFromTourist, foreignPassportDocument } from '../domain/tourist-client';
import type { TouristFields } from '../domain/tour';
import type { TouristDraft } from './types';

/** A Russian foreign passport is printed as a 2-digit series and a 7-digit number. */
function splitForeign(number: string, citizenship: string): { series: string; number: string } {
  if (citizenship === 'RUS' && /^\d{9}$/.test(number))
    return { series: number.slice(0, 2), number: number.slice(2) };
  return { series: '', number };
}

function splitInternal(number: string): { series: string; number: string } {
  return /^\d{10}$/.test(number)
    ? { series: number.slice(0, 4), number: number.slice(4) }
    : { series: '', number };
}

/**
 * Without a citizenship column a list is taken as Russian, unless the passport cannot be a Russian
 * one (N12345678): then the citizenship is left empty for the clerk rather than guessed wrong.
 */
function citizenshipOf(d: TouristDraft): string {
  if (d.citizenship) return d.citizenship;
  return !d.passportNumber || /^\d{9}$/.test(d.passportNumber) ? 'RUS' : '';
}

export function touristFromDraft(d: TouristDraft): TouristFields {
  const citizenship = citizenshipOf(d);
  const foreign = splitForeign(d.passportNumber ?? '', citizenship);
  const internal = splitInternal(d.internalPassport ?? '');
  return {
    lastNameRu: d.lastNameRu ?? '',
    firstNameRu: d.firstNameRu ?? '',
    middleNameRu: d.middleNameRu ?? '',
    lastNameLat: d.lastNameLat ?? '',
    firstNameLat: d.firstNameLat ?? '',
    gender: d.gender ?? null,
    birthDate: d.birthDate ?? null,
    citizenship,
    passportSeries: foreign.series,
    passportNumber: foreign.number,
    passportIssueDate: null,
    passportExpiry: d.passportExpiry ?? null,
    passportLastNameLat: d.passportNumber ? (d.lastNameLat ?? '') : '',
    passportFirstNameLat: d.passportNumber ? (d.firstNameLat ?? '') : '',
    internalSeries: internal.series,
    internalNumber: internal.number,
    ticketNumber: d.ticketNumber ?? '',
    phone: d.phone ?? '',
    email: d.email ?? '',
  };
}

/** The foreign passport a draft describes, as a client document (null without a number). */
export function foreignPassportOf(d: TouristDraft): DocumentInput | null {
  return d.passportNumber ? foreignPassportDocument(touristFromDraft(d)) : null;
}

/** A new regular client made from a draft: the same as from the tourist the draft becomes. */
export function clientFromDraft(d: TouristDraft): ClientInput {
  return clientFromTourist(touristFromDraft(d));
}
