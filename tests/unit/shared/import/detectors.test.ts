import { describe, expect, it } from 'vitest';
import {
  detectMapping,
  documentShape,
  guessFromContent,
  headerField,
  looksLikeNames,
  nameScore,
  normalizeCitizenship,
  normalizePaxType,
  normalizeTitle,
  splitPassportCell,
} from '../../../../shared/import';

describe('value normalisers', () => {
  it.each([
    ['взр.', 'ADT'],
    ['Взр', 'ADT'],
    ['ADL', 'ADT'],
    ['ADL.', 'ADT'],
    ['adult', 'ADT'],
    ['реб.', 'CHD'],
    ['ребёнок', 'CHD'],
    ['CHD', 'CHD'],
    ['C05', 'CHD'],
    ['инф.', 'INF'],
    ['Инф', 'INF'],
    ['INF.', 'INF'],
    ['младенец', 'INF'],
    ['пенс.', null],
    ['35', null],
  ] as const)('passenger category %s -> %s', (text, type) => {
    expect(normalizePaxType(text)).toBe(type);
  });

  it('reads a title as sex, and CHD/INF as a passenger type that leaves the sex open', () => {
    expect(
      ['MR', 'Mrs.', 'MS', 'MISS', 'MSTR', 'г-жа', 'CHD', 'INF', 'DR', 'IVANOV'].map(normalizeTitle),
    ).toEqual([
      { gender: 'M' },
      { gender: 'F' },
      { gender: 'F' },
      { gender: 'F' },
      { gender: 'M' },
      { gender: 'F' },
      { paxType: 'CHD' },
      { paxType: 'INF' },
      null,
      null,
    ]);
  });

  it.each([
    ['Российская Федерация', 'RUS'],
    ['RUSSIAN FEDERATION', 'RUS'],
    ['Russian', 'RUS'],
    ['Республика Беларусь', 'BLR'],
    ['Republic of Belarus', 'BLR'],
    ['Республика Казахстан', 'KAZ'],
    ['REPUBLIC OF KAZAKHSTAN', 'KAZ'],
    ['Кыргызская Республика', 'KGZ'],
    ['Kyrgyz Republic', 'KGZ'],
    ['Республика Узбекистан', 'UZB'],
    ['Federal Republic of Germany', 'DEU'],
    ['Соединённые Штаты Америки', 'USA'],
    ['State of Israel', 'ISR'],
    ['Республика Атлантида', null],
  ] as const)('citizenship %s -> %s', (text, code) => {
    expect(normalizeCitizenship(text)).toBe(code);
  });

  it('splits a passport cell that carries its expiry or issue date', () => {
    expect(splitPassportCell('75 3344551 до 20.08.2031')).toEqual({
      number: '75 3344551',
      expiry: '20.08.2031',
    });
    expect(splitPassportCell('N12345678 exp 01.02.2030')).toEqual({
      number: 'N12345678',
      expiry: '01.02.2030',
    });
    expect(splitPassportCell('N12345678, exp. 01FEB30')).toEqual({ number: 'N12345678', expiry: '01FEB30' });
    expect(splitPassportCell('MP1234567 valid till 01.02.2030')).toEqual({
      number: 'MP1234567',
      expiry: '01.02.2030',
    });
    expect(splitPassportCell('75 1234567 (годен до 10.01.2031)')).toEqual({
      number: '75 1234567',
      expiry: '10.01.2031',
    });
    expect(splitPassportCell('75 1234567 выдан 10.01.2021')).toEqual({
      number: '75 1234567',
      issued: '10.01.2021',
    });
    expect(splitPassportCell('75 1234567')).toEqual({ number: '75 1234567' });
    // A word without a date after it is part of nothing: the text stays whole.
    expect(splitPassportCell('75 1234567 до')).toEqual({ number: '75 1234567 до' });
  });

  it.each([
    ['751234567', 'passport'],
    ['N12345678', 'passport'],
    ['MP1234567', 'passport'],
    ['AA1234567', 'passport'],
    ['FA123456', 'passport'],
    ['12AB34567', 'passport'],
    ['C01X00T47', 'passport'],
    ['4510123456', 'internal'],
    ['5552100123456', 'ticket'],
    ['12345', null],
    ['DBL', null],
    ['P', null],
    ['ABCDEFGH', null],
  ] as const)('document shape of %s is %s', (compact, shape) => {
    expect(documentShape(compact)).toBe(shape);
  });
});

describe('what looks like a name', () => {
  it('scores names by the dictionaries and endings, never by the script', () => {
    expect(nameScore('Иванова Мария Петровна')).toBe(1);
    expect(nameScore('IVANOVA MARIA')).toBe(1);
    expect(nameScore('TATIANA')).toBe(1);
    expect(nameScore('Соколова Елена\nSOKOLOVA ELENA')).toBe(1);
    // Ends like a surname, known to no dictionary: half a point.
    expect(nameScore('ZVYAGINTSEV')).toBe(0.5);
    expect(nameScore('DBL+CHD')).toBe(0);
    expect(nameScore('TRPL')).toBe(0);
    expect(nameScore('MOSCOW, USSR')).toBe(0);
    expect(nameScore('P')).toBe(0);
    expect(nameScore('SVO-CDG; Aldemar')).toBe(0);
    expect(nameScore('Руководитель группы')).toBe(0);
    expect(nameScore('Ivanov Ivan Ivanovich Junior Second')).toBe(0);
    // One rare first name among unknown words is a hotel, not a person.
    expect(nameScore('Rixos Premium Belek')).toBeCloseTo(1 / 3);
    expect(nameScore('Нурланов Ержан')).toBe(0.75);
  });

  it('takes a column for names only when most values look like names', () => {
    expect(looksLikeNames(['IVANOV', 'PETROVA', 'SMIRNOV'])).toBe(true);
    expect(looksLikeNames(['DBL', 'DBL+CHD', 'TRPL', 'SGL'])).toBe(false);
    expect(looksLikeNames(['MOSCOW, USSR', 'LENINGRAD, USSR'])).toBe(false);
    expect(looksLikeNames(['Rixos Premium Belek', 'Aldemar Royal Mare'])).toBe(false);
    expect(looksLikeNames([])).toBe(false);
  });
});

describe('header synonyms', () => {
  it.each([
    ['Фамилия, имя\n(как в паспорте)', 'fullName'],
    ['Фамилия (как в загранпаспорте)', 'lastNameLat'],
    ['№\nп/п', 'ignore'],
    ['№', 'ignore'],
    ['NO', 'ignore'],
    ['Услуги', 'ignore'],
    ['Примечание', 'ignore'],
    ['Place of birth', 'birthPlace'],
    ['Место рождения', 'birthPlace'],
    ['Date of issue', 'passportIssueDate'],
    ['Дата выдачи', 'passportIssueDate'],
    ['Issuing authority', 'passportAuthority'],
    ['Кем выдан', 'passportAuthority'],
    ['Размещение', 'roomType'],
    ['Room type', 'roomType'],
    ['Seat', 'seat'],
    ['Doc type', 'documentType'],
    ['Обращение', 'title'],
    ['Title', 'title'],
    ['Кат.', 'paxType'],
    ['Гражд.', 'citizenship'],
    ['NAT', 'citizenship'],
    ['Док.', null],
    ['Отель', 'ignore'],
  ] as const)('%j names %s', (header, field) => {
    expect(headerField(header)).toBe(field);
  });
});

describe('columns by content', () => {
  it('leaves unknown Latin columns unloaded instead of taking them for names', () => {
    const columns = [
      ['DBL', 'DBL+CHD', 'TRPL'],
      ['MOSCOW, USSR', 'LENINGRAD, USSR', 'KAZAN, USSR'],
      ['P', 'P', 'P'],
      ['SVO-CDG; Aldemar', 'SVO-CDG', 'Aldemar'],
      ['12A', '12B', '14C'],
    ];
    expect(detectMapping(['Xx', 'Yy', 'Zz', 'Ww', 'Vv'], columns, 2026).mapping).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(detectMapping(null, columns, 2026).mapping).toEqual([null, null, null, null, null]);
  });

  it('finds passports of several countries under any header', () => {
    expect(
      guessFromContent(['75 1234567', 'N12345678', 'MP1234567', 'N87654321', '761234567'], 2026),
    ).toEqual({ field: 'passportNumber', confidence: 0.75 });
    expect(guessFromContent(['75 3344551 до 20.08.2031', '75 2223334 до 01.02.2030'], 2026)).toEqual({
      field: 'passportNumber',
      confidence: 0.75,
    });
  });

  it('tells names by content: full names, surnames, first names by the dictionary', () => {
    expect(guessFromContent(['Иванова Мария Петровна', 'Смирнов Олег'], 2026)?.field).toBe('fullNameRu');
    expect(guessFromContent(['IVANOV', 'PETROVA', 'SOKOLOVA'], 2026)?.field).toBe('lastNameLat');
    expect(guessFromContent(['Мария', 'Павел', 'Ольга'], 2026)?.field).toBe('firstNameRu');
    expect(guessFromContent(['MARIA', 'PAVEL', 'OLGA'], 2026)?.field).toBe('firstNameLat');
    expect(guessFromContent(['IVANOVA/MARIA MRS(INF/ANNA/12JAN25)', 'PETROV/ILYA MSTR'], 2026)?.field).toBe(
      'fullNameLat',
    );
  });

  it('reads titles and categories by content, and a name header over codes follows the codes', () => {
    expect(guessFromContent(['MR', 'MRS', 'CHD', 'INF'], 2026)?.field).toBe('title');
    expect(guessFromContent(['взр.', 'реб.', 'инф.'], 2026)?.field).toBe('paxType');
    expect(
      detectMapping(
        ['PAX', 'Name'],
        [
          ['ADT', 'CHD'],
          ['IVANOV IVAN', 'PETROVA ANNA'],
        ],
        2026,
      ).mapping,
    ).toEqual(['paxType', 'fullNameLat']);
  });
});
