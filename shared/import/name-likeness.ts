import commonSurnames from '../../resources/names/common-surnames.ru.json';
import { hasCyrillic, hasLatin, nameKey } from '../names';
import { firstNamesByKey, lookupFirstName, lookupSurname } from '../names/dictionary';
import { femaleSurname } from '../names/surnames';
import { surnameGender } from '../names/gender-rules';

/**
 * Whether text looks like people's names, judged by the name dictionaries and name endings, never
 * by its script alone: a room type (DBL+CHD, TRPL), a place of birth (MOSCOW, USSR), a document type
 * (P) or a service (SVO-CDG; Aldemar) is Latin text and no name.
 */

let latinSurnameKeys: Set<string> | null = null;

/** Search keys of the common surnames, both forms, so a Latin spelling (SMIRNOVA) is recognised. */
function surnameKeys(): Set<string> {
  latinSurnameKeys ??= new Set(
    commonSurnames.surnames.flatMap((male) => [nameKey(male), nameKey(femaleSurname(male))]),
  );
  return latinSurnameKeys;
}

const TITLE_WORD = /^(MR|MRS|MS|MISS|MSTR|DR|PROF)\.?$/i;
const WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;
/** Patronymics and the Turkic "son of / daughter of" words that add a fourth word to a name. */
const FOURTH_WORD = /^(оглы|кызы|угли|улы|ogly|kyzy|ugli|uly)$/i;
const PATRONYMIC = /(вич|вна|ична|OVICH|EVICH|OVNA|EVNA|ICHNA)$/i;

export function isKnownFirstName(word: string): boolean {
  if (word.length < 3) return false;
  if (hasCyrillic(word)) return lookupFirstName(word) !== undefined;
  return firstNamesByKey(nameKey(word)).length > 0;
}

export function isKnownSurname(word: string): boolean {
  if (word.length < 3) return false;
  if (hasCyrillic(word)) return lookupSurname(word) !== undefined;
  return surnameKeys().has(nameKey(word));
}

/** The words of one line of a name cell, a trailing title dropped; null when the line is no name's shape. */
export function nameWords(line: string): string[] | null {
  const words = line
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  while (words.length > 1 && TITLE_WORD.test(words[words.length - 1]!)) words.pop();
  const limit = words.length === 4 && FOURTH_WORD.test(words[3]!) ? 4 : 3;
  if (words.length === 0 || words.length > limit) return null;
  if (!words.every((w) => WORD.test(w))) return null;
  const text = words.join(' ');
  if (hasCyrillic(text) && hasLatin(text)) return null;
  return words;
}

/**
 * How much a cell looks like a person's name, 0..1: the share of its words that are known first
 * names, surnames or patronymics, a word that only ends like a surname counting half. The first-name
 * dictionary is large (Белек, Марио), so one known word among unknown ones (Rixos Premium Belek) is
 * not enough. A cell of two paragraphs (Cyrillic and Latin) counts by its better line.
 */
export function nameScore(value: string): number {
  let best = 0;
  for (const line of value.split('\n')) {
    const words = nameWords(line.trim());
    if (!words) continue;
    let points = 0;
    for (const w of words) {
      if (
        isKnownFirstName(w) ||
        isKnownSurname(w) ||
        (words.length >= 2 && w.length >= 5 && PATRONYMIC.test(w))
      )
        points += 1;
      else if (w.length >= 4 && surnameGender(w) !== undefined) points += 0.5;
    }
    best = Math.max(best, points / words.length);
  }
  return best;
}

/** Whether a column's values are people's names: most of them name-shaped, and a fair share mostly known. */
export function looksLikeNames(values: readonly string[]): boolean {
  if (values.length === 0) return false;
  let sum = 0;
  let sure = 0;
  for (const v of values) {
    const score = nameScore(v);
    sum += score;
    if (score >= 0.75) sure++;
  }
  return sum / values.length >= 0.5 && sure / values.length >= 0.3;
}
