import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput } from '../../shared/domain/tour';
import { buildImportPreview, touristFromDraft, type TouristDraft } from '../../shared/import';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

async function xlsxBase64(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('reading files', () => {
  it('reads an xlsx: the chosen sheet, real dates, merged title, numbers as digits', async () => {
    const base64 = await xlsxBase64((wb) => {
      wb.addWorksheet('Пусто');
      const sheet = wb.addWorksheet('Группа');
      sheet.addRow(['Список группы']);
      sheet.mergeCells('A1:C1');
      sheet.addRow(['Фамилия', 'Дата рождения', 'Паспорт']);
      sheet.addRow(['Иванов', new Date(Date.UTC(1980, 4, 14)), 751234567]);
      const other = wb.addWorksheet('Второй');
      other.addRow(['x']);
    });
    const first = await t.call('import.readFile', { fileName: 'list.xlsx', base64 });
    expect(first.sheets).toEqual(['Пусто', 'Группа', 'Второй']);
    expect(first.sheet).toBe('Группа');
    expect(first.rows).toEqual([
      ['Список группы', 'Список группы', 'Список группы'],
      ['Фамилия', 'Дата рождения', 'Паспорт'],
      ['Иванов', '1980-05-14', '751234567'],
    ]);
    expect(
      (await t.call('import.readFile', { fileName: 'list.xlsx', base64, sheet: 'Второй' })).rows,
    ).toEqual([['x']]);
  });

  it('reads CSV in UTF-8 and Windows-1251, and refuses xls and broken files with a reason', async () => {
    const utf8 = Buffer.from('\ufeffФамилия;Имя\nИванов;Иван\n', 'utf8').toString('base64');
    expect((await t.call('import.readFile', { fileName: 'a.csv', base64: utf8 })).rows).toEqual([
      ['Фамилия', 'Имя'],
      ['Иванов', 'Иван'],
    ]);
    const cp1251 = Buffer.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x3b, 0xc8, 0xe2, 0xe0, 0xed]).toString(
      'base64',
    );
    expect((await t.call('import.readFile', { fileName: 'b.CSV', base64: cp1251 })).rows).toEqual([
      ['Иванов', 'Иван'],
    ]);
    expect(await t.callError('import.readFile', { fileName: 'old.xls', base64: 'AAAA' })).toMatchObject({
      code: 'BAD_INPUT',
      reason: 'fileBroken',
    });
    expect(
      await t.callError('import.readFile', {
        fileName: 'x.xlsx',
        base64: Buffer.from('not a zip').toString('base64'),
      }),
    ).toMatchObject({ code: 'BAD_INPUT', reason: 'fileBroken' });
    expect(await t.callError('import.readFile', { fileName: 'x.pdf', base64: 'AAAA' })).toMatchObject({
      reason: 'fileFormat',
    });
  });
});

describe('matching and commit', () => {
  const tour = async () =>
    t.call('tours.save', {
      ...emptyTourInput(),
      voucher: 'IMP-1',
      country: 'FRA',
      arrivalDate: '2027-05-01',
      departureDate: '2027-05-10',
      services: [{ kind: 'flight', description: 'SVO-CDG', startDate: null, endDate: null, priceMinor: 0 }],
    });

  it('matches the same person across scripts by birth date or passport, and sees a newer passport', async () => {
    const client = await t.call('clients.save', ivanov());
    const matches = await t.call('import.match', {
      drafts: [
        { lastNameLat: 'IVANOV', birthDate: '1980-05-14' },
        { lastNameRu: 'Иванов', passportNumber: '751234567' },
        {
          lastNameLat: 'IVANOV',
          birthDate: '1980-05-14',
          passportNumber: '779999999',
          passportExpiry: '2036-01-01',
        },
        { lastNameRu: 'Иванов', birthDate: '1999-01-01' },
        { lastNameRu: 'Петров' },
      ],
    });
    expect(matches.map((m) => m.map((x) => `${x.clientId}:${x.reason}:${x.newerPassport}`))).toEqual([
      [`${client.id}:birthDate:false`],
      [`${client.id}:passport:false`],
      [`${client.id}:birthDate:true`],
      [],
      [],
    ]);
  });

  it('commits every row in one transaction and undoes the whole import', async () => {
    const client = await t.call('clients.save', ivanov());
    const target = await tour();
    const rows: {
      draft: TouristDraft;
      action: 'link' | 'create' | 'touristOnly';
      clientId: number | null;
    }[] = [
      {
        draft: {
          lastNameLat: 'IVANOV',
          firstNameLat: 'IVAN',
          birthDate: '1980-05-14',
          passportNumber: '779999999',
          passportExpiry: '2036-01-01',
        },
        action: 'link',
        clientId: client.id,
      },
      {
        draft: {
          lastNameRu: 'Петрова',
          firstNameRu: 'Анна',
          lastNameLat: 'PETROVA',
          firstNameLat: 'ANNA',
          gender: 'F',
          passportNumber: '751112233',
        },
        action: 'create',
        clientId: null,
      },
      {
        draft: {
          lastNameLat: 'SMITH',
          firstNameLat: 'JOHN',
          citizenship: 'USA',
          passportNumber: 'C0X123456',
        },
        action: 'touristOnly',
        clientId: null,
      },
    ];
    const result = await t.call('import.commit', {
      tourId: target.id,
      serviceIds: [target.services[0]!.id],
      rows,
    });
    expect(result).toMatchObject({ touristsAdded: 3, clientsCreated: 1, passportsAdded: 1 });
    const after = await t.call('tours.get', { id: target.id });
    expect(after.tourists.map((x) => [x.lastNameLat, x.clientId !== null, x.serviceIds.length])).toEqual([
      ['IVANOV', true, 1],
      ['PETROVA', true, 1],
      ['SMITH', false, 1],
    ]);
    expect((await t.call('clients.get', { id: client.id })).documents.map((d) => d.number)).toContain(
      '9999999',
    );
    expect((await t.call('clients.list', { search: 'petrova' })).total).toBe(1);

    const undone = await t.call('import.undo', { batchId: result.batchId });
    expect(undone).toEqual({ touristsRemoved: 3, clientsRemoved: 1, passportsRemoved: 1 });
    expect((await t.call('tours.get', { id: target.id })).tourists).toEqual([]);
    expect((await t.call('clients.get', { id: client.id })).documents.map((d) => d.number)).not.toContain(
      '9999999',
    );
    expect((await t.call('clients.list', { search: 'petrova' })).total).toBe(0);
    expect(await t.callError('import.undo', { batchId: result.batchId })).toMatchObject({
      code: 'STALE_VERSION',
      reason: 'undoAlreadyDone',
    });
  });

  it('writes nothing when one row is invalid, and says which row', async () => {
    const target = await tour();
    const error = await t.callError('import.commit', {
      tourId: target.id,
      rows: [
        { draft: { lastNameRu: 'Годный' }, action: 'create', clientId: null },
        { draft: { lastNameRu: 'Плохой', internalPassport: '12345' }, action: 'touristOnly', clientId: null },
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('row 2');
    expect(error.issues?.[0]?.path).toBe('1.internalNumber');
    expect((await t.call('tours.get', { id: target.id })).tourists).toEqual([]);
    expect((await t.call('clients.list', {})).total).toBe(0);
  });

  it('re-imports the tour Excel report to identical tourists; its services column is never a name', async () => {
    // The issue's case: Latin services and hotel names beside the people, re-imported elsewhere.
    const target = await t.call('tours.save', {
      ...emptyTourInput(),
      voucher: 'IMP-2',
      country: 'TUR',
      services: [
        {
          kind: 'accommodation',
          description: 'Rixos Premium Belek',
          startDate: null,
          endDate: null,
          priceMinor: 0,
        },
        { kind: 'flight', description: 'SVO-AYT', startDate: null, endDate: null, priceMinor: 0 },
      ],
    });
    const serviceIds = target.services.map((s) => s.id);
    const original = {
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      middleNameRu: 'Андреевна',
      lastNameLat: 'SHCHUKINA',
      firstNameLat: 'IULIIA',
      gender: 'F' as const,
      birthDate: '1985-05-14',
      citizenship: 'RUS',
      passportSeries: '75',
      passportNumber: '0012345',
      passportIssueDate: null,
      passportExpiry: '2031-01-01',
      passportLastNameLat: 'SHCHUKINA',
      passportFirstNameLat: 'IULIIA',
      internalSeries: '4506',
      internalNumber: '123456',
      ticketNumber: '5552100123456',
      phone: '+7 916 123-45-67',
      email: 'u@example.ru',
    };
    // Latin as printed in the passport, not as the transliteration would give it.
    const second = {
      ...original,
      lastNameRu: 'Нурланова',
      firstNameRu: 'Айгерим',
      middleNameRu: '',
      lastNameLat: 'NURLANOVA',
      firstNameLat: 'AIGERIM',
      birthDate: '2015-02-03',
      citizenship: 'KAZ',
      passportSeries: '',
      passportNumber: 'N12345678',
      passportExpiry: '2030-06-30',
      passportLastNameLat: 'NURLANOVA',
      passportFirstNameLat: 'AIGERIM',
      internalSeries: '',
      internalNumber: '',
      ticketNumber: '',
      phone: '',
      email: '',
    };
    for (const tourist of [original, second])
      await t.call('tourists.save', {
        tourId: target.id,
        tourist: { ...tourist, clientId: null, serviceIds },
      });
    const report = await t.call('tours.exportTourists', { id: target.id });
    const read = await t.call('import.readFile', { fileName: report.fileName, base64: report.base64 });
    expect(read.rows[1]![read.rows[0]!.indexOf('Услуги')]).toBe('Rixos Premium Belek; SVO-AYT');
    const preview = buildImportPreview({ rows: read.rows }, { currentYear: 2026, today: '2026-11-23' });
    expect(Object.fromEntries(read.rows[0]!.map((header, c) => [header, preview.mapping[c]]))).toEqual({
      '№': null,
      Фамилия: 'lastNameRu',
      Имя: 'firstNameRu',
      Отчество: 'middleNameRu',
      'Фамилия (лат.)': 'lastNameLat',
      'Имя (лат.)': 'firstNameLat',
      Пол: 'gender',
      'Дата рождения': 'birthDate',
      Гражданство: 'citizenship',
      'Серия загранпаспорта': 'passportSeries',
      'Номер загранпаспорта': 'passportNumber',
      'Загранпаспорт действителен до': 'passportExpiry',
      'Паспорт РФ': 'internalPassport',
      'Номер билета': 'ticketNumber',
      Телефон: 'phone',
      Email: 'email',
      Услуги: null,
    });
    expect(preview.rows.map((r) => r.issues)).toEqual([[], []]);
    expect(preview.rows.map((r) => touristFromDraft(r.draft))).toEqual([original, second]);
  });
});
