import type { ClientInput, DocumentInput } from '../domain/client';
import { clientFromTourist, foreignPassportDocument } from '../domain/tourist-client';
import { normalizeTouristDocuments } from '../domain/tourist-validation';
import type { TouristFields } from '../domain/tour';
import type { TouristDraft } from './types';
import { isRussianPassport } from '../domain/passport';

/**
 * Without a citizenship column a list is taken as Russian, unless the passport cannot be a Russian
 * one (N12345678): then the citizenship is left empty for the clerk rather than guessed wrong.
 */
function citizenshipOf(d: TouristDraft): string {
  if (d.citizenship) return d.citizenship;
  return !d.passportNumber || isRussianPassport('foreign_passport', d.passportNumber) ? 'RUS' : '';
}

/** The tourist a draft describes; passports split into series and number as the card stores them. */
export function touristFromDraft(d: TouristDraft): TouristFields {
  return normalizeTouristDocuments({
    lastNameRu: d.lastNameRu ?? '',
    firstNameRu: d.firstNameRu ?? '',
    middleNameRu: d.middleNameRu ?? '',
    lastNameLat: d.lastNameLat ?? '',
    firstNameLat: d.firstNameLat ?? '',
    gender: d.gender ?? null,
    birthDate: d.birthDate ?? null,
    citizenship: citizenshipOf(d),
    passportSeries: '',
    passportNumber: d.passportNumber ?? '',
    passportIssueDate: d.passportNumber ? (d.passportIssueDate ?? null) : null,
    passportExpiry: d.passportExpiry ?? null,
    passportLastNameLat: d.passportNumber ? (d.lastNameLat ?? '') : '',
    passportFirstNameLat: d.passportNumber ? (d.firstNameLat ?? '') : '',
    internalSeries: '',
    internalNumber: d.internalPassport ?? '',
    ticketNumber: d.ticketNumber ?? '',
    phone: d.phone ?? '',
    email: d.email ?? '',
  });
}

/** The foreign passport a draft describes, as a client document (null without a number), with its issuer. */
export function foreignPassportOf(d: TouristDraft): DocumentInput | null {
  if (!d.passportNumber) return null;
  return { ...foreignPassportDocument(touristFromDraft(d)), issuedBy: d.passportAuthority ?? '' };
}

/**
 * A new regular client made from a draft: the same as from the tourist the draft becomes, plus what
 * only a client keeps (the place of birth, the passport's issuing authority).
 */
export function clientFromDraft(d: TouristDraft): ClientInput {
  const client = clientFromTourist(touristFromDraft(d));
  return {
    ...client,
    birthPlace: d.birthPlace ?? '',
    documents: client.documents.map((doc) =>
      doc.kind === 'foreign_passport' ? { ...doc, issuedBy: d.passportAuthority ?? '' } : doc,
    ),
  };
}
