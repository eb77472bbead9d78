/**
 * Russian Cyrillic to Latin exactly as passports print it.
 *
 * - icao: ICAO Doc 9303 (Russian foreign passports since 2013): Й→I, Ц→TS, Ъ→IE, Ь dropped, Ю→IU, Я→IA.
 * - gost52535: GOST R 52535.1-2006 (2010-2013): as ICAO but Ц→TC and Ъ dropped.
 * - mvd310: MVD order 310 (1997-2010): Й→Y, Ю→YU, Я→YA, Ь→', Ъ→", and Е after Ь/Ъ → YE
 *   (the sign is then not written).
 *
 * Ukrainian and Belarusian letters (Ґ, Є, І, Ї, Ў) are converted by the values ICAO Doc 9303
 * recommends (G, IE, I, I, U) in every scheme. Their passports follow national rules of their own
 * (KMU-55, MVD Belarus 200) applied to the national spelling, so for those citizens the Latin
 * name must be taken from the passport, not generated.
 */
export type TranslitScheme = 'icao' | 'gost52535' | 'mvd310';

export const TRANSLIT_SCHEMES: readonly TranslitScheme[] = ['icao', 'gost52535', 'mvd310'];

const COMMON: Readonly<Record<string, string>> = {
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
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  э: 'e',
  ґ: 'g',
  є: 'ie',
  і: 'i',
  ї: 'i',
  ў: 'u',
};

const SCHEMES: Readonly<Record<TranslitScheme, Readonly<Record<string, string>>>> = {
  icao: { ...COMMON, й: 'i', ц: 'ts', ъ: 'ie', ь: '', ю: 'iu', я: 'ia' },
  gost52535: { ...COMMON, й: 'i', ц: 'tc', ъ: '', ь: '', ю: 'iu', я: 'ia' },
  mvd310: { ...COMMON, й: 'y', ц: 'ts', ъ: '"', ь: "'", ю: 'yu', я: 'ya' },
};

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

/** Letter case of a multi-letter output follows the word: ЩУКИН -> SHCHUKIN, Щукин -> Shchukin. */
function applyCase(
  mapped: string,
  source: string,
  prev: string | undefined,
  next: string | undefined,
): string {
  if (!isUpper(source) || mapped === '') return mapped;
  const wordIsUpper = isLetter(next) ? isUpper(next) : isLetter(prev) && isUpper(prev);
  return wordIsUpper ? mapped.toUpperCase() : mapped.charAt(0).toUpperCase() + mapped.slice(1);
}

const VOWELS = new Set(['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я']);
const INFORMAL: Readonly<Record<string, string>> = {
  ...COMMON,
  й: 'y',
  ц: 'ts',
  ъ: '',
  ь: '',
  ю: 'yu',
  я: 'ya',
  ё: 'yo',
};

type Spelling = TranslitScheme | 'informal';

/**
 * The Latin (lower case) of the letter at `i` of lower-case `chars` in a spelling, with its context
 * rules; undefined for a character the spelling does not convert.
 */
function letterLatin(chars: ArrayLike<string>, i: number, spelling: Spelling): string | undefined {
  const lower = chars[i] as string;
  const prev = chars[i - 1];
  const next = chars[i + 1];
  if (spelling !== 'informal') {
    const mapped = SCHEMES[spelling][lower];
    if (mapped === undefined || spelling !== 'mvd310') return mapped;
    if ((lower === 'ь' || lower === 'ъ') && next === 'е') return '';
    if (lower === 'е' && (prev === 'ь' || prev === 'ъ')) return 'ye';
    return mapped;
  }
  const mapped = INFORMAL[lower];
  if (mapped === undefined) return undefined;
  switch (lower) {
    case 'е':
      return prev === undefined || !isLetter(prev) || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ'
        ? 'ye'
        : mapped;
    case 'ь':
      return next === 'и' ? 'y' : mapped;
    case 'и':
    case 'ы':
      return next === 'й' && (chars[i + 2] === undefined || !isLetter(chars[i + 2])) ? '' : mapped;
    case 'й':
      return (prev === 'и' || prev === 'ы') && (next === undefined || !isLetter(next)) ? 'y' : mapped;
    default:
      return mapped;
  }
}

function convert(text: string, spelling: Spelling): string {
  const chars = Array.from(text.normalize('NFC'));
  const lower = chars.map((ch) => ch.toLowerCase());
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const mapped = letterLatin(lower, i, spelling);
    out +=
      mapped === undefined ? chars[i] : applyCase(mapped, chars[i] as string, chars[i - 1], chars[i + 1]);
  }
  return out;
}

/** Cyrillic to Latin by a passport scheme (ICAO by default); other characters pass through. */
export function toLatin(text: string, scheme: TranslitScheme = 'icao'): string {
  return convert(text, scheme);
}

/**
 * The informal Y-spellings people type by habit and older documents carry (YULIYA, ANDREY,
 * DMITRY, YEVGENY, ILYIN): Е as YE at a word's start and after a vowel or a sign, Ё as YO, Й as Y,
 * -ИЙ/-ЫЙ at a word's end as Y, signs dropped (ЬИ as YI). Not a passport scheme: used to accept
 * and match such spellings, never to propose one.
 */
export function toLatinInformal(text: string): string {
  return convert(text, 'informal');
}

/**
 * Whether a spelling (a scheme, or 'informal') writes a lower-case Cyrillic word as exactly this
 * lower-case Latin, apostrophes aside: `toLatin` compared letter by letter, stopping at the first
 * difference (the Latin-to-Cyrillic search asks this of many words).
 */
export function spellsAs(cyrillic: string, latin: string, spelling: Spelling): boolean {
  let j = 0;
  for (let i = 0; i < cyrillic.length; i++) {
    const mapped = letterLatin(cyrillic, i, spelling) ?? (cyrillic[i] as string);
    if (mapped === "'" || mapped === '"') continue;
    if (!latin.startsWith(mapped, j)) return false;
    j += mapped.length;
  }
  return j === latin.length;
}
