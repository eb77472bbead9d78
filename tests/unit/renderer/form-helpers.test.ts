import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { clientFieldsSchema } from '../../../shared/domain/client';
import { countrySchema } from '../../../shared/domain/tour';
import { maskDateText, resolveDateText, settledDateText } from '../../../renderer/src/ui/date-mask';
import { countryLabel, matchCountries, resolveCountry } from '../../../renderer/src/ui/country-search';
import { ctrlCode, isPlainEnter, isSaveShortcut } from '../../../renderer/src/ui/keys';
import { counterShown, lengthIssues, maxLengthOf, rangeOf } from '../../../renderer/src/ui/limits';

const TODAY = '2026-11-29';

describe('masked date entry', () => {
  it('puts the dots into typed digits', () => {
    expect(maskDateText('0')).toBe('0');
    expect(maskDateText('010')).toBe('01.0');
    expect(maskDateText('01011')).toBe('01.01.1');
    expect(maskDateText('01011990')).toBe('01.01.1990');
    expect(maskDateText('010190')).toBe('01.01.90');
    // Typed on one key at a time, the box holds its own dots: 01.01 + 1 → 01.01.1.
    expect(maskDateText('01.011')).toBe('01.01.1');
    expect(maskDateText('31.02.2027')).toBe('31.02.2027');
  });
  it('keeps what the clerk typed with separators or words', () => {
    expect(maskDateText('1.1.1990')).toBe('1.1.1990');
    expect(maskDateText('1/1/90')).toBe('1.1.90');
    expect(maskDateText('14 мая 1980')).toBe('14 мая 1980');
    expect(maskDateText('010119901')).toBe('010119901');
  });
  it('resolves two-digit years by what the date is about', () => {
    expect(resolveDateText('01.01.90', 'past', TODAY)).toBe('1990-01-01');
    expect(resolveDateText('01.01.30', 'past', TODAY)).toBe('1930-01-01');
    expect(resolveDateText('01.01.30', 'future', TODAY)).toBe('2030-01-01');
    expect(settledDateText('01.01.90', 'past', TODAY)).toBe('01.01.1990');
  });
  it('refuses a day that does not exist and keeps the text', () => {
    expect(resolveDateText(maskDateText('31022027'), 'future', TODAY)).toBeNull();
    expect(settledDateText('31.02.2027', 'future', TODAY)).toBe('31.02.2027');
    expect(resolveDateText('  ', 'future', TODAY)).toBe('');
  });
});

const BOOK = [
  { code: 'RUS', nameRu: 'Россия', nameEn: 'Russia', nameFr: 'Russie' },
  { code: 'FRA', nameRu: 'Франция', nameEn: 'France', nameFr: 'France' },
  { code: 'DEU', nameRu: 'Германия', nameEn: 'Germany', nameFr: 'Allemagne' },
  { code: 'ARE', nameRu: 'ОАЭ', nameEn: 'United Arab Emirates', nameFr: 'Émirats arabes unis' },
];

describe('country type-ahead', () => {
  it('finds a country by its Russian, English or French name or its code', () => {
    expect(matchCountries(BOOK, 'рос', 'ru').map((c) => c.code)).toEqual(['RUS']);
    expect(matchCountries(BOOK, 'germ', 'en').map((c) => c.code)).toEqual(['DEU']);
    expect(matchCountries(BOOK, 'allem', 'fr').map((c) => c.code)).toEqual(['DEU']);
    expect(matchCountries(BOOK, 'fra', 'ru').map((c) => c.code)).toEqual(['FRA']);
    expect(matchCountries(BOOK, 'arab', 'en').map((c) => c.code)).toEqual(['ARE']);
  });
  it('resolves whole names, usual spellings and codes, and never guesses from a fragment', () => {
    expect(resolveCountry(BOOK, 'Россия')).toBe('RUS');
    expect(resolveCountry(BOOK, 'russie')).toBe('RUS');
    expect(resolveCountry(BOOK, 'Российская Федерация')).toBe('RUS');
    expect(resolveCountry(BOOK, 'Казахстан')).toBe('KAZ');
    expect(resolveCountry(BOOK, 'kgz')).toBe('KGZ');
    expect(resolveCountry(BOOK, 'Россия (RUS)')).toBe('RUS');
    expect(resolveCountry(BOOK, 'рос')).toBeNull();
    expect(resolveCountry(BOOK, '')).toBe('');
  });
  it('shows the chosen code with its name in the UI language', () => {
    expect(countryLabel(BOOK, 'DEU', 'fr')).toBe('Allemagne (DEU)');
    expect(countryLabel(BOOK, 'KAZ', 'ru')).toBe('KAZ');
  });
});

const key = (
  code: string,
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  code,
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcuts on any layout', () => {
  it('matches the physical key, not the character', () => {
    expect(ctrlCode(key('KeyF', 'а', { ctrlKey: true }), 'KeyF')).toBe(true);
    expect(ctrlCode(key('KeyA', 'f', { ctrlKey: true }), 'KeyF')).toBe(false);
    expect(isSaveShortcut(key('KeyS', 'ы', { ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(key('Enter', 'Enter', { ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(key('Enter', 'Enter'))).toBe(false);
    expect(isPlainEnter(key('Enter', 'Enter'))).toBe(true);
    expect(isPlainEnter(key('Enter', 'Enter', { ctrlKey: true }))).toBe(false);
  });
});

describe('limits from the domain schemas', () => {
  it('reads the limits the backend checks', () => {
    expect(maxLengthOf(clientFieldsSchema(), 'lastNameRu')).toBe(100);
    expect(maxLengthOf(clientFieldsSchema(), 'notes')).toBe(5000);
    expect(rangeOf(countrySchema(), 'passportMarginMonths')).toEqual({ min: 0, max: 24 });
    // A field with a default (the find-tour filters) is unwrapped to its string's limit.
    expect(maxLengthOf(contract['tours.list'].input, 'voucher')).toBe(40);
  });
  it('shows the counter near the limit and names every too-long field', () => {
    expect(counterShown(79, 100)).toBe(false);
    expect(counterShown(80, 100)).toBe(true);
    const issues = lengthIssues(clientFieldsSchema().pick({ lastNameRu: true, birthPlace: true }), {
      lastNameRu: 'Щ'.repeat(300),
      birthPlace: 'Москва',
    });
    expect(issues).toEqual([{ path: 'lastNameRu', code: 'tooLong', params: { max: 100 } }]);
  });
});
