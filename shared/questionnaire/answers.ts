import { formatDate, isIsoDate } from '../domain/dates';
import type { Answer, FormField } from './model';
import { FAMILY_MEMBER_KEY, type FieldBinding, type QuestionnaireLanguage } from './reference';
import { translateValue, type Dictionary } from './translate';

/** What pre-filling knows about a person and a trip; country values are already Russian names. */
export interface PrefillContext {
  person: {
    lastNameLat: string;
    firstNameLat: string;
    lastNameRu: string;
    firstNameRu: string;
    middleNameRu: string;
    gender: 'M' | 'F' | null;
    birthDate: string | null;
    birthPlace: string;
    citizenship: string;
    phone: string;
    email: string;
    address: string;
  };
  passport: {
    number: string;
    issueDate: string | null;
    expiry: string | null;
    issuingCountry: string;
    issuedBy: string;
  } | null;
  tour: {
    country: string;
    arrivalDate: string | null;
    departureDate: string | null;
    hotel: string;
    resort: string;
  } | null;
}

export function bindingSource(binding: FieldBinding, ctx: PrefillContext): string {
  const { person, passport, tour } = ctx;
  switch (binding) {
    case 'lastNameLat':
    case 'firstNameLat':
    case 'lastNameRu':
    case 'firstNameRu':
    case 'middleNameRu':
    case 'birthPlace':
    case 'citizenship':
    case 'phone':
    case 'email':
    case 'address':
      return person[binding];
    case 'gender':
      return person.gender ?? '';
    case 'birthDate':
      return person.birthDate ?? '';
    case 'passportNumber':
      return passport?.number ?? '';
    case 'passportIssueDate':
      return passport?.issueDate ?? '';
    case 'passportExpiry':
      return passport?.expiry ?? '';
    case 'passportIssuingCountry':
      return passport?.issuingCountry ?? '';
    case 'passportIssuedBy':
      return passport?.issuedBy ?? '';
    case 'tourCountry':
      return tour?.country ?? '';
    case 'tourArrival':
      return tour?.arrivalDate ?? '';
    case 'tourDeparture':
      return tour?.departureDate ?? '';
    case 'tourHotel':
      return tour?.hotel ?? '';
    case 'tourResort':
      return tour?.resort ?? '';
  }
}

export const YES_NO = {
  yes: { ru: 'Да', en: 'Yes', fr: 'Oui' },
  no: { ru: 'Нет', en: 'No', fr: 'Non' },
} as const;

/** Codes of a multi-choice answer are stored comma-separated. */
export function choiceCodes(source: string): string[] {
  return source
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

export interface AnswerValue {
  value: string;
  unknownWords: string[];
}

/** The printed value of a source answer in the form's language (R12, R13). */
export function answerValue(
  field: FormField,
  source: string,
  language: QuestionnaireLanguage,
  dictionary: Dictionary,
): AnswerValue {
  const plain = (value: string): AnswerValue => ({ value, unknownWords: [] });
  if (source.trim() === '') return plain('');
  switch (field.type) {
    case 'date':
      return plain(isIsoDate(source) ? formatDate(source) : source.trim());
    case 'yesno':
      return plain(source === 'yes' || source === 'no' ? YES_NO[source][language] : source);
    case 'choice':
    case 'multichoice': {
      const labels = choiceCodes(source).map(
        (code) => field.options.find((o) => o.code === code)?.label[language] || code,
      );
      return plain(labels.join('; '));
    }
    case 'text': {
      if (language === 'ru') return plain(source.trim());
      const translated = translateValue(source.trim(), field.translation, language, dictionary);
      return { value: translated.text, unknownWords: translated.unknownWords };
    }
  }
}

export interface StoredAnswer {
  source: string;
  value: string;
  /** The clerk accepted the value with its Russian words as it is. */
  accepted?: boolean;
}

const CYRILLIC_WORD = /[\p{Script=Cyrillic}][\p{Script=Cyrillic}'’-]*/gu;

/**
 * Russian words a value printed in English or French still holds: what the dictionary did not
 * translate and the clerk skipped. A Russian form has none.
 */
export function untranslatedWords(value: string, language: QuestionnaireLanguage): string[] {
  if (language === 'ru') return [];
  const words: string[] = [];
  for (const match of value.matchAll(CYRILLIC_WORD)) {
    const word = match[0].toLowerCase();
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

function withUntranslated(
  answer: Omit<Answer, 'untranslated'>,
  language: QuestionnaireLanguage,
  accepted = false,
): Answer {
  return { ...answer, untranslated: accepted ? [] : untranslatedWords(answer.value, language) };
}

/**
 * What a questionnaire shows for each field: the subject's own answer, else the regular client's
 * earlier answer to the same field, else the bound client/tour data, else the default option.
 */
export function resolveAnswers(
  fields: readonly FormField[],
  own: ReadonlyMap<string, StoredAnswer>,
  fromClient: ReadonlyMap<string, StoredAnswer>,
  ctx: PrefillContext,
  language: QuestionnaireLanguage,
  dictionary: Dictionary,
): Answer[] {
  return fields.map((field) => {
    const stored = own.get(field.key);
    if (stored) {
      const { source, value } = stored;
      return withUntranslated(
        { fieldKey: field.key, source, value, origin: 'answer' },
        language,
        stored.accepted,
      );
    }
    const earlier = field.binding === null ? fromClient.get(field.key) : undefined;
    if (earlier) {
      const { source, value } = earlier;
      return withUntranslated(
        { fieldKey: field.key, source, value, origin: 'client' },
        language,
        earlier.accepted,
      );
    }
    const bound = field.binding ? bindingSource(field.binding, ctx) : '';
    if (bound !== '') {
      const { value } = answerValue(field, bound, language, dictionary);
      return withUntranslated({ fieldKey: field.key, source: bound, value, origin: 'binding' }, language);
    }
    const defaults = field.options.filter((o) => o.isDefault).map((o) => o.code);
    if (defaults.length > 0 && (field.type === 'choice' || field.type === 'multichoice')) {
      const source = field.type === 'choice' ? defaults[0]! : defaults.join(',');
      const { value } = answerValue(field, source, language, dictionary);
      return withUntranslated({ fieldKey: field.key, source, value, origin: 'default' }, language);
    }
    return { fieldKey: field.key, source: '', value: '', origin: 'empty', untranslated: [] };
  });
}

/** The applicant said they are a family member of an EU, EEA or CH citizen (the form's * rule). */
export function isFamilyMember(answers: readonly Answer[]): boolean {
  return answers.some((a) => a.fieldKey === FAMILY_MEMBER_KEY && a.source === 'yes');
}

/**
 * Required fields left without a value, in form order (shown before printing). A family member of
 * an EU, EEA or CH citizen does not fill the fields marked *. Required choice lists that share a
 * number are alternatives (field 32's two columns: by the applicant, by a sponsor): one is enough.
 */
export function missingRequired(fields: readonly FormField[], answers: readonly Answer[]): FormField[] {
  const byKey = new Map(answers.map((a) => [a.fieldKey, a]));
  const filled = (f: FormField) => (byKey.get(f.key)?.value.trim() ?? '') !== '';
  const family = isFamilyMember(answers);
  const alternatives = (f: FormField) =>
    f.type === 'multichoice'
      ? fields.filter(
          (o) => o.required && o.type === 'multichoice' && o.number === f.number && f.number !== '',
        )
      : [f];
  return fields.filter((f) => {
    if (!f.required || (family && f.familyExempt)) return false;
    const group = alternatives(f);
    // The group is listed once, under its first field.
    return group[0] === f && !group.some(filled);
  });
}

/** What goes on paper: a family member's answers to the fields marked * are printed blank. */
export function printedAnswers(fields: readonly FormField[], answers: readonly Answer[]): Answer[] {
  if (!isFamilyMember(answers)) return [...answers];
  const exempt = new Set(fields.filter((f) => f.familyExempt).map((f) => f.key));
  return answers.map((a) =>
    exempt.has(a.fieldKey) ? { ...a, source: '', value: '', origin: 'empty', untranslated: [] } : a,
  );
}

/** Printed values that still hold untranslated Russian words (the print check lists them). */
export function untranslatedFields(
  fields: readonly FormField[],
  answers: readonly Answer[],
): { field: FormField; words: string[] }[] {
  const byKey = new Map(answers.map((a) => [a.fieldKey, a]));
  return fields
    .map((field) => ({ field, words: byKey.get(field.key)?.untranslated ?? [] }))
    .filter((u) => u.words.length > 0);
}

/** ИВАНОВ И. П.: the questionnaire header's surname and initials. */
export function surnameWithInitials(lastName: string, ...names: string[]): string {
  const initials = names
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => `${Array.from(n)[0]!.toUpperCase()}.`)
    .join(' ');
  return [lastName.trim().toUpperCase(), initials].filter((s) => s !== '').join(' ');
}
