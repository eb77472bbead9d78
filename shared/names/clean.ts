// Letters that look alike in the two scripts, as they slip into Excel data.
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  b: 'ь',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  а: 'a',
  с: 'c',
  е: 'e',
  о: 'o',
  р: 'p',
  х: 'x',
  у: 'y',
  к: 'k',
  м: 'm',
  т: 't',
  і: 'i',
  І: 'I',
};

const CYRILLIC_LETTER = /[\u0400-\u04FF]/;
const LATIN_LETTER = /[A-Za-z]/;
const APOSTROPHES = /[’ʼ`´‘]/g;

function fixWord(word: string, script: 'latin' | 'cyrillic'): string {
  const own = script === 'cyrillic' ? CYRILLIC_LETTER : LATIN_LETTER;
  const other = script === 'cyrillic' ? LATIN_LETTER : CYRILLIC_LETTER;
  const lookAlikes = script === 'cyrillic' ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  // Only a word written mostly in the field's script is mended; a word wholly in the other
  // script is left for the clerk (or the transliteration buttons) to decide.
  if (!own.test(word)) return word;
  return Array.from(word)
    .map((ch) => (other.test(ch) ? (lookAlikes[ch] ?? '') : ch))
    .join('');
}

/**
 * "Remove invalid characters": drops digits and stray punctuation, keeps hyphens, apostrophes and
 * single spaces, mends look-alike letters of the other script inside a word (a Latin "o" in a
 * Cyrillic word), removes accents from Latin and upper-cases it as passports print it.
 */
export function cleanName(text: string, script: 'latin' | 'cyrillic'): string {
  let s = text
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(/[\u00a0\u2007\u202f\t\r\n_]/g, ' ');
  if (script === 'latin')
    s = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC');
  s = s
    .split(/(\s+|-|')/)
    .map((part) => (/^(\s+|-|')$/.test(part) ? part : fixWord(part, script)))
    .join('');
  const allowed = script === 'cyrillic' ? /[^\u0400-\u04FFA-Za-z' -]/g : /[^A-Za-z\u0400-\u04FF' -]/g;
  s = s
    .replace(allowed, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/'{2,}/g, "'")
    .trim()
    .replace(/^[-']+|[-']+$/g, '');
  return script === 'latin' ? s.toUpperCase() : s;
}
