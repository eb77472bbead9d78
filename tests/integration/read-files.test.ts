import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

const fixture = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'lists', name)).toString('base64');

const read = (fileName: string) => t.call('import.readFile', { fileName, base64: fixture(fileName) });

describe('files written by LibreOffice', () => {
  it('reads an .xlsx from Calc: merged title repeated, dates as cells show them, the footer kept for the preview', async () => {
    const { rows } = await read('rooming-list.xlsx');
    expect(rows[0]![0]).toMatch(/^Rooming list: тур TR-2027-05/);
    expect(rows[0]![5]).toBe(rows[0]![0]);
    expect(rows[1]).toEqual(['№', 'ФИО', 'Дата рождения', 'Размещение', 'Загранпаспорт', 'Действителен до']);
    expect(rows[4]).toEqual([
      '3',
      'Иванова Анна Петровна',
      '05.07.2016',
      'DBL+CHD',
      '76 1112233',
      '01.09.2029',
    ]);
    expect(rows).toHaveLength(9);
    expect(rows[8]![0]).toBe('Менеджер: Петрова Е. А., тел. +7 495 123-45-67');
  });

  it('reads an .ods manifest and an Excel 97-2003 .xls', async () => {
    const ods = await read('manifest.ods');
    expect(ods.sheets).toEqual(['Sheet1']);
    expect(ods.rows[2]).toEqual([
      '2',
      'IVANOVA/MARIA MRS(INF/ANNA/12JAN25)',
      '12MAR85',
      '751234567',
      'RUS',
      'ADT',
    ]);
    const xls = await read('english-headers.xls');
    expect(xls.rows[0]).toContain('Place of birth');
    expect(xls.rows[2]).toEqual([
      'VOLKOV',
      'ALEXANDER',
      '02.02.1979',
      'LENINGRAD, USSR',
      '757654321',
      '05.03.2022',
      '05.03.2032',
      'MVD 78002',
      'RUSSIAN FEDERATION',
      'P',
    ]);
  });

  it("reads a Word table from a .docx: one row per table row, a cell's paragraphs on separate lines", async () => {
    const { rows } = await read('group-list.docx');
    expect(rows[0]).toEqual(['№\nп/п', 'Фамилия, имя\n(как в паспорте)', 'Дата рождения', 'Загранпаспорт']);
    expect(rows[1]).toEqual(['Руководитель группы', '', '', '']);
    expect(rows[2]).toEqual([
      '1',
      'Соколова Елена\nSOKOLOVA ELENA',
      '30.09.1978',
      '75 3344551 до 20.08.2031',
    ]);
    expect(rows).toHaveLength(6);
  });

  it('reads a Windows-1251 CSV saved by Calc', async () => {
    const { rows } = await read('mixed-passports-cp1251.csv');
    expect(rows[3]).toEqual(['Ковалёва Ирина', 'MP1234567', 'Республика Беларусь', 'взр.']);
  });
});

async function workbookWith(editSheet: (xml: string) => string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Лист1').addRow(['Фамилия', 'Имя']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = 'xl/worksheets/sheet1.xml';
  zip.file(path, editSheet(await zip.file(path)!.async('string')));
  return (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64');
}

describe('hostile files', () => {
  it('reads a small workbook whose merged range covers a million rows as the few rows it holds', async () => {
    const base64 = await workbookWith((xml) =>
      xml.replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A2:Z1048576"/></mergeCells>',
      ),
    );
    expect(Buffer.from(base64, 'base64').length).toBeLessThan(10_000);
    const { rows } = await t.call('import.readFile', { fileName: 'merged.xlsx', base64 });
    expect(rows).toEqual([['Фамилия', 'Имя']]);
  });

  it('refuses a zip bomb at once, by what its directory says it unpacks to', async () => {
    // 400 KB that unpacks to 400 MB (tests/fixtures/hostile/make.mts).
    const base64 = readFileSync(join(__dirname, '..', 'fixtures', 'hostile', 'zip-bomb.xlsx')).toString(
      'base64',
    );
    expect(await t.callError('import.readFile', { fileName: 'bomb.xlsx', base64 })).toMatchObject({
      code: 'BAD_INPUT',
      reason: 'fileTooComplex',
    });
  });

  it('refuses a sheet of ten million cells at once, while the backend goes on answering', async () => {
    // Ten million cells in half a megabyte: the directory says 150 MB, more than any real list.
    const base64 = readFileSync(
      join(__dirname, '..', 'fixtures', 'hostile', 'ten-million-cells.xlsx'),
    ).toString('base64');
    const started = Date.now();
    const reading = t.callError('import.readFile', { fileName: 'slow.xlsx', base64 });
    const meanwhile = await t.call('clients.list', {});
    expect(meanwhile.total).toBe(0);
    expect(await reading).toMatchObject({ code: 'BAD_INPUT', reason: 'fileTooComplex' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a file that is not what its name says', async () => {
    const base64 = Buffer.from('Фамилия;Имя\nИванов;Иван').toString('base64');
    for (const fileName of ['list.xlsx', 'list.ods', 'list.docx', 'list.xls']) {
      expect(await t.callError('import.readFile', { fileName, base64 })).toMatchObject({
        code: 'BAD_INPUT',
        reason: 'fileBroken',
      });
    }
  });
});

describe('progress', () => {
  it('reports how far a read has got, by the packed bytes inflated, and nothing once it is done', async () => {
    const { readTableFile } = await import('../../electron/backend/excel/read-table');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Список');
    for (let r = 0; r < 12_000; r++) sheet.addRow([`Иванов${r}`, 'Иван', '01.01.1980']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const seen: number[] = [];
    const table = await readTableFile('big.xlsx', bytes, undefined, (percent) => seen.push(percent));
    expect(table.rows).toHaveLength(12_000);
    // The percent of the shared strings' and the sheet's packed bytes inflated: rising, several steps.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toBeLessThan(50);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(90);
    expect(seen.at(-1)).toBeLessThan(100);

    const reading = t.call('import.readFile', { fileName: 'big.xlsx', base64: bytes.toString('base64') });
    const during = await t.call('import.readProgress', {});
    expect(typeof during.percent).toBe('number');
    await reading;
    expect(await t.call('import.readProgress', {})).toEqual({ percent: null });
  });
});
