/**
 * The part of reading a file that runs in a worker thread: a hostile or huge workbook (a zip bomb, a
 * merged range over a million rows) then costs the worker, never the backend, and is stopped by the
 * worker's memory and time limits.
 *
 * The worker runs this function's source text (`new Worker(code, { eval: true })`), so it must be
 * self-contained: no imports, only `require` of the absolute module paths it is given.
 */

import type { XlsxLib } from './xlsx/lib';
import { XLSX_LIB_SOURCE } from './xlsx/lib';
import type { PackedRows } from './xlsx/packed';

export interface TableWorkerInput {
  /** `xlsx`: .xlsx/.xlsm by the streaming reader; `sheet`: .xls/.ods by SheetJS. */
  kind: 'xlsx' | 'sheet' | 'docx';
  bytes: Uint8Array;
  sheet: string | undefined;
  maxRows: number;
  maxColumns: number;
  /** The most one part of an .xlsx may inflate to (a bomb whose directory lies). */
  maxPartBytes: number;
  modules: { xlsx: string; mammoth: string };
}

/** Sent while the worker reads; the last message is the output. */
export interface TableWorkerProgress {
  progress: number;
}

export type TableWorkerOutput =
  | { ok: true; kind: 'sheet'; sheets: string[]; sheet: string; rows: PackedRows }
  | { ok: true; kind: 'docx'; html: string }
  | { ok: false; reason: 'fileBroken' | 'fileTooComplex' };

/* eslint-disable @typescript-eslint/no-require-imports -- the worker has nothing but require */
function tableWorkerMain(xlsxLib: XlsxLib): void {
  interface Cell {
    t: string;
    v?: unknown;
    z?: string;
    w?: string;
  }
  interface Range {
    s: { r: number; c: number };
    e: { r: number; c: number };
  }
  interface Sheet {
    '!data'?: (Cell | undefined)[][];
    '!merges'?: Range[];
  }
  interface Xlsx {
    read: (data: Uint8Array, options: object) => { SheetNames: string[]; Sheets: Record<string, Sheet> };
    SSF: { is_date: (format: string) => boolean };
  }
  const { parentPort, workerData } = require('node:worker_threads') as {
    parentPort: { postMessage: (message: unknown, transfer?: ArrayBuffer[]) => void };
    workerData: TableWorkerInput;
  };

  // Excel's serial day (1900 system with its phantom 29.02.1900) to ISO, by UTC arithmetic only.
  const serialToIso = (serial: number): string => {
    const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
    return new Date(Date.UTC(1899, 11, 31) + days * 86_400_000).toISOString().slice(0, 10);
  };

  const cellText = (cell: Cell | undefined, xlsx: Xlsx): string => {
    if (!cell || cell.v === undefined || cell.v === null) return '';
    if (cell.t === 'n' && typeof cell.v === 'number') {
      if (cell.z && xlsx.SSF.is_date(cell.z) && cell.v >= 1 && cell.v < 80_000) return serialToIso(cell.v);
      // Passport and ticket numbers typed into number cells: every digit, never 7.51E+08.
      return Number.isInteger(cell.v) ? cell.v.toFixed(0) : String(cell.v);
    }
    if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
    if (cell.t === 'e') return '';
    return String(cell.v).trim();
  };

  const progress = (percent: number) => parentPort.postMessage({ progress: percent });

  const readSheet = (): TableWorkerOutput => {
    const xlsx = require(workerData.modules.xlsx) as Xlsx;
    progress(5);
    const book = xlsx.read(workerData.bytes, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellText: false,
    });
    progress(60);
    const data = (name: string) => book.Sheets[name]?.['!data'] ?? [];
    const hasContent = (name: string) => data(name).some((row) => row?.some((c) => cellText(c, xlsx) !== ''));
    const name =
      (workerData.sheet && book.SheetNames.includes(workerData.sheet) ? workerData.sheet : undefined) ??
      book.SheetNames.find(hasContent) ??
      book.SheetNames[0];
    if (name === undefined) {
      return { ok: true, kind: 'sheet', sheets: [], sheet: '', rows: xlsxLib.packRows([]) };
    }
    const cells = data(name);
    // The table ends at its last cell with content: a merged range or a formatted column that
    // reaches row 1,048,576 does not make a million empty rows. Each cell is read once.
    const limit = Math.min(cells.length, workerData.maxRows);
    const texts: string[][] = [];
    let height = 0;
    let width = 0;
    for (let r = 0; r < limit; r++) {
      const row = cells[r];
      const text = row ? row.slice(0, workerData.maxColumns).map((c) => cellText(c, xlsx)) : [];
      texts.push(text);
      for (let c = text.length - 1; c >= 0; c--) {
        if (text[c] !== '') {
          height = r + 1;
          width = Math.max(width, c + 1);
          break;
        }
      }
      if (r % 5000 === 4999) progress(60 + Math.round((35 * r) / limit));
    }
    const rows = texts.slice(0, height).map((text) => Array.from({ length: width }, (_, c) => text[c] ?? ''));
    for (const merge of book.Sheets[name]?.['!merges'] ?? []) {
      const value = rows[merge.s.r]?.[merge.s.c] ?? '';
      for (let r = merge.s.r; r <= Math.min(merge.e.r, height - 1); r++)
        for (let c = merge.s.c; c <= Math.min(merge.e.c, width - 1); c++) rows[r]![c] = value;
    }
    return { ok: true, kind: 'sheet', sheets: book.SheetNames, sheet: name, rows: xlsxLib.packRows(rows) };
  };

  const readDocx = async (): Promise<TableWorkerOutput> => {
    const mammoth = require(workerData.modules.mammoth) as {
      convertToHtml: (input: { buffer: Buffer }) => Promise<{ value: string }>;
    };
    progress(5);
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(workerData.bytes) });
    progress(90);
    return { ok: true, kind: 'docx', html: result.value };
  };

  const readXlsx = async (): Promise<TableWorkerOutput> => {
    const table = await xlsxLib.readXlsx(xlsxLib, workerData.bytes, {
      sheet: workerData.sheet,
      maxRows: workerData.maxRows,
      maxColumns: workerData.maxColumns,
      maxPartBytes: workerData.maxPartBytes,
      onProgress: progress,
    });
    return {
      ok: true,
      kind: 'sheet',
      sheets: table.sheets,
      sheet: table.sheet,
      rows: xlsxLib.packRows(table.rows),
    };
  };

  const run = async (): Promise<TableWorkerOutput> => {
    try {
      if (workerData.kind === 'xlsx') return await readXlsx();
      return workerData.kind === 'docx' ? await readDocx() : readSheet();
    } catch (error) {
      return {
        ok: false,
        reason:
          error instanceof Error && error.message === 'fileTooComplex' ? 'fileTooComplex' : 'fileBroken',
      };
    }
  };
  void run().then((output) =>
    parentPort.postMessage(
      output,
      output.ok && output.kind === 'sheet' ? [output.rows.lengths.buffer as ArrayBuffer] : [],
    ),
  );
}
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The worker's program text. Build tools may wrap inner functions in a `__name(fn, "name")` helper
 * that lives outside the function; the shim stands in for it.
 */
export const TABLE_WORKER_SOURCE = `'use strict';
const __name = (fn) => fn;
(${tableWorkerMain.toString()})(${XLSX_LIB_SOURCE});`;
