import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../electron/backend';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { readTableFile } from '../electron/backend/excel/read-table';
import { emptyTourInput } from '../shared/domain/tour';
import { buildImportPreview } from '../shared/import';
import { printRow, time } from './report';

const HEADERS = [
  'Фамилия',
  'Имя',
  'Отчество',
  'Фамилия (лат.)',
  'Имя (лат.)',
  'Пол',
  'Дата рождения',
  'Загранпаспорт',
  'Действителен до',
  'Телефон',
];

function rowsOf(count: number): string[][] {
  return generateClients(count, 11).map((c) => {
    const p = c.documents.find((d) => d.kind === 'foreign_passport');
    const date = (iso: string | null | undefined) => (iso ? iso.split('-').reverse().join('.') : '');
    return [
      c.lastNameRu,
      c.firstNameRu,
      c.middleNameRu,
      c.lastNameLat,
      c.firstNameLat,
      c.gender === 'F' ? 'Ж' : 'М',
      date(c.birthDate),
      p ? p.series + p.number : '',
      date(p?.expiryDate),
      c.phone,
    ];
  });
}

/** The import budgets: a 5,000-row paste to a preview, committing 5,000 tourists, reading a 50,000-row xlsx. */
export async function benchImport(backend: Backend): Promise<void> {
  const rows = rowsOf(5_000);
  const html = `<table><tr>${HEADERS.map((h) => `<td>${h}</td>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  const { ms: previewMs, value: preview } = await time(() => buildImportPreview({ html, text: '' }));
  printRow(`paste of 5,000 rows (HTML) to a mapped, validated preview`, previewMs, 1000);

  const tour = await backend.tours.save({
    ...emptyTourInput(),
    voucher: `BENCH-${Date.now()}`,
    services: [],
  });
  const commitRows = preview.rows.map((r) => ({
    draft: r.draft,
    action: 'touristOnly' as const,
    clientId: null,
  }));
  const { ms: commitMs, value: committed } = await time(() =>
    backend.dispatch('import.commit', { tourId: tour.id, serviceIds: [], rows: commitRows }),
  );
  if (!committed.ok)
    throw new Error(`import commit failed: ${JSON.stringify(committed.error).slice(0, 300)}`);
  printRow('committing 5,000 imported tourists (one transaction)', commitMs, 1000);

  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-xlsx-'));
  try {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Список');
    sheet.addRow(HEADERS);
    const big = rowsOf(50_000);
    for (const r of big) sheet.addRow(r);
    const file = join(dir, 'big.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const bytes = readFileSync(file);
    if (global.gc) global.gc();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const { ms: readMs, value } = await time(() => readTableFile('big.xlsx', bytes));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    printRow(
      `reading a 50,000-row xlsx (${(bytes.length / 1e6).toFixed(1)} MB, ${value.rows.length} rows)`,
      readMs,
      5000,
    );
    console.log(
      `  process memory while reading: ${Math.round(peak / 1e6)} MB peak (${Math.round((peak - before) / 1e6)} MB over the start); budget 500 MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
