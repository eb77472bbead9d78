/**
 * Run as its own process by bench/import.ts: reads one file and prints the time and the process's
 * peak resident memory as JSON. Modes:
 * - `app`: readTableFile, as the import does (the streaming reader in its worker);
 * - `raw`: unzip the sheet and pull the cell texts out with one regular expression, the floor any
 *   reader pays;
 * - `sheetjs`: SheetJS's whole-workbook read, the previous reader of .xlsx (still the .xls/.ods one);
 * - `exceljs`: exceljs's streaming WorkbookReader, every cell's text collected into rows.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { readTableFile } from '../electron/backend/excel/read-table';

async function raw(bytes: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  const strings = [
    ...((await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g),
  ].map((m) => m[1] ?? '');
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  let cells = 0;
  for (const m of sheet.matchAll(/<c [^>]*?(t="s")?[^>]*><v>([^<]*)<\/v><\/c>/g)) {
    if (m[1] ? strings[Number(m[2])] !== undefined : m[2] !== undefined) cells++;
  }
  return cells;
}

function sheetjs(bytes: Buffer): number {
  const book = XLSX.read(bytes, {
    type: 'buffer',
    dense: true,
    cellDates: false,
    cellNF: true,
    cellText: false,
  });
  const first = book.SheetNames[0];
  return first === undefined ? 0 : (book.Sheets[first]?.['!data']?.length ?? 0);
}

async function exceljs(bytes: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const rows: string[][] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const texts: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        texts[column - 1] = cell.text;
      });
      rows.push(texts);
    }
    break;
  }
  return rows.length;
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2) as ['app' | 'raw' | 'sheetjs' | 'exceljs', string];
  const bytes = readFileSync(file);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const count =
    mode === 'app'
      ? (await readTableFile('big.xlsx', bytes)).rows.length
      : mode === 'sheetjs'
        ? sheetjs(bytes)
        : mode === 'exceljs'
          ? await exceljs(bytes)
          : await raw(bytes);
  const ms = performance.now() - start;
  // User + system time of every thread: on a loaded machine the fairer figure to compare.
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // resourceUsage().maxRSS is in kilobytes and counts the worker thread too.
  console.log(JSON.stringify({ ms, cpuMs, peakMb: process.resourceUsage().maxRSS / 1024, count }));
}

void main();
