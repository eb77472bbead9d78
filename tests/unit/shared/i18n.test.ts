import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/api/envelope';
import type { ValidationCode } from '../../../shared/domain/client-validation';
import { createI18n } from '../../../shared/i18n/create-i18n';
import { en } from '../../../shared/i18n/en';
import { ru } from '../../../shared/i18n/ru';

function flatten(obj: object, prefix = ''): Record<string, string> {
  return Object.entries(obj).reduce<Record<string, string>>((acc, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') acc[path] = value;
    else Object.assign(acc, flatten(value as object, path));
    return acc;
  }, {});
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('UI text', () => {
  const ruFlat = flatten(ru);
  const enFlat = flatten(en);

  it('has the same keys and interpolation variables in Russian and English', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(ruFlat).sort());
    for (const key of Object.keys(ruFlat))
      expect(variables(enFlat[key] ?? ''), key).toEqual(variables(ruFlat[key] ?? ''));
    for (const [key, value] of Object.entries({ ...ruFlat, ...enFlat }))
      expect(value.trim(), key).not.toBe('');
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
      rowInvalid: true,
    };
    for (const code of Object.keys(errorCodes)) expect(ruFlat[`errors.${code}`], code).toBeDefined();
    for (const code of Object.keys(validationCodes)) expect(ruFlat[`validation.${code}`], code).toBeDefined();
  });

  it('uses Russian plural forms', () => {
    const i18n = createI18n('ru');
    expect(i18n.t('clients.count', { count: 1 })).toBe('1 клиент');
    expect(i18n.t('clients.count', { count: 3 })).toBe('3 клиента');
    expect(i18n.t('clients.count', { count: 25 })).toBe('25 клиентов');
    expect(i18n.t('clients.count', { count: 21 })).toBe('21 клиент');
    i18n.changeLanguage('en');
    expect(i18n.t('clients.count', { count: 1 })).toBe('1 client');
    expect(i18n.t('clients.count', { count: 5 })).toBe('5 clients');
  });
});
