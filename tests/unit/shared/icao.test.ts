import { describe, expect, it } from 'vitest';
import { icaoToLatin, surnameSearchKey } from '../../../shared/names';

describe('ICAO Doc 9303 transliteration (minimal)', () => {
  it.each([
    ['Юлия', 'Iuliia'],
    ['Цветков', 'Tsvetkov'],
    ['Подъячев', 'Podieiachev'],
    ['Объедков', 'Obieedkov'],
    ['Андрей', 'Andrei'],
    ['Наталья', 'Natalia'],
    ['Дмитрий', 'Dmitrii'],
    ['Артём', 'Artem'],
    ['Соловьёв', 'Solovev'],
    ['Ильин', 'Ilin'],
    ['Щукин', 'Shchukin'],
    ['Хабаров', 'Khabarov'],
    ['Римский-Корсаков', 'Rimskii-Korsakov'],
  ])('%s -> %s', (cyrillic, latin) => {
    expect(icaoToLatin(cyrillic)).toBe(latin);
  });

  it('lets the case follow the input', () => {
    expect(icaoToLatin('ЩУКИНА ЮЛИЯ')).toBe('SHCHUKINA IULIIA');
    expect(icaoToLatin('Ж')).toBe('Zh');
    expect(icaoToLatin('ЖЖ')).toBe('ZHZH');
    expect(icaoToLatin("O'Brien 2")).toBe("O'Brien 2");
  });

  it('gives one search key for a surname in either script', () => {
    for (const typed of ['Иванов', 'ivanov', 'IVANOV', ' Иванов '])
      expect(surnameSearchKey(typed)).toBe('IVANOV');
    expect(surnameSearchKey('Римский-Корсаков')).toBe('RIMSKIIKORSAKOV');
    expect(surnameSearchKey('123')).toBe('');
  });
});
