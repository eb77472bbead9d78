import { hasCyrillic, hasLatin } from '../names';
import { compactDocumentNumber } from '../domain/passport';
import { isKnownFirstName, isKnownSurname, looksLikeNames, nameWords } from './name-likeness';
import {
  documentShape,
  normalizeCitizenship,
  normalizeDate,
  normalizeGender,
  normalizePaxType,
  normalizeTitle,
  splitPassportCell,
} from './normalize';
import type { TargetField } from './types';

/** Lower case, "ё" as "е", without .,:№#() and with single spaces: how headers are compared. */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[-.,:;№#()"«»*/_+]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Script = 'ru' | 'lat' | 'any';

/** What a header names: a field, a name whose script the content settles, or a column never loaded. */
export type HeaderClass = TargetField | 'surname' | 'name' | 'fullName' | 'ignore';

/** Header synonyms (research notes 6.4): a header names a field; "ru/lat" ones are settled by the content's script. */
const HEADER_SYNONYMS: readonly [HeaderClass, readonly string[]][] = [
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
      'фамилия имя',
      'фамилия и имя',
      'фамилия имя отчество',
      'фио туриста',
      'турист',
      'туристы',
      'пассажир',
      'гость',
      'клиент',
      'участник',
      'full name',
      'passenger',
      'passenger name',
      'pax name',
      'pax',
      'guest name',
      'traveller',
      'traveler',
      'name surname',
      'surname name',
      'surname given names',
    ],
  ],
  ['gender', ['пол', 'sex', 'gender', 'm f', 'м ж']],
  ['title', ['обращение', 'title', 'salutation', 'mr mrs', 'титул']],
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
  ['birthPlace', ['место рождения', 'место рожд', 'place of birth', 'birth place', 'birthplace', 'pob']],
  [
    'paxType',
    [
      'категория',
      'кат',
      'возраст',
      'тип',
      'тип туриста',
      'тип пассажира',
      'pax type',
      'paxtype',
      'type',
      'ptc',
    ],
  ],
  ['passportSeries', ['серия загранпаспорта', 'серия паспорта', 'серия']],
  [
    'passportNumber',
    [
      'загранпаспорт',
      'заграничный паспорт',
      'з п',
      'номер загранпаспорта',
      'серия и номер загранпаспорта',
      'загранпаспорт серия номер',
      'номер паспорта',
      'паспорт',
      'passport',
      'passport no',
      'passport number',
      'document number',
      'doc no',
      'номер',
      'номер документа',
    ],
  ],
  [
    'passportIssueDate',
    ['дата выдачи', 'дата выдачи паспорта', 'выдан', 'date of issue', 'issue date', 'issued', 'date issued'],
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
    'passportAuthority',
    ['кем выдан', 'орган выдачи', 'орган выдавший', 'issuing authority', 'authority', 'issued by'],
  ],
  [
    'internalPassport',
    ['паспорт рф', 'общегражданский паспорт', 'внутренний паспорт', 'internal passport', 'national id'],
  ],
  ['citizenship', ['гражданство', 'гражд', 'nationality', 'citizenship', 'nat']],
  ['ticketNumber', ['номер билета', 'билет', 'ticket no', 'ticket', 'e ticket', 'eticket', 'tkt']],
  ['phone', ['телефон', 'тел', 'моб телефон', 'phone', 'mobile', 'tel']],
  ['email', ['e mail', 'email', 'эл почта', 'почта', 'электронная почта']],
  [
    'roomType',
    [
      'размещение',
      'тип номера',
      'тип размещения',
      'категория номера',
      'room',
      'room type',
      'roomtype',
      'accommodation',
      'occupancy',
    ],
  ],
  ['seat', ['место', 'место в самолете', 'место в автобусе', 'seat', 'seat no']],
  [
    'documentType',
    ['тип документа', 'вид документа', 'doc type', 'document type', 'type of document', 'doc'],
  ],
  // Columns that are never a person's data, whatever they hold: row numbers, services, notes.
  [
    'ignore',
    [
      'п п',
      'no',
      'nn',
      'n',
      'услуги',
      'услуга',
      'services',
      'service',
      'примечание',
      'примечания',
      'комментарий',
      'комментарии',
      'notes',
      'note',
      'remarks',
      'remark',
      'comment',
      'comments',
      'отель',
      'гостиница',
      'hotel',
    ],
  ],
];

// Reversed so that the first field listing a name wins, as the table reads top down.
const HEADER_INDEX: ReadonlyMap<string, HeaderClass> = new Map(
  HEADER_SYNONYMS.flatMap(([field, names]) => names.map((name) => [name, field] as const)).reverse(),
);

/**
 * What a header names. A header cell of several lines ("Фамилия, имя\n(как в паспорте)") or with a
 * remark in parentheses is read as a whole, then without the remark, then line by line. A header of
 * only "№" is a row number.
 */
export function headerField(header: string): HeaderClass | null {
  const text = header.trim();
  if (text === '') return null;
  if (/^[№#]+$/.test(text)) return 'ignore';
  const variants = [text, text.replace(/\([^)]*\)/g, ' '), ...text.split('\n')];
  for (const variant of variants) {
    const key = normalizeHeader(variant);
    const field = key === '' ? undefined : HEADER_INDEX.get(key);
    if (field) return field;
  }
  // "№ п/п" and its kin: a number sign with a few letters.
  if (/^[№#]/.test(text) && normalizeHeader(text).length <= 4) return 'ignore';
  return null;
}

export type ColumnGuess = { field: TargetField; confidence: number } | null;

function scriptOf(values: readonly string[]): Script {
  let ru = 0;
  let lat = 0;
  for (const v of values) {
    if (hasCyrillic(v)) ru++;
    else if (hasLatin(v)) lat++;
  }
  if (ru === 0 && lat === 0) return 'any';
  return ru >= lat ? 'ru' : 'lat';
}

const share = <T>(values: readonly T[], test: (v: T) => boolean) =>
  values.length === 0 ? 0 : values.filter(test).length / values.length;

const PATRONYMIC = /(вич|вна|ична|оглы|кызы)$/i;
/** A GDS name element: SURNAME/GIVEN [TITLE], maybe numbered (1.1) and with remarks ((INF/ANNA/12JAN25)). */
const GDS_NAME = /^(?:\d+\.\d*\s*)?[A-Z][A-Z' -]*\/[A-Z][A-Z' -]*(?:\(.*\))?\s*$/i;

/** What a column holds by what is not a name: dates, documents, codes, contacts. */
function guessValues(v: readonly string[], currentYear: number): ColumnGuess {
  const today = `${currentYear}`;
  const dates = v.map((x) => normalizeDate(x, 'past', `${currentYear}-12-31`));
  if (share(dates, (d) => d !== null) >= 0.8) {
    const future = dates.filter((d) => d !== null && d.slice(0, 4) >= today).length;
    return future > dates.length / 2
      ? { field: 'passportExpiry', confidence: 0.7 }
      : { field: 'birthDate', confidence: 0.7 };
  }
  if (share(v, (x) => GDS_NAME.test(x.split('\n')[0]!)) >= 0.6)
    return { field: 'fullNameLat', confidence: 0.8 };
  if (share(v, (x) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(x)) >= 0.8)
    return { field: 'email', confidence: 0.9 };
  const titles = v.map(normalizeTitle);
  if (share(titles, (x) => x !== null) >= 0.8 && v.some((x) => /^(MRS?|MS|MISS|MSTR)\.?$/i.test(x.trim())))
    return { field: 'title', confidence: 0.8 };
  if (share(v, (x) => normalizeGender(x) !== null) >= 0.8) return { field: 'gender', confidence: 0.8 };
  if (share(v, (x) => normalizePaxType(x) !== null && x.replace(/\.$/, '').length <= 3) >= 0.8)
    return { field: 'paxType', confidence: 0.6 };
  if (share(titles, (x) => x !== null) >= 0.8) return { field: 'title', confidence: 0.6 };
  if (share(v, (x) => normalizeCitizenship(x) !== null) >= 0.8)
    return { field: 'citizenship', confidence: 0.8 };
  const shapes = v.map((x) => documentShape(compactDocumentNumber(splitPassportCell(x).number)));
  if (share(shapes, (s) => s === 'passport') >= 0.8) return { field: 'passportNumber', confidence: 0.75 };
  if (share(shapes, (s) => s === 'internal') >= 0.8) return { field: 'internalPassport', confidence: 0.7 };
  if (share(shapes, (s) => s === 'ticket') >= 0.8) return { field: 'ticketNumber', confidence: 0.7 };
  if (share(v, (x) => /^\+?[\d\s()-]{10,}$/.test(x)) >= 0.8) return { field: 'phone', confidence: 0.7 };
  return null;
}

/** Which name field a column of people's names is, by script, word count and the dictionaries. */
function guessNames(v: readonly string[]): ColumnGuess {
  if (!looksLikeNames(v)) return null;
  const script = scriptOf(v);
  const words = v.map((x) => nameWords(x.split('\n')[0]!.trim()) ?? []);
  if (share(words, (w) => w.length >= 2) >= 0.6)
    return { field: script === 'lat' ? 'fullNameLat' : 'fullNameRu', confidence: 0.7 };
  const single = words.map((w) => w[0] ?? '');
  if (script === 'ru' && share(single, (x) => PATRONYMIC.test(x)) >= 0.6)
    return { field: 'middleNameRu', confidence: 0.7 };
  const firstNames = share(single, isKnownFirstName);
  const surnames = share(single, isKnownSurname);
  const first = firstNames >= 0.7 && surnames < 0.3;
  if (script === 'lat')
    return first ? { field: 'firstNameLat', confidence: 0.6 } : { field: 'lastNameLat', confidence: 0.5 };
  return first ? { field: 'firstNameRu', confidence: 0.6 } : { field: 'lastNameRu', confidence: 0.5 };
}

/**
 * What a column holds, judged by its values alone (for lists without a header, or unknown headers).
 * A column becomes a name only when its values look like people's names; other text stays unmapped.
 */
export function guessFromContent(values: readonly string[], currentYear: number): ColumnGuess {
  const v = values
    .map((x) => x.trim())
    .filter(Boolean)
    .slice(0, 200);
  if (v.length === 0) return null;
  return guessValues(v, currentYear) ?? guessNames(v);
}

const NAME_CLASSES = ['surname', 'name', 'fullName', 'lastNameLat', 'firstNameLat', 'middleNameRu'] as const;
type NameClass = (typeof NAME_CLASSES)[number];
const isNameClass = (h: HeaderClass): h is NameClass => (NAME_CLASSES as readonly string[]).includes(h);

/** The field a name header gives, in the script the column is written in. */
function nameField(fromHeader: NameClass, values: readonly string[], script: Script): TargetField {
  const lat = script === 'lat';
  const gds = share(values, (x) => GDS_NAME.test(x.split('\n')[0]!)) >= 0.6;
  if (gds) return 'fullNameLat';
  const multiWord = share(values, (x) => (nameWords(x.split('\n')[0]!.trim())?.length ?? 0) >= 2) >= 0.6;
  switch (fromHeader) {
    case 'surname':
      return lat ? 'lastNameLat' : 'lastNameRu';
    case 'name':
      // An English "Name" column of whole names (IVANOV IVAN) is a full name, not a first name.
      if (multiWord && lat) return 'fullNameLat';
      return lat ? 'firstNameLat' : 'firstNameRu';
    case 'fullName':
      return lat ? 'fullNameLat' : 'fullNameRu';
    case 'lastNameLat':
      return script === 'ru' ? 'lastNameRu' : 'lastNameLat';
    case 'firstNameLat':
      return script === 'ru' ? 'firstNameRu' : 'firstNameLat';
    default:
      return 'middleNameRu';
  }
}

/**
 * Detects each column's target: by its header where there is one (Фамилия becomes the Russian or
 * the Latin surname by what the column holds), else by its content. A name header over values that
 * are clearly something else (ADT/CHD under PAX, passports under a name) follows the values. Two
 * single-name columns in a row are read as surname then first name.
 */
export function detectMapping(
  headers: readonly string[] | null,
  columns: readonly string[][],
  currentYear: number,
): { mapping: (TargetField | null)[]; confidence: number[] } {
  const mapping: (TargetField | null)[] = [];
  const confidence: number[] = [];
  const taken = new Set<TargetField>();
  columns.forEach((values, c) => {
    const fromHeader = headers ? headerField(headers[c] ?? '') : null;
    const sample = values
      .map((x) => x.trim())
      .filter(Boolean)
      .slice(0, 200);
    let field: TargetField | null = null;
    let sure = 0;
    if (fromHeader === 'ignore') field = null;
    else if (fromHeader && isNameClass(fromHeader)) {
      const other = sample.length > 0 ? guessValues(sample, currentYear) : null;
      if (other && other.field !== 'fullNameLat') ({ field, confidence: sure } = other);
      else {
        field = nameField(fromHeader, sample, scriptOf(sample.slice(0, 100)));
        sure = 0.95;
      }
    } else if (fromHeader === 'passportNumber') {
      // "Паспорт" over 10-digit numbers is the internal passport.
      const shapes = sample.map((x) => documentShape(compactDocumentNumber(splitPassportCell(x).number)));
      field = share(shapes, (s) => s === 'internal') >= 0.8 ? 'internalPassport' : 'passportNumber';
      sure = 0.95;
    } else if (fromHeader) {
      field = fromHeader;
      sure = 0.95;
    } else {
      const guess = guessFromContent(sample, currentYear);
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
