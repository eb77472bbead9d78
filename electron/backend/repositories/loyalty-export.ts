import { guardFormulaText, writeXlsx } from '../excel/quote-prefix';

export type Cell = string | number;

/** One sheet with a bold frozen header; texts stay texts (quote-prefixed when formula-like). */
export async function tableWorkbook(
  title: string,
  headers: readonly string[],
  rows: readonly Cell[][],
): Promise<Buffer> {
  // Loaded on first export: exceljs alone took longer to load than opening the base (issue 17).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TourDesk';
  const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[\\/?*[\]:]/g, '-') || 'Sheet');
  sheet.columns = headers.map((header) => ({ header, width: Math.max(12, Math.min(40, header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const values of rows) {
    const row = sheet.addRow([...values]);
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') {
        cell.numFmt = '@';
        guardFormulaText(cell);
      }
    });
  }
  return writeXlsx(workbook);
}

/** RFC 4180 CSV in UTF-8 with a BOM (so Excel reads Cyrillic), every value exactly as stored. */
export function tableCsv(headers: readonly string[], rows: readonly Cell[][]): Buffer {
  const quote = (v: Cell) => {
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [headers, ...rows].map((r) => r.map(quote).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export function safeFileName(title: string): string {
  return title.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'table';
}
