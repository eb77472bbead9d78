import { formatDate } from '../domain/dates';
import type { ValidationCode } from '../domain/client-validation';
import { validateTourist } from '../domain/tourist-validation';
import type { TouristFields } from '../domain/tour';
import { touristFromDraft } from './draft-records';
import type { DraftField, ImportIssue, ImportIssueCode, TouristDraft } from './types';

/** The tourist field a commit rule names, as the import field the clerk sees it in. */
const FIELD_OF_PATH: Readonly<Record<string, DraftField>> = {
  lastNameRu: 'lastNameRu',
  firstNameRu: 'firstNameRu',
  middleNameRu: 'middleNameRu',
  lastNameLat: 'lastNameLat',
  firstNameLat: 'firstNameLat',
  passportLastNameLat: 'lastNameLat',
  passportFirstNameLat: 'firstNameLat',
  gender: 'gender',
  birthDate: 'birthDate',
  citizenship: 'citizenship',
  passportNumber: 'passportNumber',
  passportSeries: 'passportNumber',
  passportIssueDate: 'passportIssueDate',
  passportExpiry: 'passportExpiry',
  internalNumber: 'internalPassport',
  internalSeries: 'internalPassport',
  ticketNumber: 'ticketNumber',
  phone: 'phone',
  email: 'email',
};

/** The import's own words for the rules a tourist can break; any other rule is worded generally. */
const CODE_OF_RULE: Readonly<Partial<Record<ValidationCode, ImportIssueCode>>> = {
  nameRequired: 'surnameMissing',
  nameHasDigits: 'nameHasDigits',
  latinOnly: 'latinOnly',
  dateInFuture: 'dateInFuture',
  dateInvalid: 'dateInvalid',
  emailInvalid: 'emailInvalid',
  countryCode: 'countryCode',
  documentNumberRequired: 'documentNumberRequired',
  ruForeignPassport: 'passportFormat',
  ruInternalPassport: 'internalPassportFormat',
  expiryBeforeIssue: 'expiryBeforeIssue',
};

/** The value a rule is about, as the clerk reads it (dates as dd.mm.yyyy). */
function shownValue(tourist: TouristFields, path: string): string {
  const value = (tourist as unknown as Record<string, string | null>)[path];
  if (value === null || value === undefined) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}

/**
 * Every rule the commit enforces on the tourist a draft becomes (validateTourist, the same function
 * import.commit runs), as errors on import fields: what the preview shows is what Load would refuse.
 */
export function commitIssues(draft: TouristDraft, today: string): ImportIssue[] {
  const tourist = touristFromDraft(draft);
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  for (const rule of validateTourist(tourist, today)) {
    const field = FIELD_OF_PATH[rule.path] ?? 'lastNameRu';
    const code = CODE_OF_RULE[rule.code] ?? 'invalid';
    const key = `${field}:${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = shownValue(tourist, rule.path);
    issues.push({
      field,
      severity: 'error',
      code,
      ...(value !== '' || rule.params ? { params: { ...rule.params, value } } : {}),
    });
  }
  return issues;
}
