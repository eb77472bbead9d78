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

/** Passport numbers: "№", spaces, dashes and a "до 01.01.2030" tail go; letters are upper-cased; leading zeros stay. */
export function normalizeDocumentNumber(text: string): string {
  return compactDocumentNumber(text.replace(/\s+(до|till|until|exp\.?)\s.*$/i, ''));
}

/** 1.23E+12 is what Excel shows for a long number it has already rounded: the digits are lost. */
export function isScientific(text: string): boolean {
  return /^\d+([.,]\d+)?e\+\d+$/i.test(text.trim());
}

const COUNTRIES: readonly [string, readonly string[]][] = [
  ['RUS', ['рф', 'россия', 'российская федерация', 'russia', 'russian federation', 'ru', 'rus', 'рус']],
  ['KAZ', ['казахстан', 'рк', 'kazakhstan', 'kz', 'kaz']],
  ['BLR', ['беларусь', 'белоруссия', 'рб', 'belarus', 'by', 'blr']],
  ['UKR', ['украина', 'ukraine', 'ua', 'ukr']],
  ['UZB', ['узбекистан', 'uzbekistan', 'uz', 'uzb']],
  ['ARM', ['армения', 'armenia', 'am', 'arm']],
  ['AZE', ['азербайджан', 'azerbaijan', 'az', 'aze']],
  ['GEO', ['грузия', 'georgia', 'ge', 'geo']],
  ['KGZ', ['кыргызстан', 'киргизия', 'kyrgyzstan', 'kg', 'kgz']],
  ['TJK', ['таджикистан', 'tajikistan', 'tj', 'tjk']],
  ['MDA', ['молдова', 'молдавия', 'moldova', 'md', 'mda']],
  ['TKM', ['туркменистан', 'turkmenistan', 'tm', 'tkm']],
  ['DEU', ['германия', 'germany', 'de', 'deu']],
  ['ISR', ['израиль', 'israel', 'il', 'isr']],
  ['USA', ['сша', 'usa', 'us', 'united states']],
  ['LVA', ['латвия', 'latvia', 'lv', 'lva']],
  ['LTU', ['литва', 'lithuania', 'lt', 'ltu']],
  ['EST', ['эстония', 'estonia', 'ee', 'est']],
];
const CITIZENSHIP: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap(([code, names]) => names.map((name) => [name, code] as const)),
);

/** РФ, Россия, Russia, RU, RUS -> RUS, and the other common ones likewise; null when unknown. */
export function normalizeCitizenship(text: string): string | null {
  const key = text.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
  return CITIZENSHIP.get(key) ?? null;
}

export function normalizePaxType(text: string): 'ADT' | 'CHD' | 'INF' | null {
  const value = text.trim().toUpperCase();
  if (/^(ADT|ADL|ВЗ|ВЗР|ВЗРОСЛЫЙ|A)$/.test(value)) return 'ADT';
  if (/^(CHD|CNN|C\d\d|РБ|РЕБ|РЕБЕНОК|РЕБЁНОК|C)$/.test(value)) return 'CHD';
  if (/^(INF|INS|РМ|МЛ|МЛАДЕНЕЦ|I)$/.test(value)) return 'INF';
  return null;
}
