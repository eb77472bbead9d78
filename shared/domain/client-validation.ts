import type { ClientInput, DocumentInput } from './client';
import { compactDocumentNumber, hasRussianShape, splitRussianPassport } from './passport';

/** A problem with one field; `code` is an i18n key under `validation.`, `path` names the field. */
export interface ValidationIssue {
  path: string;
  code: ValidationCode;
  params?: Record<string, string | number>;
}

export type ValidationCode =
  | 'nameRequired'
  | 'nameHasDigits'
  | 'latinOnly'
  | 'dateInFuture'
  | 'dateInvalid'
  | 'emailInvalid'
  | 'countryCode'
  | 'documentNumberRequired'
  | 'ruForeignPassport'
  | 'ruInternalPassport'
  | 'expiryBeforeIssue'
  | 'cardDigits'
  | 'voucherRequired'
  | 'voucherTaken'
  | 'departureBeforeArrival'
  | 'labelRequired'
  | 'formUnknown'
  | 'keyTaken'
  | 'optionsRequired'
  | 'dictionaryDuplicate'
  | 'noForm'
  /** A consulate's PDF or Word form (issue 16): no fields, or a value its font cannot print. */
  | 'noFormFields'
  | 'pdfFontCharacters'
  | 'pdfFieldTooLong'
  | 'rowInvalid'
  | 'textForbiddenChar'
  | 'tooLong'
  | 'numberRange'
  | 'countryUnknown';

const LATIN_NAME = /^[A-Za-z' -]*$/;
const HAS_DIGIT = /\d/;
const COUNTRY_CODE = /^[A-Z]{3}$/;

/**
 * Cleans what a clerk types into a document's series and number: spaces and "№" go, and a Russian
 * passport typed as one run of digits is split into its series and number.
 */
export function normalizeDocument(doc: DocumentInput): DocumentInput {
  let series = compactDocumentNumber(doc.series);
  let number = compactDocumentNumber(doc.number);
  const russian = doc.issuingCountry === 'RUS';
  if (russian && series === '' && (doc.kind === 'foreign_passport' || doc.kind === 'internal_passport')) {
    const split = splitRussianPassport(doc.kind, number);
    if (split) ({ series, number } = split);
  }
  if (!russian || doc.kind === 'birth_certificate' || doc.kind === 'other') {
    series = doc.series.trim().toUpperCase();
    number = doc.number.trim().replace(/^№\s*/, '').toUpperCase();
  }
  return {
    ...doc,
    series,
    number,
    issuedBy: doc.issuedBy.trim(),
    lastNameLat: doc.lastNameLat.trim().toUpperCase(),
    firstNameLat: doc.firstNameLat.trim().toUpperCase(),
  };
}

export function normalizeClientInput(input: ClientInput): ClientInput {
  const trim = (s: string) => s.replace(/\s+/g, ' ').trim();
  return {
    ...input,
    lastNameRu: trim(input.lastNameRu),
    firstNameRu: trim(input.firstNameRu),
    middleNameRu: trim(input.middleNameRu),
    lastNameLat: trim(input.lastNameLat).toUpperCase(),
    firstNameLat: trim(input.firstNameLat).toUpperCase(),
    birthPlace: trim(input.birthPlace),
    citizenship: trim(input.citizenship).toUpperCase(),
    phone: trim(input.phone),
    email: trim(input.email),
    documents: input.documents.map(normalizeDocument),
  };
}

function validateDocument(doc: DocumentInput, index: number, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (field: string) => `documents.${index}.${field}`;
  if (doc.number.trim() === '') issues.push({ path: at('number'), code: 'documentNumberRequired' });
  const russian = doc.issuingCountry === 'RUS';
  const kind = doc.kind;
  if (russian && (kind === 'foreign_passport' || kind === 'internal_passport') && doc.number.trim() !== '') {
    const split = doc.series.trim() === '' ? splitRussianPassport(kind, doc.number) : null;
    if (!split && !hasRussianShape(kind, doc.series, doc.number)) {
      issues.push({
        path: at('number'),
        code: kind === 'foreign_passport' ? 'ruForeignPassport' : 'ruInternalPassport',
      });
    }
  }
  if (doc.issueDate && doc.issueDate > today) issues.push({ path: at('issueDate'), code: 'dateInFuture' });
  if (doc.issueDate && doc.expiryDate && doc.expiryDate <= doc.issueDate) {
    issues.push({ path: at('expiryDate'), code: 'expiryBeforeIssue' });
  }
  if (doc.issuingCountry !== '' && !COUNTRY_CODE.test(doc.issuingCountry)) {
    issues.push({ path: at('issuingCountry'), code: 'countryCode' });
  }
  for (const field of ['lastNameLat', 'firstNameLat'] as const) {
    if (!LATIN_NAME.test(doc[field])) issues.push({ path: at(field), code: 'latinOnly' });
  }
  return issues;
}

/** Every rule a client must satisfy before it is saved; the same function runs in the card and the backend. */
export function validateClient(input: ClientInput, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (input.lastNameRu.trim() === '' && input.lastNameLat.trim() === '') {
    issues.push({ path: 'lastNameRu', code: 'nameRequired' });
  }
  for (const field of ['lastNameRu', 'firstNameRu', 'middleNameRu'] as const) {
    if (HAS_DIGIT.test(input[field])) issues.push({ path: field, code: 'nameHasDigits' });
  }
  for (const field of ['lastNameLat', 'firstNameLat'] as const) {
    if (!LATIN_NAME.test(input[field])) issues.push({ path: field, code: 'latinOnly' });
  }
  if (!/^\d{0,4}$/.test(input.cardLast4)) issues.push({ path: 'cardLast4', code: 'cardDigits' });
  if (input.birthDate && input.birthDate > today) issues.push({ path: 'birthDate', code: 'dateInFuture' });
  if (input.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) {
    issues.push({ path: 'email', code: 'emailInvalid' });
  }
  if (input.citizenship.trim() !== '' && !COUNTRY_CODE.test(input.citizenship.trim().toUpperCase())) {
    issues.push({ path: 'citizenship', code: 'countryCode' });
  }
  input.documents.forEach((doc, i) => issues.push(...validateDocument(doc, i, today)));
  return issues;
}
