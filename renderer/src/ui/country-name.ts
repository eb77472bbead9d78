import type { Country } from '../../../shared/domain/tour';

/** A country's name in the interface language; the English (then Russian) name where that one is empty. */
export function countryName(
  country: Pick<Country, 'nameRu' | 'nameEn' | 'nameFr'>,
  uiLanguage: string,
): string {
  if (uiLanguage.startsWith('fr')) return country.nameFr || country.nameEn || country.nameRu;
  return uiLanguage.startsWith('en') ? country.nameEn || country.nameRu : country.nameRu;
}
