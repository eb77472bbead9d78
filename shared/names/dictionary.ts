import firstNames from '../../resources/names/first-names.ru.json';
import frequencies from '../../resources/names/name-frequencies.ru.json';
import { femaleSurname } from './surnames';
import { nameKey } from './key';

export interface FirstNameEntry {
  /** Lower-case Cyrillic. */
  name: string;
  /** undefined where the name is used for both (Женя, Валя). */
  gender: 'M' | 'F' | undefined;
  /** Approximate bearers per 10,000 adults of the name's sex; 0 for the names without a figure. */
  frequency: number;
}

const maleFrequency: Readonly<Record<string, number>> = frequencies.firstNames.male;
const femaleFrequency: Readonly<Record<string, number>> = frequencies.firstNames.female;

let byName: Map<string, FirstNameEntry> | null = null;
let byKey: Map<string, FirstNameEntry[]> | null = null;

function build(): Map<string, FirstNameEntry> {
  const male = new Set([...firstNames.male, ...Object.keys(maleFrequency)]);
  const female = new Set([...firstNames.female, ...Object.keys(femaleFrequency)]);
  const map = new Map<string, FirstNameEntry>();
  for (const name of new Set([...male, ...female])) {
    const isMale = male.has(name);
    const isFemale = female.has(name);
    map.set(name, {
      name,
      gender: isMale && !isFemale ? 'M' : isFemale && !isMale ? 'F' : undefined,
      frequency: Math.max(maleFrequency[name] ?? 0, femaleFrequency[name] ?? 0),
    });
  }
  return map;
}

function entries(): Map<string, FirstNameEntry> {
  byName ??= build();
  return byName;
}

/** The dictionary entry of a Cyrillic first name (any case), if it is a known Russian first name. */
export function lookupFirstName(cyrillic: string): FirstNameEntry | undefined {
  return entries().get(cyrillic.toLowerCase());
}

/** Known first names whose spellings fold to this name key (IULIIA, YULIYA -> Юлия). */
export function firstNamesByKey(key: string): FirstNameEntry[] {
  if (!byKey) {
    byKey = new Map();
    for (const entry of entries().values()) {
      const k = nameKey(entry.name);
      const list = byKey.get(k);
      if (list) list.push(entry);
      else byKey.set(k, [entry]);
    }
  }
  return byKey.get(key) ?? [];
}

export function allFirstNames(): FirstNameEntry[] {
  return [...entries().values()];
}

export interface SurnameEntry {
  /** 'yo' when the word matches a listed surname only with its ё read as е (Семенов for Семёнов). */
  match: 'exact' | 'yo';
  /** Position in the frequency list, 0 for the most common. */
  rank: number;
}

let surnames: Map<string, number> | null = null;
let surnamesWithoutYo: Map<string, number> | null = null;
const withoutYo = (s: string) => s.replace(/ё/g, 'е');

function surnameRanks(): Map<string, number> {
  if (!surnames) {
    const ranks = new Map<string, number>();
    frequencies.surnames.byFrequency.forEach((male, rank) => {
      for (const form of [male, femaleSurname(male)]) {
        const lower = form.toLowerCase();
        if (!ranks.has(lower)) ranks.set(lower, rank);
      }
    });
    surnames = ranks;
  }
  return surnames;
}

/** A common surname (either sex's form), as spelled or with ё read as е, with its frequency rank. */
export function lookupSurname(cyrillic: string): SurnameEntry | undefined {
  const ranks = surnameRanks();
  if (!surnamesWithoutYo) {
    surnamesWithoutYo = new Map();
    for (const [name, rank] of ranks) {
      const plain = withoutYo(name);
      if (!surnamesWithoutYo.has(plain)) surnamesWithoutYo.set(plain, rank);
    }
  }
  const lower = cyrillic.toLowerCase();
  const rank = ranks.get(lower);
  if (rank !== undefined) return { match: 'exact', rank };
  const yoRank = lower.includes('ё') ? undefined : surnamesWithoutYo.get(lower);
  return yoRank === undefined ? undefined : { match: 'yo', rank: yoRank };
}

let known: string[] | null = null;

/**
 * Every known word, lower case: the dictionary's first names and both forms of the listed
 * surnames, those with ё also spelt with е (Семенов), as `lookupSurname` accepts them.
 */
export function knownNameWords(): readonly string[] {
  if (!known) {
    const surnameForms = [...surnameRanks().keys()].flatMap((s) =>
      s.includes('ё') ? [s, withoutYo(s)] : [s],
    );
    known = [...new Set([...entries().keys(), ...surnameForms])];
  }
  return known;
}
