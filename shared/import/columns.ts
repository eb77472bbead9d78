import { hasCyrillic, hasLatin } from '../names';
import { compactDocumentNumber, isRussianPassport } from '../domain/passport';
import { normalizeCitizenship, normalizeDate, normalizeGender, normalizePaxType } from './normalize';
import type { TargetField } from './types';

/** Lower case, "ё" as "е", without .,:№#() and with single spaces: how headers are compared. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[-.,:№#()"«»*/_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Script = 'ru' | 'lat' | 'any';

/** Header synonyms (research notes 6.4): a header names a field; "ru/lat" ones are settled by the content's script. */
const HEADER_SYNONYMS: readonly [TargetField | 'surname' | 'name' | 'fullName', readonly string[]][] = [
  [
    'lastNameLat',
    [
      'фамилия лат',
      'фамилия латиницей',
      'фамилия как в загранпаспорте',
      'фамилия англ',
      'фамилия en',
      'surname lat',
      'lastname lat',
    ],
  ],
  ['firstNameLat', ['имя лат', 'имя латиницей', 'имя как в загранпаспорте', 'имя англ', 'имя en']],
  ['surname', ['фамилия', 'surname', 'last name', 'lastname', 'family name']],
  ['name', ['имя', 'first name', 'firstname', 'given name', 'given names', 'forename', 'name']],
  ['middleNameRu', ['отчество', 'patronymic', 'middle name']],
  [
    'fullName',
    [
      'фио',
      'ф и о',
      'турист',
      'пассажир',
      'гость',
      'клиент',
      'full name',
      'passenger',
      'pax',
      'guest name',
      'traveller',
      'traveler',
      'name surname',
    ],
  ],
  ['gender', ['пол', 'sex', 'gender', 'обращение', 'title', 'm f']],
  [
    'birthDate',
    [
      'дата рождения',
      'д р',
      'др',
      'дата рожд',
      'dob',
      'date of birth',
      'birth date',
      'birthdate',
      'birthday',
    ],
  ],
  ['paxType', ['категория', 'возраст', 'тип', 'pax type', 'paxtype', 'type']],
  ['passportSeries', ['серия загранпаспорта', 'серия паспорта', 'серия']],
  [
    'passportNumber',
    [
      'загранпаспорт',
      'з п',
      'номер загранпаспорта',
      'серия и номер загранпаспорта',
      'номер паспорта',
      'паспорт',
      'passport',
      'passport no',
      'passport number',
      'document number',
      'doc no',
      'номер',
    ],
  ],
  [
    'passportExpiry',
    [
      'срок действия',
      'действителен до',
      'годен до',
      'дата окончания',
      'загранпаспорт действителен до',
      'действует до',
      'expiry',
      'expiry date',
      'exp',
      'date of expiry',
      'valid until',
      'passport expiry',
    ],
  ],
  [
    'internalPassport',
    ['паспорт рф', 'общегражданский паспорт', 'внутренний паспорт', 'internal passport', 'national id'],
  ],
  ['citizenship', ['гражданство', 'nationality', 'citizenship']],
  ['ticketNumber', ['номер билета', 'билет', 'ticket no', 'ticket', 'e ticket', 'eticket', 'tkt']],
  ['phone', ['телефон', 'тел', 'моб телефон', 'phone', 'mobile', 'tel']],
  ['email', ['e mail', 'email', 'эл почта', 'почта', 'электронная почта']],
];

// Reversed so that the first field listing a name wins, as the table reads top down.
const HEADER_INDEX: ReadonlyMap<string, (typeof HEADER_SYNONYMS)[number][0]> = new Map(
  HEADER_SYNONYMS.flatMap(([field, names]) => names.map((name) => [name, field] as const)).reverse(),
);

export function headerField(header: string): (typeof HEADER_SYNONYMS)[number][0] | null {
  const key = normalizeHeader(header);
  if (key === '') return null;
  return HEADER_INDEX.get(key) ?? null;
}

export type ColumnGuess = { field: TargetField; confidence: number } | null;

function scriptOf(values: string[]): Script {
  const ru = values.filter(hasCyrillic).length;
  const lat = values.filter((v) => hasLatin(v) && !hasCyrillic(v)).length;
  if (ru === 0 && lat === 0) return 'any';
  return ru >= lat ? 'ru' : 'lat';
}

const share = <T>(values: T[], test: (v: T) => boolean) =>
  values.length === 0 ? 0 : values.filter(test).length / values.length;

const PATRONYMIC = /(вич|вна|ична|оглы|кызы)$/i;

/** What a column holds, judged by its values alone (for lists without a header, or unknown headers). */
export function guessFromContent(values: string[], currentYear: number): ColumnGuess {
  const v = values
    .map((x) => x.trim())
    .filter(Boolean)
    .slice(0, 200);
  if (v.length === 0) return null;
  const today = `${currentYear}`;
  const dates = v.map((x) => normalizeDate(x, 'past', `${currentYear}-12-31`));
  if (share(dates, (d) => d !== null) >= 0.8) {
    const future = dates.filter((d) => d !== null && d.slice(0, 4) >= today).length;
    return future > dates.length / 2
      ? { field: 'passportExpiry', confidence: 0.7 }
      : { field: 'birthDate', confidence: 0.7 };
  }
  if (share(v, (x) => /\/[A-Z]/i.test(x) && hasLatin(x)) >= 0.6)
    return { field: 'fullNameLat', confidence: 0.8 };
  if (share(v, (x) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(x)) >= 0.8)
    return { field: 'email', confidence: 0.9 };
  if (share(v, (x) => normalizeGender(x) !== null) >= 0.8) return { field: 'gender', confidence: 0.8 };
  if (share(v, (x) => normalizePaxType(x) !== null && x.length <= 3) >= 0.8)
    return { field: 'paxType', confidence: 0.6 };
  if (share(v, (x) => normalizeCitizenship(x) !== null) >= 0.8)
    return { field: 'citizenship', confidence: 0.8 };
  const digits = v.map(compactDocumentNumber);
  if (share(digits, (x) => isRussianPassport('foreign_passport', x)) >= 0.8)
    return { field: 'passportNumber', confidence: 0.75 };
  if (share(digits, (x) => isRussianPassport('internal_passport', x)) >= 0.8)
    return { field: 'internalPassport', confidence: 0.7 };
  if (share(digits, (x) => /^\d{13}$/.test(x)) >= 0.8) return { field: 'ticketNumber', confidence: 0.7 };
  if (share(v, (x) => /^\+?[\d\s()-]{10,}$/.test(x)) >= 0.8) return { field: 'phone', confidence: 0.7 };
  if (share(v, (x) => /^[A-Z]{1,2}\d{6,8}$/i.test(x.replace(/\s/g, ''))) >= 0.8)
    return { field: 'passportNumber', confidence: 0.6 };
  const words = v.map((x) => x.split(/\s+/).length);
  const script = scriptOf(v);
  const multiWord = share(words, (n) => n >= 2) >= 0.6;
  if (script === 'ru') {
    if (multiWord) return { field: 'fullNameRu', confidence: 0.7 };
    if (share(v, (x) => PATRONYMIC.test(x)) >= 0.6) return { field: 'middleNameRu', confidence: 0.7 };
    return { field: 'lastNameRu', confidence: 0.4 };
  }
  if (script === 'lat')
    return multiWord ? { field: 'fullNameLat', confidence: 0.6 } : { field: 'lastNameLat', confidence: 0.4 };
  return null;
}

/**
 * Detects each column's target: by its header where there is one (Фамилия becomes the Russian or
 * the Latin surname by what the column holds), else by its content. Two single-name columns in a
 * row are read as surname then first name.
 */
export function detectMapping(
  headers: string[] | null,
  columns: string[][],
  currentYear: number,
): { mapping: (TargetField | null)[]; confidence: number[] } {
  const mapping: (TargetField | null)[] = [];
  const confidence: number[] = [];
  const taken = new Set<TargetField>();
  columns.forEach((values, c) => {
    const fromHeader = headers ? headerField(headers[c] ?? '') : null;
    const script = scriptOf(values.filter(Boolean).slice(0, 100));
    let field: TargetField | null = null;
    let sure = 0;
    if (fromHeader === 'surname') field = script === 'lat' ? 'lastNameLat' : 'lastNameRu';
    else if (fromHeader === 'name') field = script === 'lat' ? 'firstNameLat' : 'firstNameRu';
    else if (fromHeader === 'fullName')
      field = script === 'lat' || values.some((x) => x.includes('/')) ? 'fullNameLat' : 'fullNameRu';
    else if (fromHeader === 'lastNameLat' || fromHeader === 'firstNameLat')
      field = script === 'ru' ? (fromHeader === 'lastNameLat' ? 'lastNameRu' : 'firstNameRu') : fromHeader;
    else if (fromHeader) field = fromHeader;
    if (field) sure = 0.95;
    else {
      const guess = guessFromContent(values, currentYear);
      if (guess) {
        field = guess.field;
        sure = guess.confidence;
        // Single-word name columns in order: surname, first name (and a patronymic by its ending).
        if (field === 'lastNameRu' && taken.has('lastNameRu'))
          field = taken.has('firstNameRu') ? null : 'firstNameRu';
        if (field === 'lastNameLat' && taken.has('lastNameLat'))
          field = taken.has('firstNameLat') ? null : 'firstNameLat';
      }
    }
    if (field && taken.has(field) && field !== 'passportSeries') {
      field = null;
      sure = 0;
    }
    if (field) taken.add(field);
    mapping.push(field);
    confidence.push(field ? sure : 0);
  });
  return { mapping, confidence };
}
