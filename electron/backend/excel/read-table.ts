import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/envelope';
import { parseTextTable } from '../../../shared/import';

const MAX_ROWS = 100_000;
const MAX_COLUMNS = 100;

function cellToText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellToText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

export interface ReadTable {
  sheets: string[];
  sheet: string;
  rows: string[][];
}

/**
 * Reads a passenger list file: .xlsx (every sheet named, the chosen or first non-empty one read;
 * real date cells come as yyyy-mm-dd; a merged area repeats its value) or .csv (UTF-8, or
 * Windows-1251 when it is not valid UTF-8). .xls and anything else is refused with a message.
 */
export async function readTableFile(fileName: string, bytes: Buffer, sheetName?: string): Promise<ReadTable> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls'))
    throw new AppError('BAD_INPUT', 'an .xls workbook', undefined, { reason: 'fileXls' });
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1251').decode(bytes);
    }
    return { sheets: [], sheet: '', rows: parseTextTable(text).slice(0, MAX_ROWS) };
  }
  if (!lower.endsWith('.xlsx'))
    throw new AppError('BAD_INPUT', `not a table file: ${fileName}`, undefined, {
      reason: 'fileFormat',
      params: { accepted: '.xlsx, .csv' },
    });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BAD_INPUT', 'the workbook could not be read', undefined, { reason: 'fileBroken' });
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const sheet =
    (sheetName ? workbook.getWorksheet(sheetName) : undefined) ??
    workbook.worksheets.find((w) => w.actualRowCount > 0) ??
    workbook.worksheets[0];
  if (!sheet) return { sheets, sheet: '', rows: [] };
  const rows: string[][] = [];
  const width = Math.min(sheet.columnCount, MAX_COLUMNS);
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS) return;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(cellToText(cell.isMerged && cell.master !== cell ? cell.master.value : cell.value).trim());
    }
    rows[rowNumber - 1] = cells;
  });
  return { sheets, sheet: sheet.name, rows: Array.from({ length: rows.length }, (_, i) => rows[i] ?? []) };
}
