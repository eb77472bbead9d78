import { detectGender } from './gender';
import { TITLE_GENDER } from './gender-rules';
import { hasCyrillic } from './script';
import { parseDate } from '../domain/dates';
import { today } from '../domain/clock';

export interface ParsedName {
  lastName: string;
  firstName?: string;
  middleName?: string;
  title?: string;
  gender?: 'M' | 'F';
  paxType?: 'ADT' | 'CHD' | 'INF';
  /** yyyy-mm-dd */
  birthDate?: string;
}

const TITLES = ['MRS', 'MSTR', 'MISS', 'MR', 'MS', 'DR', 'PROF'];
const TITLE_AT_END = new RegExp(`\\s*\\b(${TITLES.join('|')})$`);
const GLUED_TITLE = new RegExp(`^([A-Z'-]{2,}?)(${['MRS', 'MSTR', 'MISS', 'MR', 'MS'].join('|')})$`);

/** DDMMMYY or DDMMMYYYY as in GDS remarks; a two-digit year is a birth year (never after this one). */
function gdsDate(text: string, currentYear: number): string | undefined {
  if (!/^\d{1,2}[A-Z]{3}(\d{2}|\d{4})$/i.test(text.trim())) return undefined;
  return parseDate(text, 'past', `${currentYear}-01-01`) ?? undefined;
}

function normaliseSpaces(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function withGender(name: ParsedName): ParsedName {
  const fromTitle = name.title ? TITLE_GENDER[name.title] : undefined;
  const gender = fromTitle ?? detectGender(name);
  return gender ? { ...name, gender } : name;
}

/** "IVAN IVANOVICH MR" -> first name, patronymic, title (a title glued on, MARIAMRS, is split off). */
function splitGiven(given: string): { firstName?: string; middleName?: string; title?: string } {
  let rest = normaliseSpaces(given);
  let title: string | undefined;
  const m = TITLE_AT_END.exec(rest);
  if (m) {
    title = m[1];
    rest = rest.slice(0, m.index).trim();
  } else {
    const glued = GLUED_TITLE.exec(rest);
    if (glued && !rest.includes(' ')) {
      title = glued[2];
      rest = glued[1] as string;
    }
  }
  const [firstName, ...more] = rest.split(' ').filter(Boolean);
  const result: { firstName?: string; middleName?: string; title?: string } = {};
  if (firstName) result.firstName = firstName;
  if (more.length > 0) result.middleName = more.join(' ');
  if (title) result.title = title;
  return result;
}

/** (INF/ANNA/01JAN24), (INFIVANOV/ANNA/01JAN24), (CHD/05MAR16), (INF//10SEP08), (CHD) */
function parseRemark(
  remark: string,
  adult: ParsedName,
  currentYear: number,
): { adult: ParsedName; infant?: ParsedName } {
  const body = remark.trim().toUpperCase();
  const chd = /^(CHD|CNN|C\d\d)(?:\/(.*))?$/.exec(body);
  if (chd) {
    const birthDate = chd[2] ? gdsDate(chd[2], currentYear) : undefined;
    return { adult: { ...adult, paxType: 'CHD', ...(birthDate ? { birthDate } : {}) } };
  }
  if (body.startsWith('INF') && body.includes('/')) {
    const parts = body.slice(3).split('/');
    // INF/ANNA/01JAN24 (adult's surname), INFIVANOV/ANNA/01JAN24 (own surname), INF//10SEP08 (no name)
    const ownSurname = parts[0]?.trim() ?? '';
    const firstName = parts[1]?.trim() ?? '';
    const birthDate = gdsDate(parts[parts.length - 1] ?? '', currentYear);
    const infant: ParsedName = { lastName: ownSurname || adult.lastName, paxType: 'INF' };
    if (firstName && !gdsDate(firstName, currentYear)) infant.firstName = firstName;
    if (birthDate) infant.birthDate = birthDate;
    return { adult, infant: withGender(infant) };
  }
  if (/^(ADT|YTH|SRC)$/.test(body)) return { adult: { ...adult, paxType: 'ADT' } };
  return { adult };
}

/** One GDS name element: SURNAME/GIVEN TITLE[/GIVEN TITLE...] with remarks in parentheses. */
function parseGds(element: string, currentYear: number): ParsedName[] {
  const remarks: string[] = [];
  const bare = element.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    remarks.push(inner);
    return ' ';
  });
  const [surnamePart, ...givens] = bare.split('/');
  const lastName = normaliseSpaces(surnamePart ?? '');
  if (!lastName) return [];
  const people: ParsedName[] = (givens.length > 0 ? givens : ['']).map((given) => ({
    lastName,
    ...splitGiven(given),
  }));
  const result: ParsedName[] = [];
  people.forEach((person, i) => {
    let adult = person;
    const infants: ParsedName[] = [];
    // Remarks belong to the last passenger of the element (NM1 ... (INF...)).
    if (i === people.length - 1) {
      for (const remark of remarks) {
        const parsed = parseRemark(remark, adult, currentYear);
        adult = parsed.adult;
        if (parsed.infant) infants.push(parsed.infant);
      }
    }
    result.push(withGender(adult), ...infants);
  });
  return result;
}

/** "IVANOV IVAN MR", "Ivanov Ivan", "Иванов Иван Иванович": surname first. */
function parsePlain(text: string): ParsedName[] {
  const clean = normaliseSpaces(text.replace(/,/g, ' '));
  if (!clean) return [];
  const upperForTitle = hasCyrillic(clean) ? clean : clean.toUpperCase();
  let words = clean.split(' ');
  let title: string | undefined;
  const last = upperForTitle.split(' ').at(-1);
  if (last && TITLES.includes(last.replace(/\.$/, '')) && words.length > 1) {
    title = last.replace(/\.$/, '');
    words = words.slice(0, -1);
  }
  const [lastName, firstName, ...rest] = words;
  if (!lastName) return [];
  const name: ParsedName = { lastName };
  if (firstName) name.firstName = firstName;
  if (rest.length > 0) name.middleName = rest.join(' ');
  if (title) name.title = title;
  return [withGender(name)];
}

// Leading element markers: NM2, N., N.3, 1., 1.1, 12.
const LEADING_MARKER = /^\s*(?:NM\d*|N\.\d*|\d+\.\d*)\s*/i;

/**
 * Parses a passenger name as agencies paste it: GDS forms (IVANOV/IVAN MR, 1.1IVANOV/IVAN MR,
 * NM2IVANOV/IVAN MR/MARIA MRS, IVANOVA/MARIA MRS(INF/ANNA/01JAN24), PETROV/PAVEL MSTR(CHD/05MAR16)),
 * plain Latin (IVANOV IVAN MR), Cyrillic with patronymic, double surnames, apostrophes. Several
 * passengers (several lines, or a PNR display "1.IVANOV/IVAN MR 2.PETROVA/ANNA MRS") give several names.
 */
export function parsePassengerName(text: string, options: { currentYear?: number } = {}): ParsedName[] {
  const currentYear = options.currentYear ?? Number(today().slice(0, 4));
  const result: ParsedName[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = normaliseSpaces(rawLine);
    if (!line) continue;
    // A PNR display line holds several numbered elements: split before each " 2." / " 2.1".
    const elements = line.split(/\s+(?=\d+\.\d*\s*[A-Za-z\u0400-\u04FF])/);
    for (const element of elements) {
      const body = element.replace(LEADING_MARKER, '');
      if (body.includes('/')) {
        // NM2SCHWARZ/MANFRED MR/SABINE MISS1BLACK/ANDREW MR: a digit starts another surname group.
        for (const group of body.split(/(?<=[A-Z)])\d+(?=[A-Z])/i))
          result.push(...parseGds(group.toUpperCase(), currentYear));
      } else {
        result.push(...parsePlain(body));
      }
    }
  }
  return result;
}
