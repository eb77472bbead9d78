import type { ClientInput, DocumentInput } from '../domain/client';
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

export function foreignPassportOf(d: TouristDraft): DocumentInput | null {
  if (!d.passportNumber) return null;
  const citizenship = citizenshipOf(d);
  const { series, number } = splitForeign(d.passportNumber, citizenship);
  return {
    kind: 'foreign_passport',
    issuingCountry: citizenship,
    series,
    number,
    issueDate: null,
    expiryDate: d.passportExpiry ?? null,
    issuedBy: '',
    lastNameLat: d.lastNameLat ?? '',
    firstNameLat: d.firstNameLat ?? '',
    archived: false,
  };
}

export function clientFromDraft(d: TouristDraft): ClientInput {
  const documents: DocumentInput[] = [];
  const foreign = foreignPassportOf(d);
  if (foreign) documents.push(foreign);
  if (d.internalPassport) {
    const { series, number } = splitInternal(d.internalPassport);
    documents.push({
      kind: 'internal_passport',
      issuingCountry: 'RUS',
      series,
      number,
      issueDate: null,
      expiryDate: null,
      issuedBy: '',
      lastNameLat: '',
      firstNameLat: '',
      archived: false,
    });
  }
  return {
    lastNameRu: d.lastNameRu ?? '',
    firstNameRu: d.firstNameRu ?? '',
    middleNameRu: d.middleNameRu ?? '',
    lastNameLat: d.lastNameLat ?? '',
    firstNameLat: d.firstNameLat ?? '',
    gender: d.gender ?? null,
    birthDate: d.birthDate ?? null,
    birthPlace: '',
    citizenship: citizenshipOf(d),
    phone: d.phone ?? '',
    email: d.email ?? '',
    address: '',
    notes: '',
    preferences: '',
    cardLast4: '',
    documents,
  };
}
