import { describe, expect, it } from 'vitest';
import { cyrillicSkeleton, informalMatch, latinSkeletons } from '../../../../shared/names/informal';
import commonSurnames from '../../../../resources/names/common-surnames.ru.json';
import { knownNameWords, lookupFirstName, lookupSurname } from '../../../../shared/names/dictionary';
import { femaleSurname } from '../../../../shared/names/surnames';
import { toLatin, toLatinInformal, TRANSLIT_SCHEMES } from '../../../../shared/names';

describe('informalMatch', () => {
  it.each([
    ['мария', 'MARIA', 'general'],
    ['юлия', 'IULIA', 'general'],
    ['юлия', 'JULIA', 'general'],
    ['евгений', 'YEVGENIY', 'general'],
    ['евгений', 'EVGENIJ', 'general'],
    ['александр', 'ALEXANDR', 'general'],
    ['щербаков', 'SCHERBAKOV', 'general'],
    ['щербаков', 'SHERBAKOV', 'general'],
    ['хохлов', 'HOHLOV', 'general'],
    ['соловьёв', 'SOLOVIEV', 'general'],
    ['соловьёв', 'SOLOVIOV', 'general'],
    ['горбачёв', 'GORBACHOV', 'general'],
    ['ильин', 'ILJIN', 'general'],
    ['людмила', 'LUDMILA', 'general'],
    ['кирилл', 'KIRIL', 'general'],
    ['василий', 'VASSILY', 'general'],
    ['зеленский', 'ZELENSKI', 'general'],
    ['давыдов', 'DAVIDOV', 'general'],
    ['александр', 'ALEXANDER', 'foreign'],
    ['владимир', 'WLADIMIR', 'foreign'],
    ['васильев', 'WASSILJEW', 'foreign'],
    ['софия', 'SOPHIA', 'foreign'],
    ['михаил', 'MICHAIL', 'foreign'],
    ['надежда', 'NADEJDA', 'foreign'],
    ['кузнецов', 'KUZNECOV', 'foreign'],
    ['чайковский', 'TCHAIKOVSKY', 'foreign'],
  ] as const)('%s as %s: %s', (cyrillic, latin, expected) => {
    expect(informalMatch(cyrillic, latin)).toBe(expected);
  });

  it.each([
    // One word uses one style of iotation: MVD's YU with ICAO's IIA is no spelling of Юлия.
    ['юлия', 'YULIIA'],
    ['юлия', 'JULIYA'],
    ['майя', 'MAIYA'],
    // Й, Я, Е are never dropped or swapped for another vowel.
    ['мария', 'MARA'],
    ['андрей', 'ANDRE'],
    ['елена', 'ALENA'],
    // A letter no habit writes so.
    ['иван', 'IVAM'],
    ['щукин', 'SKUKIN'],
  ])('%s is not %s', (cyrillic, latin) => {
    expect(informalMatch(cyrillic, latin)).toBeUndefined();
  });
});

describe('skeletons', () => {
  it('keeps the consonants every spelling shares', () => {
    expect(cyrillicSkeleton('Александр')).toBe('LKSNDR');
    expect(latinSkeletons('ALEXANDER')).toEqual(['LKSNDR']);
    expect(cyrillicSkeleton('Щербаков')).toBe('6RBKV');
    expect(latinSkeletons('SCHERBAKOV')).toEqual(['6RBKV']);
    expect(cyrillicSkeleton('Кирилл')).toBe('KRL');
    expect(latinSkeletons('KIRIL')).toEqual(['KRL']);
    expect(cyrillicSkeleton('Братский')).toBe('BRCK');
    expect(latinSkeletons('BRATSKII')).toEqual(['BRCK']);
    expect(latinSkeletons('VICTOR')).toEqual(['VCTR', 'VKTR']);
    expect(latinSkeletons('JANNA')).toEqual(['N', '3N', 'D3N']);
    expect(latinSkeletons('MICHAIL')).toEqual(['M4L', 'MHL']);
  });

  it('finds every known name from each scheme spelling of it', () => {
    // The fast path of cyrillicCandidates looks known names up by skeleton: a name missed here
    // would be missed there whenever one candidate is asked for.
    const misses: string[] = [];
    for (const word of knownNameWords()) {
      const key = cyrillicSkeleton(word);
      const spellings = [...TRANSLIT_SCHEMES.map((s) => toLatin(word, s)), toLatinInformal(word)];
      for (const latin of spellings) {
        const plain = latin.toUpperCase().replace(/['"]/g, '');
        if (!latinSkeletons(plain).includes(key)) misses.push(`${word} ${plain}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('femaleSurname', () => {
  it.each([
    ['Иванов', 'Иванова'],
    ['Ильин', 'Ильина'],
    ['Соловьёв', 'Соловьёва'],
    ['Добровольский', 'Добровольская'],
    ['Высоцкий', 'Высоцкая'],
    ['Толстой', 'Толстая'],
    ['Трубецкой', 'Трубецкая'],
    ['Донской', 'Донская'],
    ['Белый', 'Белая'],
    ['Цой', 'Цой'],
    ['Шевченко', 'Шевченко'],
    ['Петросян', 'Петросян'],
  ])('%s -> %s', (male, female) => {
    expect(femaleSurname(male)).toBe(female);
  });
});

describe('name data', () => {
  it('ranks the surnames and first names by the frequency list', () => {
    expect(lookupSurname('Иванова')).toEqual({ match: 'exact', rank: 0 });
    expect(lookupSurname('Семенов')).toEqual({ match: 'yo', rank: 14 });
    expect(lookupSurname('Добровольская')).toEqual({ match: 'exact', rank: 371 });
    expect(lookupSurname('Доброволская')).toBeUndefined();
    expect(lookupFirstName('Мария')).toEqual({ name: 'мария', gender: 'F', frequency: 300 });
    expect(lookupFirstName('маря')).toEqual({ name: 'маря', gender: 'F', frequency: 0 });
    expect(lookupFirstName('зиновий')).toEqual({ name: 'зиновий', gender: 'M', frequency: 2 });
  });

  it('holds every demo surname in the frequency list', () => {
    const missing = commonSurnames.surnames.filter((s) => lookupSurname(s)?.match !== 'exact');
    expect(missing).toEqual([]);
  });
});
