import { isValidYmd, toIsoDate } from '../domain/dates';

const RU_MONTHS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const EN_MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Excel's serial day number (1900 system, with its fake 29.02.1900) to an ISO date, by UTC arithmetic only. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return null;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function fullYear(twoDigits: number, kind: 'past' | 'future', currentYear: number): number {
  const century = 2000 + twoDigits;
  if (kind === 'past') return century > currentYear ? century - 100 : century;
  return century;
}

/**
 * A date as it arrives in a passenger list: dd.mm.yyyy, dd/mm/yy, yyyy-mm-dd, DDMMMYY (GDS),
 * "14 мая 1980 г.", or an Excel serial number. `kind` decides two-digit years: birth dates are in
 * the past, passport expiries in this century.
 */
export function normalizeDate(text: string, kind: 'past' | 'future', currentYear: number): string | null {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/\s*г\.?$/, '')
    .replace(/\s+/g, ' ');
  if (value === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(value);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{2}|\d{4})$/.exec(value);
  if (m) {
    const year = m[3]!.length === 2 ? fullYear(Number(m[3]), kind, currentYear) : Number(m[3]);
    return checked(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{1,2}) ?([a-z]{3}) ?(\d{2}|\d{4})$/.exec(value);
  if (m) {
    const month = EN_MONTHS.indexOf(m[2]!.toUpperCase()) + 1;
    const year = m[3]!.length === 2 ? fullYear(Number(m[3]), kind, currentYear) : Number(m[3]);
    return month > 0 ? checked(year, month, Number(m[1])) : null;
  }
  m = /^(\d{1,2}) ([а-яё]+)\.? (\d{4})$/.exec(value);
  if (m) {
    const word = m[2]!;
    const month = RU_MONTHS.findIndex((p) => word.startsWith(p)) + 1;
    return month > 0 ? checked(Number(m[3]), month, Number(m[1])) : null;
  }
  if (/^\d{4,5}(\.0+)?$/.test(value)) return excelSerialToIso(Number(value));
  return null;
}

function checked(year: number, month: number, day: number): string | null {
  return isValidYmd(year, month, day) ? toIsoDate(year, month, day) : null;
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
  return text
    .replace(/\s+(до|till|until|exp\.?)\s.*$/i, '')
    .replace(/[№#\s-]/g, '')
    .toUpperCase();
}

/** 1.23E+12 is what Excel shows for a long number it has already rounded: the digits are lost. */
export function isScientific(text: string): boolean {
  return /^\d+([.,]\d+)?e\+\d+$/i.test(text.trim());
}

const CITIZENSHIP: Record<string, string> = {};
const COUNTRIES: [string, string[]][] = [
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
for (const [code, names] of COUNTRIES) for (const name of names) CITIZENSHIP[name] = code;

/** РФ, Россия, Russia, RU, RUS -> RUS, and the other common ones likewise; null when unknown. */
export function normalizeCitizenship(text: string): string | null {
  const key = text.trim().toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ');
  return CITIZENSHIP[key] ?? null;
}

export function normalizePaxType(text: string): 'ADT' | 'CHD' | 'INF' | null {
  const value = text.trim().toUpperCase();
  if (/^(ADT|ADL|ВЗ|ВЗР|ВЗРОСЛЫЙ|A)$/.test(value)) return 'ADT';
  if (/^(CHD|CNN|C\d\d|РБ|РЕБ|РЕБЕНОК|РЕБЁНОК|C)$/.test(value)) return 'CHD';
  if (/^(INF|INS|РМ|МЛ|МЛАДЕНЕЦ|I)$/.test(value)) return 'INF';
  return null;
}
