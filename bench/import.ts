import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../electron/backend';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { readTableFile } from '../electron/backend/excel/read-table';
import { emptyTourInput } from '../shared/domain/tour';
import { touristsTable } from '../shared/domain/tourist-columns';
import { touristFromClient } from '../shared/domain/tourist-client';
import { buildImportPreview } from '../shared/import';
import { printRow, time } from './report';

/** A generated passenger list with the report's own columns (header row first), as a clerk would paste it. */
function listOf(count: number): string[][] {
  const tourists = generateClients(count, 11).map((c, i) =>
    touristFromClient(
      {
        ...c,
        id: i + 1,
        version: 1,
        createdAt: '',
        updatedAt: '',
        documents: c.documents.map((d, n) => ({ ...d, id: n + 1 })),
      },
      { ticketNumber: '' },
    ),
  );
  return touristsTable(tourists, [], 'personal');
}

/** The import budgets: a 5,000-row paste to a preview, committing 5,000 tourists, reading a 50,000-row xlsx. */
export async function benchImport(backend: Backend): Promise<void> {
  const rows = listOf(5_000);
  const html = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
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
    for (const r of listOf(50_000)) sheet.addRow(r);
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
