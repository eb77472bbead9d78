import { hasCyrillic, toLatin } from '../names';

/** How a questionnaire field's Russian value becomes the form language's (R12). */
export type TranslationMode = 'none' | 'transliterate' | 'dictionary' | 'copy';
export type FormLanguage = 'en' | 'fr';

export interface DictionaryEntry {
  ru: string;
  en: string;
  fr: string;
}

export interface Dictionary {
  lookup: (russian: string, language: FormLanguage) => string | undefined;
  /** The longest phrase, in words, that the dictionary holds. */
  longestPhrase: number;
}

/** Lower case, ё as е, single spaces, no surrounding punctuation: how Russian keys are compared. */
export function dictionaryKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.,;:!?«»"'()-]+|[\s.,;:!?«»"'()-]+$/g, '');
}

export function createDictionary(entries: readonly DictionaryEntry[]): Dictionary {
  const map = new Map<string, DictionaryEntry>();
  let longestPhrase = 1;
  for (const entry of entries) {
    const key = dictionaryKey(entry.ru);
    if (key === '') continue;
    map.set(key, entry);
    longestPhrase = Math.max(longestPhrase, key.split(' ').length);
  }
  return {
    lookup: (russian, language) => {
      const found = map.get(dictionaryKey(russian))?.[language];
      return found === undefined || found === '' ? undefined : found;
    },
    longestPhrase,
  };
}

function isUpperWord(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** The translation takes the source's case: ВРАЧ -> DOCTOR, Врач -> Doctor, врач -> doctor (as the dictionary has it). */
function withCaseOf(source: string, translation: string): string {
  if (isUpperWord(source)) return translation.toUpperCase();
  const first = source.match(/\p{L}/u)?.[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return translation.charAt(0).toUpperCase() + translation.slice(1);
  }
  return translation;
}

export interface Translation {
  text: string;
  /** Russian words the dictionary does not know (left as typed), for the dictionary dialog. */
  unknownWords: string[];
}

const TOKEN = /(\p{L}[\p{L}'’-]*)|([^\p{L}]+)/gu;

/**
 * Dictionary mode: the whole value if the dictionary has it, otherwise word by word, trying the
 * longest phrase first at each word, keeping punctuation, digits, Latin text and the case.
 */
export function translateWithDictionary(
  value: string,
  language: FormLanguage,
  dictionary: Dictionary,
): Translation {
  const whole = dictionary.lookup(value, language);
  if (whole !== undefined) {
    const lead = value.match(/^[\s.,;:!?«»"'()-]*/)?.[0] ?? '';
    const trail = value.match(/[\s.,;:!?«»"'()-]*$/)?.[0] ?? '';
    return { text: lead + withCaseOf(value, whole) + trail, unknownWords: [] };
  }
  const tokens = [...value.matchAll(TOKEN)].map((m) => ({ text: m[0], word: m[1] !== undefined }));
  const unknownWords: string[] = [];
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.word || !hasCyrillic(token.text)) {
      out += token.text;
      continue;
    }
    let matched = false;
    // Longest phrase first: up to `longestPhrase` words joined by plain spaces.
    for (let words = dictionary.longestPhrase; words >= 1 && !matched; words--) {
      const span: string[] = [];
      let j = i;
      while (j < tokens.length && span.filter((_, k) => k % 2 === 0).length < words) {
        const t = tokens[j]!;
        if (!t.word && !/^ +$/.test(t.text)) break;
        span.push(t.text);
        j++;
      }
      if (span.length % 2 === 0 || span.filter((_, k) => k % 2 === 0).length !== words) continue;
      const phrase = span.join('');
      const translated = dictionary.lookup(phrase, language);
      if (translated !== undefined) {
        out += withCaseOf(phrase, translated);
        i = j - 1;
        matched = true;
      }
    }
    if (!matched) {
      out += token.text;
      if (!unknownWords.includes(token.text.toLowerCase())) unknownWords.push(token.text.toLowerCase());
    }
  }
  return { text: out, unknownWords };
}

/** R12: the form-language value of a Russian answer, by the field's translation mode. */
export function translateValue(
  value: string,
  mode: TranslationMode,
  language: FormLanguage,
  dictionary: Dictionary,
): Translation {
  switch (mode) {
    case 'none':
    case 'copy':
      return { text: value, unknownWords: [] };
    case 'transliterate':
      return { text: toLatin(value, 'icao'), unknownWords: [] };
    case 'dictionary':
      return translateWithDictionary(value, language, dictionary);
  }
}
