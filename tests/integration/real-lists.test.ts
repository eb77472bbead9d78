import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput, type TouristFields } from '../../shared/domain/tour';
import { buildImportPreview, type ImportPreview } from '../../shared/import';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

/**
 * The passenger lists in tests/fixtures/lists, written by LibreOffice Calc and Writer, read through
 * import.readFile and previewed as the import screen does, then loaded: every field of every person
 * is stated here, and which columns stay unloaded and which rows are skipped.
 */

const TODAY = '2026-11-23';
let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: TODAY });
});
afterEach(async () => {
  await t.dispose();
});

async function previewOf(fileName: string): Promise<ImportPreview> {
  const base64 = readFileSync(join(__dirname, '..', 'fixtures', 'lists', fileName)).toString('base64');
  const { rows } = await t.call('import.readFile', { fileName, base64 });
  return buildImportPreview({ rows }, { today: TODAY });
}

/** Loads every row into a new tour (new regular clients too) and returns the tourists as stored. */
async function load(preview: ImportPreview): Promise<{ tourists: TouristFields[]; clientIds: number[] }> {
  const tour = await t.call('tours.save', { ...emptyTourInput(), voucher: 'LIST-1', services: [] });
  await t.call('import.commit', {
    tourId: tour.id,
    serviceIds: [],
    rows: preview.rows.map((r) => ({
      draft: r.draft,
      action: 'create' as const,
      clientId: null,
      sourceRow: r.sourceIndex + 1,
    })),
  });
  const stored = await t.call('tours.get', { id: tour.id });
  return {
    tourists: stored.tourists.map((x) => {
      const fields: Record<string, unknown> = { ...x };
      for (const key of ['id', 'tourId', 'clientId', 'version', 'serviceIds']) delete fields[key];
      return fields as TouristFields;
    }),
    clientIds: stored.tourists.map((x) => x.clientId!),
  };
}

const blank: TouristFields = {
  lastNameRu: '',
  firstNameRu: '',
  middleNameRu: '',
  lastNameLat: '',
  firstNameLat: '',
  gender: null,
  birthDate: null,
  citizenship: '',
  passportSeries: '',
  passportNumber: '',
  passportIssueDate: null,
  passportExpiry: null,
  passportLastNameLat: '',
  passportFirstNameLat: '',
  internalSeries: '',
  internalNumber: '',
  ticketNumber: '',
  phone: '',
  email: '',
};

describe('passenger lists made by office software', () => {
  it('rooming list (.xlsx): full names, room types shown and not stored, title, total and footer skipped', async () => {
    const preview = await previewOf('rooming-list.xlsx');
    expect(preview.headerRow).toBe(1);
    // The merged title above, the total and the manager's line under it.
    expect(preview.skippedRows).toEqual([0, 7, 8]);
    expect(preview.mapping).toEqual([
      null,
      'fullNameRu',
      'birthDate',
      'roomType',
      'passportNumber',
      'passportExpiry',
    ]);
    expect(preview.rows.map((r) => r.label)).toEqual(['3', '4', '5', '6', '7']);
    expect(preview.rows.map((r) => r.issues)).toEqual([[], [], [], [], []]);
    expect(preview.rows.map((r) => r.info)).toEqual([
      { roomType: 'DBL' },
      { roomType: 'DBL' },
      { roomType: 'DBL+CHD' },
      { roomType: 'SGL' },
      { roomType: 'TRPL' },
    ]);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        lastNameRu: 'Иванова',
        firstNameRu: 'Мария',
        middleNameRu: 'Петровна',
        gender: 'F',
        birthDate: '1985-03-12',
        passportNumber: '751234567',
        passportExpiry: '2031-01-10',
      },
      {
        lastNameRu: 'Иванов',
        firstNameRu: 'Пётр',
        middleNameRu: 'Сергеевич',
        gender: 'M',
        birthDate: '1983-02-01',
        passportNumber: '757654321',
        passportExpiry: '2030-06-15',
      },
      {
        lastNameRu: 'Иванова',
        firstNameRu: 'Анна',
        middleNameRu: 'Петровна',
        gender: 'F',
        birthDate: '2016-07-05',
        passportNumber: '761112233',
        passportExpiry: '2029-09-01',
      },
      // Typed in capitals in the list.
      {
        lastNameRu: 'Смирнов',
        firstNameRu: 'Олег',
        middleNameRu: 'Игоревич',
        gender: 'M',
        birthDate: '1979-11-22',
        passportNumber: '755556667',
        passportExpiry: '2032-04-30',
      },
      {
        lastNameRu: 'Кузнецова',
        firstNameRu: 'Ольга',
        middleNameRu: 'Ивановна',
        gender: 'F',
        birthDate: '1990-08-14',
        passportNumber: '778889990',
        passportExpiry: '2033-12-12',
      },
    ]);
    const { tourists } = await load(preview);
    expect(tourists[3]).toEqual({
      ...blank,
      lastNameRu: 'Смирнов',
      firstNameRu: 'Олег',
      middleNameRu: 'Игоревич',
      gender: 'M',
      birthDate: '1979-11-22',
      citizenship: 'RUS',
      passportSeries: '75',
      passportNumber: '5556667',
      passportExpiry: '2032-04-30',
    });
    expect(tourists.map((x) => `${x.passportSeries} ${x.passportNumber} ${x.citizenship}`)).toEqual([
      '75 1234567 RUS',
      '75 7654321 RUS',
      '76 1112233 RUS',
      '75 5556667 RUS',
      '77 8889990 RUS',
    ]);
  });

  it('airline manifest (.ods): SURNAME/FIRST TITLE split, the infant in the mother’s element its own row', async () => {
    const preview = await previewOf('manifest.ods');
    expect(preview.headerRow).toBe(0);
    expect(preview.skippedRows).toEqual([]);
    // NO stays unloaded; DOCS is found by content; PAX holds types, not names.
    expect(preview.mapping).toEqual([
      null,
      'fullNameLat',
      'birthDate',
      'passportNumber',
      'citizenship',
      'paxType',
    ]);
    expect(preview.rows.map((r) => [r.label, r.sourceIndex])).toEqual([
      ['2', 1],
      ['3', 2],
      ['3a', 2],
      ['4', 3],
      ['5', 4],
    ]);
    expect(preview.rows.map((r) => r.issues)).toEqual([[], [], [], [], []]);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        lastNameLat: 'IVANOV',
        firstNameLat: 'PETR',
        gender: 'M',
        birthDate: '1983-02-01',
        passportNumber: '757654321',
        citizenship: 'RUS',
        paxType: 'ADT',
      },
      {
        lastNameLat: 'IVANOVA',
        firstNameLat: 'MARIA',
        gender: 'F',
        birthDate: '1985-03-12',
        passportNumber: '751234567',
        citizenship: 'RUS',
        paxType: 'ADT',
      },
      {
        lastNameLat: 'IVANOVA',
        firstNameLat: 'ANNA',
        gender: 'F',
        paxType: 'INF',
        birthDate: '2025-01-12',
        citizenship: 'RUS',
      },
      {
        lastNameLat: 'PETROV',
        firstNameLat: 'ILYA',
        gender: 'M',
        birthDate: '2016-07-05',
        passportNumber: '761112233',
        citizenship: 'RUS',
        paxType: 'CHD',
      },
      {
        lastNameLat: 'SOKOLOVA',
        firstNameLat: 'ELENA',
        gender: 'F',
        birthDate: '1978-09-30',
        passportNumber: '753344551',
        citizenship: 'RUS',
        paxType: 'ADT',
      },
    ]);
    const { tourists } = await load(preview);
    expect(tourists[1]).toEqual({
      ...blank,
      lastNameLat: 'IVANOVA',
      firstNameLat: 'MARIA',
      gender: 'F',
      birthDate: '1985-03-12',
      citizenship: 'RUS',
      passportSeries: '75',
      passportNumber: '1234567',
      passportLastNameLat: 'IVANOVA',
      passportFirstNameLat: 'MARIA',
    });
    expect(tourists[2]).toEqual({
      ...blank,
      lastNameLat: 'IVANOVA',
      firstNameLat: 'ANNA',
      gender: 'F',
      birthDate: '2025-01-12',
      citizenship: 'RUS',
    });
  });

  it('English headers (.xls): place of birth, issue date and authority loaded; document type shown only', async () => {
    const preview = await previewOf('english-headers.xls');
    expect(preview.headerRow).toBe(0);
    expect(preview.skippedRows).toEqual([]);
    expect(preview.mapping).toEqual([
      'lastNameLat',
      'firstNameLat',
      'birthDate',
      'birthPlace',
      'passportNumber',
      'passportIssueDate',
      'passportExpiry',
      'passportAuthority',
      'citizenship',
      'documentType',
    ]);
    expect(preview.rows.map((r) => r.issues)).toEqual([[], []]);
    expect(preview.rows.map((r) => r.info)).toEqual([{ documentType: 'P' }, { documentType: 'P' }]);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        lastNameLat: 'VOLKOVA',
        firstNameLat: 'TATIANA',
        birthDate: '1980-05-14',
        birthPlace: 'MOSCOW, USSR',
        passportNumber: '751234567',
        passportIssueDate: '2021-01-10',
        passportExpiry: '2031-01-10',
        passportAuthority: 'MVD 77001',
        citizenship: 'RUS',
        gender: 'F',
      },
      {
        lastNameLat: 'VOLKOV',
        firstNameLat: 'ALEXANDER',
        birthDate: '1979-02-02',
        birthPlace: 'LENINGRAD, USSR',
        passportNumber: '757654321',
        passportIssueDate: '2022-03-05',
        passportExpiry: '2032-03-05',
        passportAuthority: 'MVD 78002',
        citizenship: 'RUS',
        gender: 'M',
      },
    ]);
    const { tourists, clientIds } = await load(preview);
    expect(tourists).toEqual([
      {
        ...blank,
        lastNameLat: 'VOLKOVA',
        firstNameLat: 'TATIANA',
        gender: 'F',
        birthDate: '1980-05-14',
        citizenship: 'RUS',
        passportSeries: '75',
        passportNumber: '1234567',
        passportIssueDate: '2021-01-10',
        passportExpiry: '2031-01-10',
        passportLastNameLat: 'VOLKOVA',
        passportFirstNameLat: 'TATIANA',
      },
      {
        ...blank,
        lastNameLat: 'VOLKOV',
        firstNameLat: 'ALEXANDER',
        gender: 'M',
        birthDate: '1979-02-02',
        citizenship: 'RUS',
        passportSeries: '75',
        passportNumber: '7654321',
        passportIssueDate: '2022-03-05',
        passportExpiry: '2032-03-05',
        passportLastNameLat: 'VOLKOV',
        passportFirstNameLat: 'ALEXANDER',
      },
    ]);
    // The tourist has no place for them: the regular client keeps the place of birth and the issuer.
    const client = await t.call('clients.get', { id: clientIds[1]! });
    expect(client.birthPlace).toBe('LENINGRAD, USSR');
    expect(client.documents.map((d) => [d.kind, d.series, d.number, d.issueDate, d.issuedBy])).toEqual([
      ['foreign_passport', '75', '7654321', '2022-03-05', 'MVD 78002'],
    ]);
  });

  it('Word table (.docx): two-line header, section rows skipped, both scripts from one cell, passport with expiry', async () => {
    const preview = await previewOf('group-list.docx');
    expect(preview.headerRow).toBe(0);
    // "Руководитель группы" and "Участники" span the table.
    expect(preview.skippedRows).toEqual([1, 3]);
    expect(preview.mapping).toEqual([null, 'fullNameRu', 'birthDate', 'passportNumber']);
    expect(preview.rows.map((r) => r.label)).toEqual(['3', '5', '6']);
    expect(preview.rows.map((r) => r.issues)).toEqual([[], [], []]);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        lastNameRu: 'Соколова',
        firstNameRu: 'Елена',
        lastNameLat: 'SOKOLOVA',
        firstNameLat: 'ELENA',
        gender: 'F',
        birthDate: '1978-09-30',
        passportNumber: '753344551',
        passportExpiry: '2031-08-20',
      },
      {
        lastNameRu: 'Щукина',
        firstNameRu: 'Юлия',
        lastNameLat: 'SHCHUKINA',
        firstNameLat: 'IULIIA',
        gender: 'F',
        birthDate: '1991-03-03',
        passportNumber: '752223334',
        passportExpiry: '2030-02-01',
      },
      {
        lastNameRu: 'Орлов',
        firstNameRu: 'Дмитрий',
        lastNameLat: 'ORLOV',
        firstNameLat: 'DMITRII',
        gender: 'M',
        birthDate: '1975-06-17',
        passportNumber: '764445556',
        passportExpiry: '2032-11-11',
      },
    ]);
    const { tourists } = await load(preview);
    expect(tourists[1]).toEqual({
      ...blank,
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      lastNameLat: 'SHCHUKINA',
      firstNameLat: 'IULIIA',
      gender: 'F',
      birthDate: '1991-03-03',
      citizenship: 'RUS',
      passportSeries: '75',
      passportNumber: '2223334',
      passportExpiry: '2030-02-01',
      passportLastNameLat: 'SHCHUKINA',
      passportFirstNameLat: 'IULIIA',
    });
  });

  it('Windows-1251 CSV: passports of three countries under an unknown header, long citizenships, categories with dots', async () => {
    const preview = await previewOf('mixed-passports-cp1251.csv');
    expect(preview.headerRow).toBe(0);
    expect(preview.skippedRows).toEqual([]);
    expect(preview.mapping).toEqual(['fullNameRu', 'passportNumber', 'citizenship', 'paxType']);
    expect(preview.confidence[1]).toBeLessThan(0.95);
    expect(preview.rows.map((r) => r.issues)).toEqual([[], [], [], [], []]);
    expect(preview.rows.map((r) => r.draft)).toEqual([
      {
        lastNameRu: 'Иванов',
        firstNameRu: 'Иван',
        gender: 'M',
        passportNumber: '751234567',
        citizenship: 'RUS',
        paxType: 'ADT',
      },
      {
        lastNameRu: 'Нурланов',
        firstNameRu: 'Ержан',
        gender: 'M',
        passportNumber: 'N12345678',
        citizenship: 'KAZ',
        paxType: 'ADT',
      },
      {
        lastNameRu: 'Ковалёва',
        firstNameRu: 'Ирина',
        gender: 'F',
        passportNumber: 'MP1234567',
        citizenship: 'BLR',
        paxType: 'ADT',
      },
      {
        lastNameRu: 'Нурланова',
        firstNameRu: 'Айша',
        gender: 'F',
        passportNumber: 'N87654321',
        citizenship: 'KAZ',
        paxType: 'CHD',
      },
      {
        lastNameRu: 'Иванова',
        firstNameRu: 'Алиса',
        gender: 'F',
        passportNumber: '761234567',
        citizenship: 'RUS',
        paxType: 'INF',
      },
    ]);
    const { tourists } = await load(preview);
    expect(tourists.map((x) => [x.citizenship, x.passportSeries, x.passportNumber])).toEqual([
      ['RUS', '75', '1234567'],
      ['KAZ', '', 'N12345678'],
      ['BLR', '', 'MP1234567'],
      ['KAZ', '', 'N87654321'],
      ['RUS', '76', '1234567'],
    ]);
    expect(tourists[2]).toEqual({
      ...blank,
      lastNameRu: 'Ковалёва',
      firstNameRu: 'Ирина',
      gender: 'F',
      citizenship: 'BLR',
      passportNumber: 'MP1234567',
    });
  });
});
