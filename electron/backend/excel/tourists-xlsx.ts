import ExcelJS from 'exceljs';
import type { Tour } from '../../../shared/domain/tour';
import { TOURIST_COLUMNS } from '../../../shared/domain/tourist-columns';
import { guardFormulaText, writeXlsx } from './quote-prefix';

function isoToDate(iso: string): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** R10: the tour's tourists as an .xlsx workbook (real date cells, passport numbers as text). */
export async function touristsWorkbook(tour: Tour): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TourDesk';
  const sheet = workbook.addWorksheet(`Тур ${tour.voucher}`.slice(0, 31).replace(/[\\/?*[\]:]/g, '-'));
  sheet.columns = [
    { header: '№', width: 5 },
    ...TOURIST_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  tour.tourists.forEach((tourist, index) => {
    const row = sheet.addRow([
      index + 1,
      ...TOURIST_COLUMNS.map((c) => {
        const value = c.value(tourist, tour.services);
        return c.kind === 'date' ? isoToDate(value) : value;
      }),
    ]);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy';
      else if (typeof cell.value === 'string') {
        cell.numFmt = '@';
        guardFormulaText(cell);
      }
    });
  });
  return writeXlsx(workbook);
}
