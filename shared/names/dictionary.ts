import firstNames from '../../resources/names/first-names.ru.json';
import popular from '../../resources/names/popular-first-names.ru.json';
import commonSurnames from '../../resources/names/common-surnames.ru.json';
import { femaleSurname } from './surnames';
import { nameKey } from './key';

export interface FirstNameEntry {
  /** Lower-case Cyrillic. */
  name: string;
  /** undefined where the name is used for both (Женя, Валя). */
  gender: 'M' | 'F' | undefined;
  /** Position among the most common names (0 = most common); 1000 when not among them. */
  rank: number;
}

const NOT_POPULAR = 1000;

let byName: Map<string, FirstNameEntry> | null = null;
let byKey: Map<string, FirstNameEntry[]> | null = null;

function build(): Map<string, FirstNameEntry> {
  const rank = new Map<string, number>();
  [...popular.male, ...popular.female].forEach((name, i) => {
    if (!rank.has(name)) rank.set(name, i % 100);
  });
  const male = new Set(firstNames.male);
  const female = new Set(firstNames.female);
  const map = new Map<string, FirstNameEntry>();
  for (const name of new Set([...male, ...female, ...popular.male, ...popular.female])) {
    const isMale = male.has(name) || popular.male.includes(name);
    const isFemale = female.has(name) || popular.female.includes(name);
    map.set(name, {
      name,
      gender: isMale && !isFemale ? 'M' : isFemale && !isMale ? 'F' : undefined,
      rank: rank.get(name) ?? NOT_POPULAR,
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

let surnames: Map<string, 'exact'> | null = null;
let surnamesWithoutYo: Set<string> | null = null;
const withoutYo = (s: string) => s.replace(/ё/g, 'е');

/** 'exact' for a common surname as spelled, 'yo' when it matches only with ё read as е, else undefined. */
export function lookupSurname(cyrillic: string): 'exact' | 'yo' | undefined {
  if (!surnames || !surnamesWithoutYo) {
    surnames = new Map();
    for (const male of commonSurnames.surnames) {
      for (const form of [male, femaleSurname(male)]) surnames.set(form.toLowerCase(), 'exact');
    }
    surnamesWithoutYo = new Set([...surnames.keys()].map(withoutYo));
  }
  const lower = cyrillic.toLowerCase();
  if (surnames.has(lower)) return 'exact';
  return surnamesWithoutYo.has(withoutYo(lower)) && !lower.includes('ё') ? 'yo' : undefined;
}
