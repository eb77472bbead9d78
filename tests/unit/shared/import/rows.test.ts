import { describe, expect, it } from 'vitest';
import {
  buildImportPreview,
  commitIssues,
  DRAFT_FIELDS,
  readClipboardTable,
  TARGET_FIELDS,
  type ImportIssueCode,
  type ImportPreview,
} from '../../../../shared/import';
import { validateTourist } from '../../../../shared/domain/tourist-validation';
import { touristFromDraft } from '../../../../shared/import';
import { en } from '../../../../shared/i18n/en';
import { ru } from '../../../../shared/i18n/ru';
import { fr } from '../../../../shared/i18n/fr';

const opts = { currentYear: 2026, today: '2026-11-23' };
const issuesOf = (p: ImportPreview, i: number) =>
  p.rows[i]!.issues.map((x) => `${x.field}:${x.code}:${x.severity}`);

describe('rows that are no people', () => {
  it('skips section rows inside the table and the footer under the total, keeping a lone name', () => {
    const preview = buildImportPreview(
      {
        rows: [
          ['Rooming list: TR-1', 'Rooming list: TR-1', 'Rooming list: TR-1', 'Rooming list: TR-1'],
          ['№', 'ФИО', 'Дата рождения', 'Загранпаспорт'],
          ['Руководитель группы', '', '', ''],
          ['1', 'Соколова Елена', '30.09.1978', '753344551'],
          ['Участники', 'Участники', 'Участники', 'Участники'],
          ['2', 'Орлов Дмитрий', '17.06.1975', '764445556'],
          ['', 'Петрова Анна', '', ''],
          ['3', '', '', ''],
          ['', 'Итого: 3 человека', '', ''],
          ['Менеджер:', 'Петрова Е. А.', 'тел. +7 495 123-45-67', ''],
          ['Менеджер: Петрова Е. А., тел. +7 495 123-45-67', '', '', ''],
        ],
      },
      opts,
    );
    expect(preview.headerRow).toBe(1);
    expect(preview.skippedRows).toEqual([0, 2, 4, 7, 8, 9, 10]);
    expect(preview.rows.map((r) => r.label)).toEqual(['4', '6', '7']);
    expect(preview.mapping).toEqual([null, 'fullNameRu', 'birthDate', 'passportNumber']);
  });

  it('reads a header of two rows: a merged group over its columns', () => {
    const preview = buildImportPreview(
      {
        rows: [
          ['ФИО', 'Загранпаспорт', 'Загранпаспорт', 'Дата рождения'],
          ['', 'Номер', 'Действителен до', ''],
          ['Иванов Иван', '75 1234567', '01.02.2031', '14.05.1980'],
        ],
      },
      opts,
    );
    expect(preview.headerRow).toBe(0);
    expect(preview.skippedRows).toEqual([1]);
    expect(preview.headers).toEqual([
      'ФИО',
      'Номер\n(Загранпаспорт)',
      'Действителен до\n(Загранпаспорт)',
      'Дата рождения',
    ]);
    expect(preview.mapping).toEqual(['fullNameRu', 'passportNumber', 'passportExpiry', 'birthDate']);
    expect(preview.rows[0]!.draft).toEqual({
      lastNameRu: 'Иванов',
      firstNameRu: 'Иван',
      gender: 'M',
      passportNumber: '751234567',
      passportExpiry: '2031-02-01',
      birthDate: '1980-05-14',
    });
  });
});

describe('manifests', () => {
  it('splits SURNAME/FIRST TITLE and gives the infant inside an element its own row', () => {
    const preview = buildImportPreview(
      {
        rows: [
          ['NAME', 'DOB', 'DOCS', 'NAT'],
          ['IVANOVA/MARIA MRS(INF/ANNA/12JAN25)', '12MAR85', '751234567', 'KAZ'],
          ['PETROV/ILYA MSTR', '05JUL16', '761112233', 'RUS'],
          ['SIDOROVA/OLGA MRS(INFKUZNETSOV/PAVEL/01MAR26)', '01JAN90', '752223334', 'RUS'],
        ],
      },
      opts,
    );
    expect(preview.rows.map((r) => [r.label, r.key, r.sourceIndex])).toEqual([
      ['2', 1, 1],
      ['2a', 1 + 1 / 16, 1],
      ['3', 2, 2],
      ['4', 3, 3],
      ['4a', 3 + 1 / 16, 3],
    ]);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        lastNameLat: 'IVANOVA',
        firstNameLat: 'MARIA',
        gender: 'F',
        birthDate: '1985-03-12',
        passportNumber: '751234567',
        citizenship: 'KAZ',
      },
      // The infant: the adult's surname, its own birth date, the adult's nationality, no passport.
      {
        lastNameLat: 'IVANOVA',
        firstNameLat: 'ANNA',
        gender: 'F',
        paxType: 'INF',
        birthDate: '2025-01-12',
        citizenship: 'KAZ',
      },
      {
        lastNameLat: 'PETROV',
        firstNameLat: 'ILYA',
        gender: 'M',
        birthDate: '2016-07-05',
        passportNumber: '761112233',
        citizenship: 'RUS',
      },
      {
        lastNameLat: 'SIDOROVA',
        firstNameLat: 'OLGA',
        gender: 'F',
        birthDate: '1990-01-01',
        passportNumber: '752223334',
        citizenship: 'RUS',
      },
      {
        lastNameLat: 'KUZNETSOV',
        firstNameLat: 'PAVEL',
        gender: 'M',
        paxType: 'INF',
        birthDate: '2026-03-01',
        citizenship: 'RUS',
      },
    ]);
    // The infant's fields come from the name cell: its issues are marked there.
    expect(preview.rows[1]!.origin).toEqual({
      lastNameLat: 0,
      firstNameLat: 0,
      gender: 0,
      paxType: 0,
      birthDate: 0,
      citizenship: 3,
    });
  });

  it('takes CHD and INF from a title column as the type, and the sex from elsewhere', () => {
    const preview = buildImportPreview(
      {
        rows: [
          ['Surname', 'Name', 'Title', 'Sex'],
          ['PETROV', 'ILYA', 'CHD', ''],
          ['PETROVA', 'ANNA', 'INF', 'F'],
          ['PETROVA', 'OLGA', 'MRS', ''],
        ],
      },
      opts,
    );
    expect(preview.mapping).toEqual(['lastNameLat', 'firstNameLat', 'title', 'gender']);
    expect(preview.rows.map((r) => [r.draft.paxType, r.draft.gender])).toEqual([
      ['CHD', 'M'],
      ['INF', 'F'],
      [undefined, 'F'],
    ]);
  });
});

describe('cells that hold two things', () => {
  it('fills both scripts from a two-paragraph name cell, and passport and expiry from one cell', () => {
    const preview = buildImportPreview(
      {
        rows: [
          ['Фамилия, имя\n(как в паспорте)', 'Загранпаспорт'],
          ['Щукина Юлия\nSHCHUKINA IULIIA', '75 2223334 до 01.02.2030'],
          ['Фамилия\nSURNAME', 'N12345678 exp 01.02.2031'],
        ],
      },
      opts,
    );
    expect(preview.mapping).toEqual(['fullNameRu', 'passportNumber']);
    expect(preview.rows[0]!.draft).toEqual({
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      lastNameLat: 'SHCHUKINA',
      firstNameLat: 'IULIIA',
      gender: 'F',
      passportNumber: '752223334',
      passportExpiry: '2030-02-01',
    });
    expect(preview.rows[0]!.origin).toMatchObject({ passportNumber: 1, passportExpiry: 1 });
  });

  it('title-cases Cyrillic typed in capitals and keeps Latin as printed', () => {
    const preview = buildImportPreview(
      {
        rows: [
          ['Фамилия', 'Имя', 'Отчество', 'Фамилия (лат.)', 'Имя (лат.)'],
          ['СМИРНОВ', 'ОЛЕГ', 'ИГОРЕВИЧ', "O'BRIEN-SMIRNOV", 'OLEG'],
          ['иванова-петрова', 'анна', 'сергеевна', 'IVANOVA-PETROVA', 'ANNA'],
        ],
      },
      opts,
    );
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        lastNameRu: 'Смирнов',
        firstNameRu: 'Олег',
        middleNameRu: 'Игоревич',
        lastNameLat: "O'BRIEN-SMIRNOV",
        firstNameLat: 'OLEG',
        gender: 'M',
      },
      {
        lastNameRu: 'Иванова-Петрова',
        firstNameRu: 'Анна',
        middleNameRu: 'Сергеевна',
        lastNameLat: 'IVANOVA-PETROVA',
        firstNameLat: 'ANNA',
        gender: 'F',
      },
    ]);
  });

  it('keeps room type, seat and document type to show, outside the draft', () => {
    const preview = buildImportPreview(
      {
        rows: [
          ['Surname', 'Room type', 'Seat', 'Doc type', 'Place of birth', 'Date of issue', 'Issued by'],
          ['VOLKOVA', 'DBL+CHD', '12A', 'P', 'MOSCOW, USSR', '10.01.2021', 'MVD 77001'],
        ],
      },
      opts,
    );
    expect(preview.rows[0]!.info).toEqual({ roomType: 'DBL+CHD', seat: '12A', documentType: 'P' });
    expect(preview.rows[0]!.draft).toEqual({
      lastNameLat: 'VOLKOVA',
      birthPlace: 'MOSCOW, USSR',
      passportIssueDate: '2021-01-10',
      passportAuthority: 'MVD 77001',
      gender: 'F',
    });
  });
});

describe('the preview shows what the commit refuses', () => {
  const table = (rows: string[][]) => buildImportPreview({ rows }, opts);

  it('flags a birth date in the future at its cell, as the commit would refuse it', () => {
    const preview = table([
      ['Фамилия', 'Дата рождения'],
      ['Иванов', '01.02.2030'],
    ]);
    expect(preview.rows[0]!.issues).toEqual([
      { field: 'birthDate', severity: 'error', code: 'dateInFuture', params: { value: '01.02.2030' } },
    ]);
    expect(preview.rows[0]!.origin.birthDate).toBe(1);
  });

  it('raises every rule of validateTourist as an error, and only those', () => {
    // A mapping the clerk set: Cyrillic in the Latin surname, which the commit refuses.
    const preview = buildImportPreview(
      { rows: [['ИВАНОВ', '751234567', '01.12.2026', '01.01.2020', '12345', 'RUS']] },
      {
        ...opts,
        headerRow: null,
        mapping: [
          'lastNameLat',
          'passportNumber',
          'passportIssueDate',
          'passportExpiry',
          'internalPassport',
          'citizenship',
        ],
      },
    );
    expect(issuesOf(preview, 0)).toEqual([
      'passportExpiry:expiredPassport:warning',
      'lastNameLat:latinOnly:error',
      'passportIssueDate:dateInFuture:error',
      'passportExpiry:expiryBeforeIssue:error',
      'internalPassport:internalPassportFormat:error',
    ]);
    // Exactly the rules the commit checks (the passport's Latin surname is the same cell).
    const rules = validateTourist(touristFromDraft(preview.rows[0]!.draft), opts.today).map(
      (r) => `${r.path}:${r.code}`,
    );
    expect(rules).toEqual([
      'lastNameLat:latinOnly',
      'passportIssueDate:dateInFuture',
      'passportExpiry:expiryBeforeIssue',
      'passportLastNameLat:latinOnly',
      'internalNumber:ruInternalPassport',
    ]);
  });

  it('warns of Latin in a Cyrillic field and of a foreign passport with no citizenship', () => {
    const preview = table([
      ['Фамилия', 'Паспорт'],
      ['Иванов', '751234567'],
      ['PETROV', 'N12345678'],
    ]);
    expect(preview.mapping).toEqual(['lastNameRu', 'passportNumber']);
    expect(issuesOf(preview, 0)).toEqual([]);
    expect(issuesOf(preview, 1)).toEqual([
      'lastNameRu:scriptMismatch:warning',
      'citizenship:citizenshipMissing:warning',
    ]);
  });

  it('checks a row again with the fields the clerk set over it', () => {
    const rows = [
      ['Фамилия', 'Дата рождения'],
      ['Иванов', '01.02.2030'],
    ];
    const fixed = buildImportPreview(
      { rows },
      { ...opts, overrides: new Map([[1, { birthDate: '1990-02-01' }]]) },
    );
    expect(fixed.rows[0]!.issues).toEqual([]);
    const broken = buildImportPreview(
      { rows },
      { ...opts, overrides: new Map([[1, { lastNameLat: 'ИВАНОВ' }]]) },
    );
    expect(issuesOf(broken, 0)).toEqual(['lastNameLat:latinOnly:error', 'birthDate:dateInFuture:error']);
  });

  it('words every issue and field in every UI language', () => {
    const codes: Record<ImportIssueCode, true> = {
      dateInvalid: true,
      dateInFuture: true,
      genderUnknown: true,
      genderConflict: true,
      passportFormat: true,
      internalPassportFormat: true,
      citizenshipUnknown: true,
      citizenshipMissing: true,
      surnameMissing: true,
      emailInvalid: true,
      expiredPassport: true,
      expiryBeforeIssue: true,
      scientificNumber: true,
      nameHasDigits: true,
      latinOnly: true,
      countryCode: true,
      documentNumberRequired: true,
      scriptMismatch: true,
      invalid: true,
    };
    for (const dictionary of [ru, en, fr]) {
      for (const code of Object.keys(codes)) expect(dictionary.import.issues, code).toHaveProperty(code);
      for (const field of TARGET_FIELDS) expect(dictionary.import.fields, field).toHaveProperty(field);
    }
    expect(DRAFT_FIELDS).toContain('birthPlace');
    expect(commitIssues({}, opts.today)).toEqual([
      { field: 'lastNameRu', severity: 'error', code: 'surnameMissing' },
    ]);
  });
});

describe('the clipboard of Writer', () => {
  it("reads the HTML table and never Writer's one-cell-per-line text", () => {
    const html = `<table><tr><td><p>Фамилия, имя</p><p>(как
      в паспорте)</p></td><td><p>Дата рождения</p></td></tr>
      <tr><td><p>Соколова Елена</p><p>SOKOLOVA
      ELENA</p></td><td><p>30.09.1978</p></td></tr></table>`;
    const text =
      'Фамилия, имя\n(как в паспорте)\nДата рождения\nСоколова Елена\nSOKOLOVA ELENA\n30.09.1978\n';
    expect(readClipboardTable({ html, text })).toEqual([
      ['Фамилия, имя\n(как в паспорте)', 'Дата рождения'],
      ['Соколова Елена\nSOKOLOVA ELENA', '30.09.1978'],
    ]);
    expect(readClipboardTable({ html: '<table><tr><td></td></tr></table>', text })).toEqual([]);
    // Without HTML the text is all there is.
    expect(readClipboardTable({ text: 'Иванов\tИван\n' })).toEqual([['Иванов', 'Иван']]);
  });

  it("drops the invisible characters text copied from a PDF brings, keeping a cell's line breaks", () => {
    expect(
      readClipboardTable({
        html: '<table><tr><td>Ива\u200bнов\u202e</td><td>75\u00ad1234567<br>до 01.01.2030</td></tr></table>',
      }),
    ).toEqual([['Иванов', '751234567\nдо 01.01.2030']]);
    expect(readClipboardTable({ text: '\ufeffИванов\u0007\tИван\u200f\n' })).toEqual([['Иванов', 'Иван']]);
    // Non-characters and a lone surrogate, which the commit refuses, go too; a real pair stays.
    expect(readClipboardTable({ text: 'Ив\uffffанов\ud800\tИван \ud83d\ude00\n' })).toEqual([
      ['Иванов', 'Иван 😀'],
    ]);
  });
});
