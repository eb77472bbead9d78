/**
 * The streaming .xlsx reader (electron/backend/excel/xlsx/) against SheetJS, the reader it replaced,
 * run in the same worker the app uses, and against the cases a real list brings.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../electron/backend/excel/read-table';
import {
  TABLE_WORKER_SOURCE,
  type TableWorkerInput,
  type TableWorkerOutput,
} from '../../electron/backend/excel/table-worker';
import { xlsxLib } from '../../electron/backend/excel/xlsx/lib';
import { unpackRows } from '../../electron/backend/excel/xlsx/packed';
import type { SheetCells } from '../../electron/backend/excel/xlsx/cells';

const require = createRequire(import.meta.url);
const FIXTURES = join(__dirname, '..', 'fixtures');

/** The table SheetJS makes of the bytes, by the worker's own SheetJS path (the one .xls/.ods take). */
function readWithSheetJs(bytes: Buffer, sheet?: string): Promise<TableWorkerOutput> {
  return new Promise((resolve, reject) => {
    const workerData: TableWorkerInput = {
      kind: 'sheet',
      bytes: new Uint8Array(bytes),
      sheet,
      maxRows: 100_000,
      maxColumns: 100,
      maxPartBytes: 100 * 1024 * 1024,
      modules: { xlsx: require.resolve('@e965/xlsx'), mammoth: require.resolve('mammoth') },
    };
    const worker = new Worker(TABLE_WORKER_SOURCE, { eval: true, workerData });
    worker.on('message', (message: TableWorkerOutput | { progress: number }) => {
      if ('progress' in message) return;
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', reject);
  });
}

function xlsxFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'hostile' ? [] : xlsxFixtures(path);
    return name.endsWith('.xlsx') ? [path] : [];
  });
}

async function expectSameAsSheetJs(bytes: Buffer, sheet?: string) {
  const ours = await readTableFile('list.xlsx', bytes, sheet);
  const theirs = await readWithSheetJs(bytes, sheet);
  if (!theirs.ok || theirs.kind !== 'sheet')
    throw new Error(`SheetJS did not read it: ${JSON.stringify(theirs)}`);
  expect(ours).toEqual({ sheets: theirs.sheets, sheet: theirs.sheet, rows: unpackRows(theirs.rows) });
  return ours;
}

/** A workbook whose parts are replaced: `parts` maps a part's path to its new XML. */
async function workbookWith(parts: Record<string, string>, setUp?: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Лист1').addRow(['Фамилия']);
  setUp?.(wb);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

describe('the same table as SheetJS', () => {
  const files = xlsxFixtures(FIXTURES);

  it('finds the LibreOffice-made .xlsx fixtures', () => {
    expect(files.map((f) => relative(FIXTURES, f)).sort()).toEqual([
      'lists/rooming-list.xlsx',
      'xlsx/cell-kinds.xlsx',
      'xlsx/english-headers.xlsx',
      'xlsx/manifest.xlsx',
    ]);
  });

  for (const file of files) {
    it(`reads ${relative(FIXTURES, file)} cell for cell as SheetJS did`, async () => {
      const bytes = readFileSync(file);
      const table = await expectSameAsSheetJs(bytes);
      for (const sheet of table.sheets) await expectSameAsSheetJs(bytes, sheet);
    }, 60_000);
  }

  it('reads what exceljs writes (the tour report, the reference books) as SheetJS did', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Туристы');
    sheet.addRow(['Фамилия', 'Дата рождения', 'Паспорт', 'Цена', 'Код']);
    sheet.addRow([
      'Иванов',
      new Date(Date.UTC(1980, 4, 14)),
      751234567,
      1234.5,
      { formula: 'C2+1', result: 751234568 },
    ]);
    sheet.getCell('B2').numFmt = 'dd.mm.yyyy';
    sheet.addRow(['', '', '', '', '']);
    sheet.addRow([
      ' Петрова ',
      new Date(Date.UTC(2016, 6, 5)),
      '75 1112233',
      0.1,
      { formula: 'A4&"!"', result: 'Петрова!' },
    ]);
    sheet.getCell('B4').numFmt = 'm/d/yy';
    await expectSameAsSheetJs(Buffer.from(await wb.xlsx.writeBuffer()));
  });
});

describe('cells', () => {
  it('reads shared and inline strings, rich-text runs without their phonetic guide, and XML escapes', async () => {
    const bytes = await workbookWith({
      'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="2" uniqueCount="2"><si><t>Фамилия</t></si><si><r><t>Пет</t></r><r><rPr><i/></rPr><t xml:space="preserve">ров </t></r><rPh sb="0" eb="1"><t>ペ</t></rPh></si></sst>`,
      'xl/worksheets/sheet1.xml': sheetXml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
          '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> Иванов </t></is></c>' +
          '<c r="D1" t="inlineStr"><is><r><t>Ива</t></r><r><rPr><b/></rPr><t>нова</t></r><rPh sb="0" eb="1"><t>イ</t></rPh></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>A &amp; B &lt;C&gt; &#x41;&#1055;&#128512; one_x000D_\ntwo</t></is></c>' +
          '<c r="B2" t="str"><f>A1</f><v>O&apos;Brien</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="b"><v>1</v></c></row>',
      ),
    });
    const { rows } = await readTableFile('list.xlsx', bytes);
    expect(rows).toEqual([
      ['Фамилия', 'Петров', 'Иванов', 'Иванова'],
      ['A & B <C> AП😀 one\ntwo', "O'Brien", '', 'true'],
    ]);
  });

  it('shows a date cell as yyyy-mm-dd under a custom or built-in date format, and other numbers with every digit', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Даты');
    const may14 = new Date(Date.UTC(1980, 4, 14));
    sheet.addRow([may14, may14, may14, may14, 1234.5, 0.5, 751234567, 29355]);
    (
      ['dd.mm.yyyy', 'd mmmm yyyy', '[$-419]DD MMMM YYYY', 'm/d/yy', '0.00', 'h:mm', '0', '"day" 0'] as const
    ).forEach((format, i) => (sheet.getRow(1).getCell(i + 1).numFmt = format));
    const { rows } = await readTableFile('list.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      ['1980-05-14', '1980-05-14', '1980-05-14', '1980-05-14', '1234.5', '0.5', '751234567', '29355'],
    ]);
  });

  it("takes a formula cell's cached value, number or text", async () => {
    const bytes = await workbookWith({
      'xl/worksheets/sheet1.xml': sheetXml(
        '<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*3</f><v>6</v></c>' +
          '<c r="C1" t="str"><f>"x"&amp;A1</f><v>x2</v></c><c r="D1"><f>A1+1</f></c></row>',
      ),
    });
    const { rows } = await readTableFile('list.xlsx', bytes);
    // A formula never calculated (no cached value) reads 0, as SheetJS read it.
    expect(rows).toEqual([['2', '6', 'x2', '0']]);
  });

  it('places cells by their reference, leaving skipped cells and rows empty', async () => {
    const bytes = await workbookWith({
      'xl/worksheets/sheet1.xml': sheetXml(
        '<row r="2"><c r="B2" t="inlineStr"><is><t>b2</t></is></c><c r="E2"><v>5</v></c></row>' +
          '<row r="4"><c r="C4" t="inlineStr"><is><t>c4</t></is></c></row>' +
          // No references: the row after the last, the cells one after another.
          '<row><c t="inlineStr"><is><t>a5</t></is></c><c t="inlineStr"><is><t>b5</t></is></c></row>',
      ),
    });
    const { rows } = await readTableFile('list.xlsx', bytes);
    expect(rows).toEqual([
      ['', '', '', '', ''],
      ['', 'b2', '', '', '5'],
      ['', '', '', '', ''],
      ['', '', 'c4', '', ''],
      ['a5', 'b5', '', '', ''],
    ]);
  });

  it('reads the same cells wherever the inflated text is cut into chunks', () => {
    const strings = Array.from({ length: 120 }, (_, i) => `строка ${i}`);
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>117</v></c><c r="B1" s="1"><v>29355</v></c><c r="C1" t="s"><v>4</v></c></row>' +
        '<row r="3"><c r="AB3" t="s"><v>0</v></c><c r="AC3" t="str"><v>a &amp; b</v></c></row>',
    );
    const read = (chunks: string[]) => {
      const cells: SheetCells = { rows: [], merges: [] };
      const context = { strings, dateStyles: [false, true], date1904: false, maxRows: 100, maxColumns: 100 };
      const tokenizer = xlsxLib.xmlTokenizer(xlsxLib.sheetHandler(xlsxLib, context, cells));
      for (const chunk of chunks) tokenizer.feed(chunk);
      tokenizer.end();
      return xlsxLib.tableOf(cells);
    };
    const whole = read([xml]);
    expect(whole[0]?.slice(0, 3)).toEqual(['строка 117', '1980-05-14', 'строка 4']);
    expect(whole[2]?.slice(27, 29)).toEqual(['строка 0', 'a & b']);
    for (let cut = 1; cut < xml.length; cut++) {
      expect(read([xml.slice(0, cut), xml.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('counts dates of a 1904 workbook (old Mac Excel) from 1904', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const sheet = wb.addWorksheet('Mac');
    sheet.addRow(['Иванов', new Date(Date.UTC(1980, 4, 14))]);
    sheet.getCell('B1').numFmt = 'dd.mm.yyyy';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(bytes);
    // The serial really is 1904-based: 1462 days fewer than the 1900 count's 29355.
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('<v>27893</v>');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/date1904="(1|true)"/);
    const { rows } = await readTableFile('list.xlsx', bytes);
    expect(rows).toEqual([['Иванов', '1980-05-14']]);
  });
});

describe('sheets', () => {
  async function threeSheets() {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Пустой');
    wb.addWorksheet('Первый').addRow(['первый']);
    wb.addWorksheet('Второй').addRow(['второй']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the sheet chosen by name, otherwise the first with a value in it', async () => {
    const bytes = await threeSheets();
    expect(await readTableFile('list.xlsx', bytes, 'Второй')).toEqual({
      sheets: ['Пустой', 'Первый', 'Второй'],
      sheet: 'Второй',
      rows: [['второй']],
    });
    expect(await readTableFile('list.xlsx', bytes)).toMatchObject({ sheet: 'Первый', rows: [['первый']] });
    expect(await readTableFile('list.xlsx', bytes, 'Нет такого')).toMatchObject({ sheet: 'Первый' });
    expect(await readTableFile('list.xlsx', bytes, 'Пустой')).toMatchObject({ sheet: 'Пустой', rows: [] });
  });
});

describe('damaged and oversized files', () => {
  it('refuses a truncated workbook as broken', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Лист1').addRow(['Фамилия']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readTableFile('list.xlsx', bytes.subarray(0, bytes.length - 200))).rejects.toMatchObject({
      detail: { reason: 'fileBroken' },
    });
  });

  it('stops inflating a part at the limit, whatever the directory says', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Лист1');
    for (let r = 0; r < 200; r++) sheet.addRow([`Иванов${r}`, r]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = (maxPartBytes: number) =>
      xlsxLib.readXlsx(xlsxLib, bytes, {
        sheet: undefined,
        maxRows: 100_000,
        maxColumns: 100,
        maxPartBytes,
        onProgress: () => undefined,
      });
    expect((await read(1_000_000)).rows).toHaveLength(200);
    await expect(read(2_000)).rejects.toThrow('fileTooComplex');
  });
});
