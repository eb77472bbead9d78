/**
 * Run as its own process by bench/import.ts: reads one file either as the app does
 * (`app`: readTableFile, with its worker) or as plainly as possible (`raw`: unzip the sheet and pull
 * the cell texts out with one regular expression, the floor any reader pays), then prints the time
 * and the process's peak resident memory as JSON.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
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

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2) as ['app' | 'raw', string];
  const bytes = readFileSync(file);
  const start = performance.now();
  const count = mode === 'app' ? (await readTableFile('big.xlsx', bytes)).rows.length : await raw(bytes);
  const ms = performance.now() - start;
  // resourceUsage().maxRSS is in kilobytes and counts the worker thread too.
  console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, count }));
}

void main();
