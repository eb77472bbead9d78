import { describe, expect, it } from 'vitest';
import { toLatin, toLatinInformal } from '../../../../shared/names';

// translit.md section 1.3, computed with iuliia: Cyrillic, ICAO, GOST 52535, MVD-310, informal.
const WORKED_EXAMPLES: [string, string, string, string, string][] = [
  ['Юлия', 'IULIIA', 'IULIIA', 'YULIYA', 'YULIYA'],
  ['Цветков', 'TSVETKOV', 'TCVETKOV', 'TSVETKOV', 'TSVETKOV'],
  ['Подъячев', 'PODIEIACHEV', 'PODIACHEV', 'POD"YACHEV', 'PODYACHEV'],
  ['Объедков', 'OBIEEDKOV', 'OBEDKOV', 'OBYEDKOV', 'OBYEDKOV'],
  ['Андрей', 'ANDREI', 'ANDREI', 'ANDREY', 'ANDREY'],
  ['Наталья', 'NATALIA', 'NATALIA', "NATAL'YA", 'NATALYA'],
  ['Татьяна', 'TATIANA', 'TATIANA', "TAT'YANA", 'TATYANA'],
  ['Мария', 'MARIIA', 'MARIIA', 'MARIYA', 'MARIYA'],
  ['Ксения', 'KSENIIA', 'KSENIIA', 'KSENIYA', 'KSENIYA'],
  ['Дмитрий', 'DMITRII', 'DMITRII', 'DMITRIY', 'DMITRY'],
  ['Евгений', 'EVGENII', 'EVGENII', 'EVGENIY', 'YEVGENY'],
  ['Артём', 'ARTEM', 'ARTEM', 'ARTEM', 'ARTYOM'],
  ['Соловьёв', 'SOLOVEV', 'SOLOVEV', "SOLOV'EV", 'SOLOVYOV'],
  ['Ильин', 'ILIN', 'ILIN', "IL'IN", 'ILYIN'],
  ['Юрьевич', 'IUREVICH', 'IUREVICH', 'YURYEVICH', 'YURYEVICH'],
];

describe('toLatin', () => {
  it.each(WORKED_EXAMPLES)(
    '%s: ICAO %s, GOST %s, MVD-310 %s, informal %s',
    (cyr, icao, gost, mvd, informal) => {
      const upper = cyr.toUpperCase();
      expect(toLatin(upper)).toBe(icao);
      expect(toLatin(upper, 'icao')).toBe(icao);
      expect(toLatin(upper, 'gost52535')).toBe(gost);
      expect(toLatin(upper, 'mvd310')).toBe(mvd);
      expect(toLatinInformal(upper)).toBe(informal);
    },
  );

  it.each([
    ['Ян Разъездной', 'Ian Razieezdnoi'],
    ['Анастасия', 'Anastasiia'],
    ['Валерий', 'Valerii'],
    ['Александр', 'Aleksandr'],
    ['Максим', 'Maksim'],
    ['Щеглова', 'Shcheglova'],
    ['Хабибуллин', 'Khabibullin'],
    ['Римский-Корсаков', 'Rimskii-Korsakov'],
  ])('ICAO sample %s -> %s', (cyr, latin) => {
    expect(toLatin(cyr)).toBe(latin);
  });

  it('follows the letter case of the input and passes other characters through', () => {
    expect(toLatin('Иванов')).toBe('Ivanov');
    expect(toLatin('ИВАНОВ')).toBe('IVANOV');
    expect(toLatin('иванов')).toBe('ivanov');
    expect(toLatin('ЮЛИЯ ЩЕГЛОВА')).toBe('IULIIA SHCHEGLOVA');
    expect(toLatin('Щ')).toBe('Shch');
    expect(toLatin("O'Brien, 12 Иван")).toBe("O'Brien, 12 Ivan");
    expect(toLatin('Юлия, съешь ещё', 'mvd310')).toBe("Yuliya, syesh' eshche");
  });

  it('converts Ukrainian and Belarusian letters by the ICAO recommendation', () => {
    expect(toLatin('Ґалицький Євген Ігор Їжак Ўладзімір')).toBe('Galitskii Ievgen Igor Izhak Uladzimir');
  });
});
