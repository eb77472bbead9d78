import type ExcelJS from 'exceljs';
import { startsLikeFormula } from '../../../shared/domain/spreadsheet-safety';

/*
 * ExcelJS (4.4) cannot write the quotePrefix attribute of a cell format. A guarded cell is marked
 * with protection { locked: true }, which is every cell's default and so changes nothing else, and
 * the marked formats get quotePrefix="1" in place of applyProtection="1" as styles.xml is written.
 */
const MARK: Partial<ExcelJS.Protection> = { locked: true };

/** Marks a text cell that would turn into a formula when edited; its value is left as it is. */
export function guardFormulaText(cell: ExcelJS.Cell): void {
  if (typeof cell.value === 'string' && startsLikeFormula(cell.value)) cell.protection = MARK;
}

export function quotePrefixMarked(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (xfs) =>
    xfs.replace(/ applyProtection="1"/g, ' quotePrefix="1"'),
  );
}

interface XlsxWriter {
  addStyles: (
    zip: { append: (data: string, options: { name: string }) => void },
    model: { styles: { xml: string } },
  ) => Promise<void>;
}

/** The workbook as .xlsx bytes, with guarded cells quote-prefixed. */
export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const writer = workbook.xlsx as unknown as XlsxWriter;
  writer.addStyles = async (zip, model) => {
    zip.append(quotePrefixMarked(model.styles.xml), { name: 'xl/styles.xml' });
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
