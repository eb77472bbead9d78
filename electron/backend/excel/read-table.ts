import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorReason } from '../../../shared/api/envelope';
import { parseTextTable, readClipboardTable } from '../../../shared/import';
import {
  TABLE_WORKER_SOURCE,
  type TableWorkerInput,
  type TableWorkerOutput,
  type TableWorkerProgress,
} from './table-worker';
import { unpackRows } from './xlsx/packed';

const MAX_ROWS = 100_000;
const MAX_COLUMNS = 100;
/** A worker reading a file gets this much heap and time; a file that needs more is refused, not retried. */
const WORKER_HEAP_MB = 384;
/** Generous for a busy office computer: a 50,000-row list reads in about 2 s on an idle one. */
const WORKER_TIME_MS = 30_000;
/**
 * A 100,000-row list of twenty columns unpacks to about 60 MB; a zip that says it unpacks to more is
 * refused at once, whether a bomb or a sheet of millions of cells (a lying directory still meets the
 * worker's memory and time limits).
 */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export interface ReadTable {
  sheets: string[];
  sheet: string;
  rows: string[][];
}

/** Read by the streaming reader (xlsx/); the older formats by SheetJS. */
const XLSX_FILES = ['.xlsx', '.xlsm'];
const SHEET_FILES = ['.xls', '.ods'];
const TEXT_FILES = ['.csv', '.txt', '.tsv'];

function refuse(reason: ErrorReason, message: string, params?: Record<string, string>): never {
  throw new AppError('BAD_INPUT', message, undefined, { reason, ...(params ? { params } : {}) });
}

const modulePaths = (() => {
  let paths: TableWorkerInput['modules'] | null = null;
  return () => {
    if (!paths) {
      const require = createRequire(import.meta.url);
      paths = { xlsx: require.resolve('@e965/xlsx'), mammoth: require.resolve('mammoth') };
    }
    return paths;
  };
})();

/** Runs the table worker with its limits; a worker that runs out of memory or time is a refused file. */
function runWorker(
  input: Omit<TableWorkerInput, 'modules'>,
  onProgress: (percent: number) => void,
): Promise<TableWorkerOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(TABLE_WORKER_SOURCE, {
      eval: true,
      workerData: { ...input, modules: modulePaths() } satisfies TableWorkerInput,
      // The bytes are this call's own copy: moved to the worker, not copied a second time.
      transferList: [input.bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new AppError('BAD_INPUT', 'reading the file took too long', undefined, { reason: 'fileTooComplex' }),
      );
    }, WORKER_TIME_MS);
    worker.on('message', (message: TableWorkerOutput | TableWorkerProgress) => {
      if ('progress' in message) return onProgress(message.progress);
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('BAD_INPUT', 'the file needs too much memory', undefined, {
              reason: 'fileTooComplex',
            })
          : error,
      );
    });
  });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Whether the bytes can be what the name says. The spreadsheet library reads anything it is given
 * as text, so a damaged workbook would otherwise become a one-cell table instead of an error.
 */
function looksLike(lower: string, bytes: Buffer): boolean {
  if (lower.endsWith('.xls')) {
    // Old Excel, or the HTML / XML Spreadsheet 2003 that other programs save under .xls.
    return startsWith(bytes, COMPOUND_FILE) || /^\s*</.test(bytes.subarray(0, 64).toString('latin1'));
  }
  return startsWith(bytes, ZIP);
}

/**
 * What the zip's central directory says its entries unpack to, or null when it has none. A bomb
 * that lies in its directory is still stopped by the worker's memory and time limits.
 */
export function declaredUnpackedSize(bytes: Buffer): number | null {
  const from = Math.max(0, bytes.length - 65_557);
  for (let end = bytes.length - 22; end >= from; end--) {
    if (bytes.readUInt32LE(end) !== 0x06054b50) continue;
    const count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
      total += bytes.readUInt32LE(at + 24);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return total;
  }
  return null;
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/**
 * Reads a passenger list file: a workbook (.xlsx, .xls, .ods: every sheet named, the chosen or first
 * non-empty one read; date cells as yyyy-mm-dd; a merged area repeats its value), the tables of a
 * Word document (.docx, through the same reader as a pasted Word table), or a text table (.csv in
 * UTF-8 or Windows-1251). Workbooks and documents are parsed in a worker with memory and time limits.
 */
export async function readTableFile(
  fileName: string,
  bytes: Buffer,
  sheetName?: string,
  onProgress: (percent: number) => void = () => undefined,
): Promise<ReadTable> {
  const lower = fileName.toLowerCase();
  const limits = { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS };
  if (TEXT_FILES.some((ext) => lower.endsWith(ext))) {
    return { sheets: [], sheet: '', rows: parseTextTable(decodeText(bytes)).slice(0, MAX_ROWS) };
  }
  const kind = lower.endsWith('.docx')
    ? 'docx'
    : XLSX_FILES.some((ext) => lower.endsWith(ext))
      ? 'xlsx'
      : SHEET_FILES.some((ext) => lower.endsWith(ext))
        ? 'sheet'
        : null;
  if (kind === null)
    refuse('fileFormat', `not a table file: ${fileName}`, { accepted: '.xlsx, .xls, .ods, .docx, .csv' });
  if (!looksLike(lower, bytes)) refuse('fileBroken', `${fileName} is not what its name says`);
  if ((declaredUnpackedSize(bytes) ?? 0) > MAX_UNPACKED_BYTES) {
    refuse('fileTooComplex', `${fileName} unpacks to more than ${MAX_UNPACKED_BYTES} bytes`);
  }
  const output = await runWorker(
    { kind, bytes: new Uint8Array(bytes), sheet: sheetName, maxPartBytes: MAX_UNPACKED_BYTES, ...limits },
    onProgress,
  );
  if (!output.ok) {
    refuse(
      output.reason,
      output.reason === 'fileTooComplex'
        ? `${fileName} is too large to read`
        : `${fileName} could not be read`,
    );
  }
  if (output.kind === 'docx') {
    const rows = readClipboardTable({ html: output.html });
    if (rows.length === 0) refuse('fileNoTable', `${fileName} holds no table`);
    return { sheets: [], sheet: '', rows };
  }
  return { sheets: output.sheets, sheet: output.sheet, rows: unpackRows(output.rows) };
}
