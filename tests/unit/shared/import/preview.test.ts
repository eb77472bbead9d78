import { describe, expect, it } from 'vitest';
import {
  buildImportPreview,
  excelSerialToIso,
  normalizeCitizenship,
  normalizeDate,
  normalizeGender,
} from '../../../../shared/import';
import { createI18n } from '../../../../shared/i18n/create-i18n';

const opts = { currentYear: 2026, today: '2026-11-23' };
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';

describe('normalisers', () => {
  it.each([
    ['14.05.1980', 'past', '1980-05-14'],
    ['14/05/80', 'past', '1980-05-14'],
    ['14.05.19', 'past', '2019-05-14'],
    ['1980-05-14', 'past', '1980-05-14'],
    ['14MAY80', 'past', '1980-05-14'],
    ['01JAN30', 'future', '2030-01-01'],
    ['14 мая 1980 г.', 'past', '1980-05-14'],
    ['3 сентября 2031', 'future', '2031-09-03'],
    ['29380', 'past', '1980-06-08'],
    ['31.02.2020', 'past', null],
    ['вчера', 'past', null],
  ] as const)('date %s (%s) -> %s', (text, kind, iso) => {
    expect(normalizeDate(text, kind, '2026-11-23')).toBe(iso);
  });

  it('converts Excel serial days, including around the fake 29.02.1900', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });

  it('reads sex and citizenship in their usual spellings', () => {
    expect(['М', 'муж', 'M', 'MR', 'Мужской', 'MSTR'].map(normalizeGender)).toEqual([
      'M',
      'M',
      'M',
      'M',
      'M',
      'M',
    ]);
    expect(['Ж', 'жен.', 'F', 'MRS', 'miss', 'женский'].map(normalizeGender)).toEqual([
      'F',
      'F',
      'F',
      'F',
      'F',
      'F',
    ]);
    expect(['РФ', 'Россия', 'Russia', 'RU', 'rus', 'Российская Федерация'].map(normalizeCitizenship)).toEqual(
      Array(6).fill('RUS'),
    );
    expect(normalizeCitizenship('Казахстан')).toBe('KAZ');
    expect(normalizeCitizenship('Атлантида')).toBeNull();
  });
});

describe('buildImportPreview', () => {
  it('maps Russian headers in any order, skips title and total rows, joins split passports', () => {
    const preview = buildImportPreview(
      {
        text: tsv([
          ['Список туристов на 01.05.2027', '', '', '', '', '', ''],
          ['№', 'Пол', 'Фамилия', 'Имя', 'Серия', 'Номер', 'Дата рождения'],
          ['1', 'Ж', 'Петрова', 'Анна', '75', '1234567', '07.07.1985'],
          ['2', 'м', 'IVANOV', 'IVAN', '76', '0012345', '29380'],
          ['', '', '', '', '', '', ''],
          ['Итого: 2', '', '', '', '', '', ''],
        ]),
      },
      opts,
    );
    expect(preview.headerRow).toBe(1);
    expect(preview.skippedRows).toEqual([0, 4, 5]);
    expect(preview.mapping).toEqual([
      null,
      'gender',
      'lastNameRu',
      'firstNameRu',
      'passportSeries',
      'passportNumber',
      'birthDate',
    ]);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        gender: 'F',
        lastNameRu: 'Петрова',
        firstNameRu: 'Анна',
        passportNumber: '751234567',
        birthDate: '1985-07-07',
      },
      {
        gender: 'M',
        lastNameRu: 'IVANOV',
        firstNameRu: 'IVAN',
        passportNumber: '760012345',
        birthDate: '1980-06-08',
      },
    ]);
  });

  it('tells Latin from Cyrillic surname columns by their content', () => {
    const preview = buildImportPreview(
      {
        text: tsv([
          ['Surname', 'Name', 'DOB', 'Passport No', 'Expiry', 'Nationality'],
          ['SHCHUKINA', 'IULIIA', '14MAY80', '75 1234567', '01.01.2031', 'Russia'],
        ]),
      },
      opts,
    );
    expect(preview.mapping).toEqual([
      'lastNameLat',
      'firstNameLat',
      'birthDate',
      'passportNumber',
      'passportExpiry',
      'citizenship',
    ]);
    expect(preview.rows[0]!.draft).toEqual({
      lastNameLat: 'SHCHUKINA',
      firstNameLat: 'IULIIA',
      birthDate: '1980-05-14',
      passportNumber: '751234567',
      passportExpiry: '2031-01-01',
      citizenship: 'RUS',
      gender: 'F',
    });
    expect(preview.rows[0]!.issues).toEqual([]);
  });

  it('detects columns from content when there is no header, full names included', () => {
    const preview = buildImportPreview(
      {
        text: tsv([
          ['Иванов Иван Иванович', '14.05.1980', '751234567', '+7 916 123-45-67'],
          ['Петрова Анна Сергеевна', '07.07.1985', '761234567', '+7 903 000-00-00'],
        ]),
      },
      opts,
    );
    expect(preview.headerRow).toBeNull();
    expect(preview.mapping).toEqual(['fullNameRu', 'birthDate', 'passportNumber', 'phone']);
    expect(preview.rows[1]!.draft).toMatchObject({
      lastNameRu: 'Петрова',
      firstNameRu: 'Анна',
      middleNameRu: 'Сергеевна',
      gender: 'F',
    });
  });

  it('reads GDS lines with infants and children', () => {
    const preview = buildImportPreview(
      { text: '1.1IVANOVA/MARIA MRS\n2.1PETROV/PAVEL MSTR(CHD/05MAR16)\n' },
      opts,
    );
    expect(preview.mapping).toEqual(['fullNameLat']);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      { lastNameLat: 'IVANOVA', firstNameLat: 'MARIA', gender: 'F' },
      { lastNameLat: 'PETROV', firstNameLat: 'PAVEL', gender: 'M', paxType: 'CHD', birthDate: '2016-03-05' },
    ]);
  });

  it('flags what it cannot read, by field, and never drops the row', () => {
    const preview = buildImportPreview(
      {
        text: tsv([
          ['Фамилия', 'Пол', 'Дата рождения', 'Загранпаспорт', 'Действителен до', 'E-mail'],
          ['', 'X', '31.02.2020', '1.23E+12', '01.01.2020', 'nope'],
          ['Иванова', 'М', '01.01.1990', '12345', '01.01.2030', 'a@b.ru'],
        ]),
      },
      opts,
    );
    // What the cells cannot give first, then the rules the commit would refuse the row by: an
    // invalid e-mail is refused by the commit, so it is an error here too (it was a warning).
    expect(preview.rows[0]!.issues.map((i) => `${i.field}:${i.code}:${i.severity}`)).toEqual([
      'gender:genderUnknown:error',
      'birthDate:dateInvalid:error',
      'passportNumber:scientificNumber:error',
      'passportExpiry:expiredPassport:warning',
      'lastNameRu:surnameMissing:error',
      'email:emailInvalid:error',
    ]);
    expect(preview.rows[1]!.issues.map((i) => i.code)).toEqual(['passportFormat', 'genderConflict']);
  });

  it('describes an issue by code and parameters only, for the UI to word in the language of the clerk', () => {
    const preview = buildImportPreview(
      {
        text: tsv([
          ['Фамилия', 'Дата рождения'],
          ['Иванов', '31.02.2020'],
        ]),
      },
      opts,
    );
    const issue = preview.rows[0]!.issues[0]!;
    expect(issue).toEqual({
      field: 'birthDate',
      severity: 'error',
      code: 'dateInvalid',
      params: { value: '31.02.2020' },
    });
    expect(createI18n('ru').t(`import.issues.${issue.code}`, issue.params)).toBe('Не дата: «31.02.2020».');
    expect(createI18n('en').t(`import.issues.${issue.code}`, issue.params)).toBe('Not a date: "31.02.2020".');
  });

  it('uses a mapping the user set instead of detecting one', () => {
    const preview = buildImportPreview(
      { rows: [['a', 'IVANOV']] },
      { ...opts, headerRow: null, mapping: [null, 'lastNameLat'] },
    );
    expect(preview.rows[0]!.draft).toEqual({ lastNameLat: 'IVANOV', gender: 'M' });
    expect(preview.confidence).toEqual([0, 1]);
  });
});
