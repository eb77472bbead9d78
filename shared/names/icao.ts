/**
 * Minimal ICAO Doc 9303 Cyrillic-to-Latin conversion (Russian passports since 2013).
 * The names issue extends this module with GOST/MVD schemes, reverse conversion and parsing.
 */
const ICAO_LOWER: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

const CYRILLIC = /[\u0400-\u04FF]/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Converts one word-run, letting the case of the output follow the input (Иванов -> Ivanov, ИВАНОВ -> IVANOV). */
export function icaoToLatin(text: string): string {
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const mapped = ICAO_LOWER[lower];
    if (mapped === undefined) {
      out += ch;
      continue;
    }
    if (!isUpper(ch) || mapped.length === 0) {
      out += mapped;
      continue;
    }
    // An upper-case letter that maps to several Latin letters is all caps when its neighbours are
    // upper case too (ЩУКИН -> SHCHUKIN), otherwise only its first letter is (Щукин -> Shchukin).
    const next = chars[i + 1];
    const prev = chars[i - 1];
    const wordIsUpper =
      (next !== undefined && isUpper(next)) || (next === undefined && prev !== undefined && isUpper(prev));
    out += wordIsUpper ? mapped.toUpperCase() : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

/**
 * The search key of a surname: ICAO Latin, upper case, letters only. The same for "Иванов",
 * "ivanov" and "IVANOV", so a prefix search is an index range scan in either script.
 */
export function surnameSearchKey(text: string): string {
  return icaoToLatin(text.normalize('NFC'))
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}
