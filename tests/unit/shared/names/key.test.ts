import { describe, expect, it } from 'vitest';
import { nameKey, toLatin, toLatinInformal, TRANSLIT_SCHEMES, allFirstNames } from '../../../../shared/names';

describe('nameKey', () => {
  it.each([
    ['Юлия', 'IULIIA', 'YULIYA', 'Yulia', 'Julia'.replace('J', 'Y')],
    ['Цветков', 'TSVETKOV', 'TCVETKOV', 'Tsvetkov', 'tsvetkov'],
    ['Подъячев', 'PODIEIACHEV', 'PODIACHEV', 'POD"YACHEV', 'PODYACHEV'],
    ['Объедков', 'OBIEEDKOV', 'OBEDKOV', 'OBYEDKOV', 'Obyedkov'],
    ['Наталья', 'NATALIA', "NATAL'YA", 'NATALYA', 'Natalya'],
    ['Дмитрий', 'DMITRII', 'DMITRIY', 'DMITRY', 'Dmitry'],
    ['Евгений', 'EVGENII', 'EVGENIY', 'YEVGENY', 'Yevgeniy'],
    ['Артём', 'ARTEM', 'ARTYOM', 'Artyom', 'artem'],
    ['Соловьёв', 'SOLOVEV', "SOLOV'EV", 'SOLOVYOV', 'Solovyov'],
    ['Ильин', 'ILIN', "IL'IN", 'ILYIN', 'Ilyin'],
    ['Александр', 'ALEKSANDR', 'ALEXANDR', 'Alexandr', 'aleksandr'],
    ['Щукин', 'SHCHUKIN', 'SCHUKIN', 'Shchukin', 'shchukin'],
  ])('one key for %s written %s, %s, %s, %s', (...spellings) => {
    const keys = new Set(spellings.map(nameKey));
    expect([...keys]).toHaveLength(1);
  });

  it('is the same for every scheme of every dictionary first name', () => {
    for (const { name } of allFirstNames()) {
      const key = nameKey(name);
      for (const scheme of TRANSLIT_SCHEMES)
        expect(nameKey(toLatin(name, scheme)), `${name} ${scheme}`).toBe(key);
      expect(nameKey(toLatinInformal(name)), `${name} informal`).toBe(key);
    }
  });

  it('keeps a typed prefix a prefix of the full key', () => {
    for (const [typed, full] of [
      ['YU', 'Юлия'],
      ['Юл', 'Юлия'],
      ['sh', 'Щукин'],
      ['SHCH', 'Щукин'],
      ['tc', 'Цветков'],
      ['ivan', 'Иванова'],
      ['ALEX', 'Александров'],
    ]) {
      expect(nameKey(full!).startsWith(nameKey(typed!)), `${typed} ~ ${full}`).toBe(true);
    }
  });

  it('ignores case, spaces, hyphens, apostrophes and accents', () => {
    expect(nameKey('Rimskii-Korsakov')).toBe(nameKey('RIMSKII KORSAKOV'));
    expect(nameKey("D'Artagnan")).toBe('DARTAGNAN');
    expect(nameKey('Éléonore')).toBe(nameKey('ELEONORE'));
    expect(nameKey('')).toBe('');
  });
});
