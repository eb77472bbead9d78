import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

  await benchXlsxRead();
}

/** The benchmark's workbook: 50,000 generated tourists with the report's columns, written by exceljs. */
export async function writeBigXlsx(file: string, rows = 50_000): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Список');
  for (const r of listOf(rows)) sheet.addRow(r);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

type ChildMode = 'app' | 'sheetjs' | 'exceljs' | 'raw';
interface ChildFigures {
  ms: number;
  cpuMs: number;
  peakMb: number;
  count: number;
}

/** Reads the file in a fresh process (bench/read-file-child.ts) and returns its time and peak RSS. */
function inOwnProcess(mode: ChildMode, file: string): ChildFigures {
  const run = spawnSync(
    process.execPath,
    [tsxCli, join(import.meta.dirname, 'read-file-child.ts'), mode, file],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`reading in a child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ChildFigures;
}

/**
 * A 50,000-row .xlsx (the report's columns) read in its own process: the app's reader against the
 * budget, beside the raw floor (unzip + one regular expression), the previous reader (SheetJS) and
 * exceljs's streaming WorkbookReader, the maintained library that could have done it.
 */
export async function benchXlsxRead(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-xlsx-'));
  try {
    const file = join(dir, 'big.xlsx');
    await writeBigXlsx(file);
    const bytes = readFileSync(file);
    const runs = Number(process.env.BENCH_XLSX_RUNS ?? 3);
    // The best of a few runs: the machine is shared, and the slowest run measures the neighbours.
    const best = (mode: ChildMode): ChildFigures => {
      const all = Array.from({ length: runs }, () => inOwnProcess(mode, file));
      return {
        ms: Math.min(...all.map((f) => f.ms)),
        cpuMs: Math.min(...all.map((f) => f.cpuMs)),
        peakMb: Math.min(...all.map((f) => f.peakMb)),
        count: all[0]?.count ?? 0,
      };
    };
    const raw = best('raw');
    console.log(
      `reading a 50,000-row xlsx (${(bytes.length / 1e6).toFixed(1)} MB) in its own process, best of ${runs}: time, CPU time, peak RSS`,
    );
    const line = (label: string, f: ChildFigures, budget: boolean) =>
      console.log(
        `  ${label.padEnd(34)} ${f.ms.toFixed(0).padStart(6)} ms ${f.cpuMs.toFixed(0).padStart(6)} ms CPU ${Math.round(f.peakMb).toString().padStart(5)} MB` +
          `  ${(f.ms / raw.ms).toFixed(2)}x raw time, ${(f.cpuMs / raw.cpuMs).toFixed(2)}x raw CPU, ${(f.peakMb / raw.peakMb).toFixed(2)}x raw memory, ${f.count} rows` +
          (budget
            ? `  budget 1500 ms / 250 MB: ${f.ms <= 1500 && f.peakMb <= 250 ? 'OK' : 'OVER BUDGET'}`
            : ''),
      );
    line('the app (streaming reader, worker)', best('app'), true);
    line('raw: unzip + one regexp', raw, false);
    if (process.env.BENCH_XLSX_OTHERS !== '0') {
      line('SheetJS (the previous reader)', best('sheetjs'), false);
      line('exceljs streaming WorkbookReader', best('exceljs'), false);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node scripts/run-ts.mjs bench/import.ts`: only the .xlsx read, without the 200,000-client base.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void benchXlsxRead();
