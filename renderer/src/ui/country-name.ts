import type { Country } from '../../../shared/domain/tour';

/** A country's name in the interface language (Russian unless the UI is English). */
export function countryName(country: Pick<Country, 'nameRu' | 'nameEn'>, uiLanguage: string): string {
  return uiLanguage.startsWith('en') ? country.nameEn || country.nameRu : country.nameRu;
}
