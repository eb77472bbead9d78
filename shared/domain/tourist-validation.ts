import { internalPassportDocument } from './client';
import type { ValidationIssue } from './client-validation';
import { normalizeDocument, validateClient } from './client-validation';
import type { TourInput, TouristFields } from './tour';
import { clientFromTourist, foreignPassportDocument } from './tourist-client';

const DOCUMENT_FIELD_TO_TOURIST: Record<string, Record<string, string>> = {
  foreign_passport: {
    number: 'passportNumber',
    series: 'passportNumber',
    issueDate: 'passportIssueDate',
    expiryDate: 'passportExpiry',
    lastNameLat: 'passportLastNameLat',
    firstNameLat: 'passportFirstNameLat',
    issuingCountry: 'citizenship',
  },
  internal_passport: { number: 'internalNumber', series: 'internalNumber' },
};

/** The client rules applied to a tourist, with each issue pointed at the tourist form's field. */
export function validateTourist(tourist: TouristFields, today: string): ValidationIssue[] {
  const asClient = clientFromTourist(tourist);
  return validateClient(asClient, today).map((issue) => {
    const m = /^documents\.(\d+)\.(\w+)$/.exec(issue.path);
    if (!m) return issue;
    const kind = asClient.documents[Number(m[1])]?.kind ?? 'foreign_passport';
    return { ...issue, path: DOCUMENT_FIELD_TO_TOURIST[kind]?.[m[2] as string] ?? issue.path };
  });
}

/** Series and number as the client card stores them (a Russian passport typed in one run is split). */
export function normalizeTouristDocuments(tourist: TouristFields): TouristFields {
  const foreign = normalizeDocument({
    ...foreignPassportDocument(tourist),
    issuingCountry: tourist.citizenship || 'RUS',
  });
  const internal = normalizeDocument(
    internalPassportDocument(tourist.internalSeries, tourist.internalNumber),
  );
  return {
    ...tourist,
    lastNameLat: tourist.lastNameLat.trim().toUpperCase(),
    firstNameLat: tourist.firstNameLat.trim().toUpperCase(),
    passportSeries: foreign.series,
    passportNumber: foreign.number,
    passportLastNameLat: foreign.lastNameLat,
    passportFirstNameLat: foreign.firstNameLat,
    internalSeries: internal.series,
    internalNumber: internal.number,
  };
}

export function validateTour(tour: TourInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (tour.voucher.trim() === '') issues.push({ path: 'voucher', code: 'voucherRequired' });
  if (tour.arrivalDate && tour.departureDate && tour.departureDate < tour.arrivalDate) {
    issues.push({ path: 'departureDate', code: 'departureBeforeArrival' });
  }
  tour.services.forEach((s, i) => {
    if (s.startDate && s.endDate && s.endDate < s.startDate)
      issues.push({ path: `services.${i}.endDate`, code: 'departureBeforeArrival' });
  });
  return issues;
}
