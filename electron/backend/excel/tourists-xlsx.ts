import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../../shared/domain/spreadsheet-safety';
import type { Tour, Tourist } from '../../../shared/domain/tour';

/** Column headers as the passenger-list import recognises them, so the report reads back in. */
export const TOURIST_REPORT_COLUMNS: readonly {
  header: string;
  width: number;
  value: (t: Tourist, tour: Tour) => string | Date | number | null;
}[] = [
  { header: '№', width: 5, value: (_t, tour) => tour.tourists.length },
  { header: 'Фамилия', width: 18, value: (t) => t.lastNameRu },
  { header: 'Имя', width: 14, value: (t) => t.firstNameRu },
  { header: 'Отчество', width: 16, value: (t) => t.middleNameRu },
  { header: 'Фамилия (лат.)', width: 18, value: (t) => t.lastNameLat },
  { header: 'Имя (лат.)', width: 14, value: (t) => t.firstNameLat },
  { header: 'Пол', width: 6, value: (t) => (t.gender === 'M' ? 'М' : t.gender === 'F' ? 'Ж' : '') },
  { header: 'Дата рождения', width: 13, value: (t) => isoToDate(t.birthDate) },
  { header: 'Гражданство', width: 12, value: (t) => t.citizenship },
  { header: 'Серия загранпаспорта', width: 10, value: (t) => t.passportSeries },
  { header: 'Номер загранпаспорта', width: 14, value: (t) => t.passportNumber },
  { header: 'Загранпаспорт действителен до', width: 13, value: (t) => isoToDate(t.passportExpiry) },
  {
    header: 'Паспорт РФ',
    width: 14,
    value: (t) => [t.internalSeries, t.internalNumber].filter(Boolean).join(' '),
  },
  { header: 'Номер билета', width: 16, value: (t) => t.ticketNumber },
  { header: 'Телефон', width: 18, value: (t) => t.phone },
  { header: 'Email', width: 24, value: (t) => t.email },
  {
    header: 'Услуги',
    width: 40,
    value: (t, tour) =>
      tour.services
        .filter((s) => t.serviceIds.includes(s.id))
        .map((s) => s.description || s.kind)
        .join('; '),
  },
];

function isoToDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** R10: the tour's tourists as an .xlsx workbook (real date cells, passport numbers as text). */
export async function touristsWorkbook(tour: Tour): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TourDesk';
  const sheet = workbook.addWorksheet(`Тур ${tour.voucher}`.slice(0, 31).replace(/[\\/?*[\]:]/g, '-'));
  sheet.columns = TOURIST_REPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  tour.tourists.forEach((tourist, index) => {
    const row = sheet.addRow(
      TOURIST_REPORT_COLUMNS.map((c, col) => {
        if (col === 0) return index + 1;
        const value = c.value(tourist, tour);
        return typeof value === 'string' ? neutraliseFormula(value) : value;
      }),
    );
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy';
      else if (typeof cell.value === 'string') cell.numFmt = '@';
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
