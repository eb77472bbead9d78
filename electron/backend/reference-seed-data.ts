import schengen2019 from '../../resources/questionnaires/schengen-2019.json';
import schengen2023 from '../../resources/questionnaires/schengen-2023.json';
import japan from '../../resources/questionnaires/japan.json';
import dictionary from '../../resources/questionnaires/dictionary.json';
import countries from '../../resources/questionnaires/countries.json';

/** The shipped forms, dictionary and countries: read only when a base has not received them yet. */
export const shippedForms: readonly unknown[] = [schengen2019, schengen2023, japan];
export const shippedDictionary: unknown = dictionary;
export const shippedCountries: unknown = countries;
