import type { Country } from '../../../shared/domain/tour';
import { normalizeCitizenship } from '../../../shared/import/normalize';
import { countryName } from './country-name';

export type CountryNames = Pick<Country, 'code' | 'nameRu' | 'nameEn' | 'nameFr'>;

const fold = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е');

function names(country: CountryNames): string[] {
  return [country.nameRu, country.nameEn, country.nameFr].filter(Boolean).map(fold);
}

/**
 * Countries whose code or Russian, English or French name (or a word of it) starts with what was
 * typed, the code's own match first; at most `limit`.
 */
export function matchCountries(
  countries: readonly CountryNames[],
  typed: string,
  uiLanguage: string,
  limit = 8,
): CountryNames[] {
  const query = fold(typed);
  if (query === '') return [];
  const score = (c: CountryNames): number => {
    if (fold(c.code) === query) return 0;
    if (names(c).some((n) => n === query)) return 1;
    if (fold(c.code).startsWith(query)) return 2;
    if (names(c).some((n) => n.startsWith(query))) return 3;
    if (names(c).some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(query)))) return 4;
    return -1;
  };
  return countries
    .map((c) => ({ c, s: score(c) }))
    .filter(({ s }) => s >= 0)
    .sort((a, b) => a.s - b.s || countryName(a.c, uiLanguage).localeCompare(countryName(b.c, uiLanguage)))
    .slice(0, limit)
    .map(({ c }) => c);
}

/**
 * The code a finished text names: a book country's code or whole name in any of the three languages,
 * the usual spellings of citizenship (РФ, Russian Federation, Казахстан → KAZ), or any three Latin
 * letters as an ISO code. '' for an empty text; null when it names no country (never guessed).
 */
export function resolveCountry(countries: readonly CountryNames[], typed: string): string | null {
  const query = fold(typed);
  if (query === '') return '';
  const labelled = /^(.*)\(([a-z]{3})\)$/.exec(query);
  if (labelled) return labelled[2]!.toUpperCase();
  const exact = countries.find((c) => fold(c.code) === query || names(c).includes(query));
  if (exact) return exact.code;
  const known = normalizeCitizenship(typed);
  if (known) return known;
  return /^[a-z]{3}$/.test(query) ? query.toUpperCase() : null;
}

/** What the box shows for a chosen code: «Россия (RUS)» in the UI language, or the bare code. */
export function countryLabel(countries: readonly CountryNames[], code: string, uiLanguage: string): string {
  if (code === '') return '';
  const country = countries.find((c) => c.code === code);
  return country ? `${countryName(country, uiLanguage)} (${code})` : code;
}
