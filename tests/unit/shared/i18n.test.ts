import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/api/envelope';
import type { ValidationCode } from '../../../shared/domain/client-validation';
import { createI18n, LANGUAGES, UI_TEXT } from '../../../shared/i18n/create-i18n';

function flatten(obj: object, prefix = ''): Record<string, string> {
  return Object.entries(obj).reduce<Record<string, string>>((acc, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') acc[path] = value;
    else Object.assign(acc, flatten(value as object, path));
    return acc;
  }, {});
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('UI text', () => {
  const flat = Object.fromEntries(LANGUAGES.map((l) => [l, flatten(UI_TEXT[l])]));
  const allKeys = [...new Set(LANGUAGES.flatMap((l) => Object.keys(flat[l]!)))].sort();

  it('has every key in every language (ru, en, fr)', () => {
    expect(LANGUAGES).toEqual(['ru', 'en', 'fr']);
    const missing = LANGUAGES.flatMap((l) =>
      allKeys.filter((k) => !(k in flat[l]!)).map((k) => `${l}: ${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('uses the same interpolation variables for a key in every language', () => {
    const differing = allKeys.flatMap((key) => {
      const [first, ...rest] = LANGUAGES.map((l) => ({ l, vars: variables(flat[l]![key] ?? '') }));
      return rest
        .filter((other) => other.vars.join() !== first!.vars.join())
        .map((other) => `${key}: ${first!.l} {${first!.vars.join()}} vs ${other.l} {${other.vars.join()}}`);
    });
    expect(differing).toEqual([]);
  });

  it('leaves no text empty', () => {
    const empty = LANGUAGES.flatMap((l) =>
      Object.entries(flat[l]!)
        .filter(([, value]) => value.trim() === '')
        .map(([key]) => `${l}: ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('has every plural form each language needs and names every language in the picker', () => {
    const pluralKeys = [...new Set(allKeys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
    expect(pluralKeys.length).toBeGreaterThan(0);
    const missing = LANGUAGES.flatMap((l) =>
      new Intl.PluralRules(l)
        .resolvedOptions()
        .pluralCategories.flatMap((category) =>
          pluralKeys
            .filter((base) => !(`${base}_${category}` in flat[l]!))
            .map((base) => `${l}: ${base}_${category}`),
        ),
    );
    expect(missing).toEqual([]);
    for (const l of LANGUAGES)
      for (const name of LANGUAGES) expect(flat[l]![`app.languages.${name}`], l).toBeTruthy();
  });

  it('has a message for every error and validation code', () => {
    const errorCodes: Record<ErrorCode, true> = {
      BAD_INPUT: true,
      UNKNOWN_COMMAND: true,
      VALIDATION: true,
      NOT_FOUND: true,
      STALE_VERSION: true,
      FORBIDDEN: true,
      TOO_LARGE: true,
      UNAVAILABLE: true,
      BUSY: true,
      READ_ONLY: true,
      INTERNAL: true,
    };
    const validationCodes: Record<ValidationCode, true> = {
      nameRequired: true,
      nameHasDigits: true,
      latinOnly: true,
      dateInFuture: true,
      dateInvalid: true,
      emailInvalid: true,
      countryCode: true,
      documentNumberRequired: true,
      ruForeignPassport: true,
      ruInternalPassport: true,
      expiryBeforeIssue: true,
      cardDigits: true,
      voucherRequired: true,
      voucherTaken: true,
      departureBeforeArrival: true,
      labelRequired: true,
      formUnknown: true,
      keyTaken: true,
      optionsRequired: true,
      dictionaryDuplicate: true,
      noForm: true,
      noFormFields: true,
      pdfFontCharacters: true,
      pdfFieldTooLong: true,
      textForbiddenChar: true,
      rowInvalid: true,
      tooLong: true,
      numberRange: true,
      countryUnknown: true,
    };
    for (const l of LANGUAGES) {
      for (const code of Object.keys(errorCodes))
        expect(flat[l]![`errors.${code}`], `${l} ${code}`).toBeDefined();
      for (const code of Object.keys(validationCodes))
        expect(flat[l]![`validation.${code}`], `${l} ${code}`).toBeDefined();
    }
  });

  it('uses the plural forms of each language', () => {
    const i18n = createI18n('ru');
    expect(i18n.t('clients.count', { count: 1 })).toBe('1 клиент');
    expect(i18n.t('clients.count', { count: 3 })).toBe('3 клиента');
    expect(i18n.t('clients.count', { count: 25 })).toBe('25 клиентов');
    expect(i18n.t('clients.count', { count: 21 })).toBe('21 клиент');
    i18n.changeLanguage('en');
    expect(i18n.t('clients.count', { count: 1 })).toBe('1 client');
    expect(i18n.t('clients.count', { count: 5 })).toBe('5 clients');
    i18n.changeLanguage('fr');
    expect(i18n.t('clients.count', { count: 0 })).toBe('0 client');
    expect(i18n.t('clients.count', { count: 1 })).toBe('1 client');
    expect(i18n.t('clients.count', { count: 2 })).toBe('2 clients');
    expect(i18n.t('clients.count', { count: 1_000_000 })).toBe('1000000 de clients');
    expect(i18n.t('tours.filters.found', { count: 1 })).toBe('1 séjour trouvé');
  });
});
