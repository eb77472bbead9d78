import { parseDate, type DateKind } from '../domain/dates';
import { compactDocumentNumber } from '../domain/passport';

/** Excel's serial day number (1900 system, with its fake 29.02.1900) to an ISO date, by UTC arithmetic only. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return null;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A date as it arrives in a passenger list: any spelling parseDate reads, or an Excel serial number.
 * `kind` decides two-digit years (birth dates in the past, passport expiries in this century).
 */
export function normalizeDate(text: string, kind: DateKind, today: string): string | null {
  const value = text.trim();
  if (/^\d{4,5}(\.0+)?$/.test(value)) return excelSerialToIso(Number(value));
  return parseDate(value, kind, today);
}

const GENDER_WORDS: Readonly<Record<string, 'M' | 'F'>> = {
  м: 'M',
  муж: 'M',
  мужской: 'M',
  мужчина: 'M',
  m: 'M',
  male: 'M',
  mr: 'M',
  mstr: 'M',
  мр: 'M',
  ж: 'F',
  жен: 'F',
  женский: 'F',
  женщина: 'F',
  f: 'F',
  female: 'F',
  mrs: 'F',
  ms: 'F',
  miss: 'F',
  w: 'F',
};

export function normalizeGender(text: string): 'M' | 'F' | null {
  return GENDER_WORDS[text.trim().toLowerCase().replace(/\.$/, '')] ?? null;
}

/**
 * A title column (MR, MRS, MS, MISS, MSTR; г-н, г-жа) gives the sex; CHD and INF give the passenger
 * type and leave the sex to another column. null when the text is no title.
 */
export function normalizeTitle(text: string): { gender?: 'M' | 'F'; paxType?: 'CHD' | 'INF' } | null {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[.\s]+$/, '');
  switch (key) {
    case 'MR':
    case 'MSTR':
    case 'MASTER':
    case 'Г-Н':
    case 'ГН':
      return { gender: 'M' };
    case 'MRS':
    case 'MS':
    case 'MISS':
    case 'Г-ЖА':
    case 'ГЖА':
      return { gender: 'F' };
    case 'CHD':
    case 'CHLD':
    case 'CNN':
      return { paxType: 'CHD' };
    case 'INF':
    case 'INFT':
    case 'INS':
      return { paxType: 'INF' };
    default:
      return null;
  }
}

/**
 * A passport cell that carries a date after the number: "75 3344551 до 20.08.2031", "N1234567 exp
 * 01.02.2030", "MP1234567 valid till 01.02.2030" (an expiry), "75 1234567 выдан 10.01.2021" (an issue
 * date). Without such a word the whole text is the number.
 */
export function splitPassportCell(text: string): {
  number: string;
  expiry?: string;
  issued?: string;
} {
  const m =
    /^(.*?\d.*?)[\s,;(]+(годен\s+до|действителен\s+до|действ\.?\s+до|срок\s+действия|до|по|exp(?:iry|ires|\.)?(?:\s+date)?|valid\s+(?:till|until|to|thru)|till|until|выдан|от|issued(?:\s+on)?|iss\.?)[\s.:]+(\d.*?)\)?\s*$/i.exec(
      text.trim(),
    );
  if (!m) return { number: text.trim() };
  const word = m[2]!.toLowerCase();
  const date = m[3]!.trim();
  const issued = /^(выдан|от|iss)/.test(word);
  return { number: m[1]!.trim(), ...(issued ? { issued: date } : { expiry: date }) };
}

/** Passport numbers: "№", spaces, dashes and a "до 01.01.2030" tail go; letters are upper-cased; leading zeros stay. */
export function normalizeDocumentNumber(text: string): string {
  return compactDocumentNumber(splitPassportCell(text).number);
}

/**
 * What a compacted document number can be, by its shape alone: a travel passport of Russia (9
 * digits) or of another country (N12345678 Kazakhstan, MP1234567 Belarus, AA1234567 Uzbekistan,
 * 12AB34567 Georgia, C01X00T47 Germany), a Russian internal passport (10 digits), an e-ticket (13).
 */
export function documentShape(compact: string): 'passport' | 'internal' | 'ticket' | null {
  if (/^\d{9}$/.test(compact)) return 'passport';
  if (/^\d{10}$/.test(compact)) return 'internal';
  if (/^\d{13}$/.test(compact)) return 'ticket';
  if (/^[A-Z]{1,3}\d{6,9}$/.test(compact)) return 'passport';
  if (/^[A-Z0-9]{8,9}$/.test(compact) && /[A-Z]/.test(compact) && (compact.match(/\d/g)?.length ?? 0) >= 5)
    return 'passport';
  return null;
}

/** 1.23E+12 is what Excel shows for a long number it has already rounded: the digits are lost. */
export function isScientific(text: string): boolean {
  return /^\d+([.,]\d+)?e\+\d+$/i.test(text.trim());
}

const COUNTRIES: readonly [string, readonly string[]][] = [
  [
    'RUS',
    ['рф', 'россия', 'российская федерация', 'russia', 'russian federation', 'russian', 'ru', 'rus', 'рус'],
  ],
  ['KAZ', ['казахстан', 'рк', 'kazakhstan', 'kazakh', 'kazakhstani', 'kz', 'kaz']],
  ['BLR', ['беларусь', 'белоруссия', 'рб', 'belarus', 'belarusian', 'belarussian', 'by', 'blr']],
  ['UKR', ['украина', 'ukraine', 'ukrainian', 'ua', 'ukr']],
  ['UZB', ['узбекистан', 'uzbekistan', 'uzbek', 'uz', 'uzb']],
  ['ARM', ['армения', 'armenia', 'armenian', 'am', 'arm']],
  ['AZE', ['азербайджан', 'азербайджанская', 'azerbaijan', 'azerbaijani', 'az', 'aze']],
  ['GEO', ['грузия', 'georgia', 'georgian', 'ge', 'geo']],
  ['KGZ', ['кыргызстан', 'киргизия', 'кыргызская', 'kyrgyzstan', 'kyrgyz', 'kg', 'kgz']],
  ['TJK', ['таджикистан', 'tajikistan', 'tajik', 'tj', 'tjk']],
  ['MDA', ['молдова', 'молдавия', 'moldova', 'moldovan', 'md', 'mda']],
  ['TKM', ['туркменистан', 'turkmenistan', 'turkmen', 'tm', 'tkm']],
  ['DEU', ['германия', 'germany', 'german', 'de', 'deu']],
  ['ISR', ['израиль', 'israel', 'israeli', 'il', 'isr']],
  [
    'USA',
    [
      'сша',
      'соединенные штаты америки',
      'usa',
      'us',
      'united states',
      'united states of america',
      'american',
    ],
  ],
  ['LVA', ['латвия', 'латвийская', 'latvia', 'latvian', 'lv', 'lva']],
  ['LTU', ['литва', 'литовская', 'lithuania', 'lithuanian', 'lt', 'ltu']],
  ['EST', ['эстония', 'эстонская', 'estonia', 'estonian', 'ee', 'est']],
];
const CITIZENSHIP: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap(([code, names]) => names.map((name) => [name, code] as const)),
);

/** The words around a country's name in its long form: Республика Казахстан, Republic of Belarus. */
const LONG_FORM =
  /^(республика|федеративная республика|государство|the|republic of|the republic of|federal republic of|state of|kingdom of)\s+|\s+(республика|republic)$/;

/**
 * РФ, Россия, Russia, RU, RUS, and long forms in Russian and English (Российская Федерация,
 * Республика Беларусь, Republic of Kazakhstan, RUSSIAN FEDERATION, Кыргызская Республика) to the
 * alpha-3 code; null when unknown.
 */
export function normalizeCitizenship(text: string): string | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return CITIZENSHIP.get(key) ?? CITIZENSHIP.get(key.replace(LONG_FORM, '')) ?? null;
}

/** Passenger type from a category column: взр./реб./инф., ADL/ADT/CHD/INF, with or without dots, or words. */
export function normalizePaxType(text: string): 'ADT' | 'CHD' | 'INF' | null {
  const value = text
    .trim()
    .toUpperCase()
    .replace(/Ё/g, 'Е')
    .replace(/[.\s]+$/, '');
  if (/^(ADT|ADL|ADULT|ВЗ|ВЗР|ВЗРОСЛЫЙ|ВЗРОСЛАЯ|A)$/.test(value)) return 'ADT';
  if (/^(CHD|CHLD|CNN|C\d\d|CHILD|РБ|РЕБ|РЕБЕНОК|ДЕТ|ДЕТСКИЙ|C)$/.test(value)) return 'CHD';
  if (/^(INF|INS|INFT|INFANT|РМ|МЛ|МЛАД|МЛАДЕНЕЦ|ИНФ|ИНФАНТ|I)$/.test(value)) return 'INF';
  return null;
}
