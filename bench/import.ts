import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../electron/backend';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { emptyTourInput } from '../shared/domain/tour';
import { touristsTable } from '../shared/domain/tourist-columns';
import { touristFromClient } from '../shared/domain/tourist-client';
import { buildImportPreview } from '../shared/import';
import { printRow, time } from './report';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

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
    const inOwnProcess = (mode: 'app' | 'raw') => {
      const run = spawnSync(
        process.execPath,
        [tsxCli, join(import.meta.dirname, 'read-file-child.ts'), mode, file],
        {
          encoding: 'utf8',
        },
      );
      if (run.status !== 0) throw new Error(`reading in a child failed: ${run.stderr}`);
      return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
        ms: number;
        peakMb: number;
        count: number;
      };
    };
    const app = inOwnProcess('app');
    const plain = inOwnProcess('raw');
    printRow(
      `reading a 50,000-row xlsx (${(bytes.length / 1e6).toFixed(1)} MB, ${app.count} rows), own process`,
      app.ms,
      1500,
    );
    console.log(
      `  raw limit (unzip + one regular expression over the sheet): ${plain.ms.toFixed(0)} ms; ratio ${(app.ms / plain.ms).toFixed(1)}x`,
    );
    console.log(
      `  peak memory of the reading process: ${Math.round(app.peakMb)} MB (raw ${Math.round(plain.peakMb)} MB); budget 250 MB: ${app.peakMb <= 250 ? 'OK' : 'OVER BUDGET'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
