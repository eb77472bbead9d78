import { hasCyrillic } from './script';
import { toLatin } from './translit';

/**
 * English forms of Russian first names that no letter rule can fold without merging other names
 * (a rule ER→R or LU→LIU would also change every -ER surname or Лукин). Keyed by the folded word.
 */
const ENGLISH_FIRST_NAMES: Readonly<Record<string, string>> = {
  ALEKSANDER: 'ALEKSANDR',
  LUDMILA: 'LIUDMILA',
  LUBOV: 'LIUBOV',
};

/**
 * Folds the differences between the passport schemes and informal spellings, in this order:
 * X→KS and SCH→SHCH (old and bank-card spellings), TC→TS (GOST Ц), PH→F, W→V and a bare H→KH
 * (English and German habits: Sophia, Wladimir, Mihail; no scheme writes PH, W or an H that is not
 * part of KH, ZH, CH or SH), Y and J→I (MVD Й/Ю/Я, informal Y-forms, German-style Julia, Tatjana,
 * Sergej, Fjodor), IEI→I (ICAO Ъ before Я/Ю), IE→E and IO→E (YE/YO spellings of Е/Ё), and doubled
 * E or I collapsed (ICAO ИЙ = II against informal Y, ИЯ = IIA against YA, ИЕ against IYE).
 */
function foldLatin(upper: string): string {
  let s = upper
    .replace(/X/g, 'KS')
    .replace(/(^|[^H])SCH/g, '$1SHCH')
    .replace(/TC/g, 'TS')
    .replace(/PH/g, 'F')
    .replace(/W/g, 'V')
    .replace(/(^|[^KZCS])H/g, '$1KH');
  // A word-final ICAO Ъ (pre-reform Александръ) is IE after a consonant; GOST writes nothing.
  s = s
    .replace(/[YJ]/g, 'I')
    .replace(/I{2,}/g, 'I')
    .replace(/([^AEIOU])IE$/, '$1');
  s = s.replace(/IEI/g, 'I').replace(/IE/g, 'E').replace(/IO/g, 'E');
  s = s.replace(/E{2,}/g, 'E').replace(/I{2,}/g, 'I');
  return ENGLISH_FIRST_NAMES[s] ?? s;
}

/**
 * The search key of a name: the same for one name written in Cyrillic, ICAO, GOST-2010, MVD-310,
 * informal or common foreign Latin (Юлия, IULIIA, YULIYA, Yulia, Julia -> IULIA), so a clerk finds a
 * client whatever spelling they type. A key of a typed prefix is a prefix of the full key in the
 * usual cases.
 */
export function nameKey(text: string): string {
  const latin = hasCyrillic(text) ? toLatin(text, 'icao') : text;
  return latin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['"’ʼ]/g, '')
    .split(/[^A-Z]+/)
    .map(foldLatin)
    .join('');
}
