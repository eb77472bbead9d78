/**
 * The streaming .xlsx reader's functions as one object. The table worker runs from source text
 * (`new Worker(code, { eval: true })`: nothing to resolve in a packed app), so each function is
 * self-contained and reaches the others through this object; `XLSX_LIB_SOURCE` is the same object
 * as program text, with Node's zlib required inside the worker.
 */
import * as zlib from 'node:zlib';
import { sharedStringsHandler, sheetHandler } from './cells';
import { packRows } from './packed';
import { builtInFormat, isDateFormat, parseRelationships, parseStyles, parseWorkbook } from './parts';
import { readXlsx, tableOf } from './read-xlsx';
import { decodeXmlText, xmlAttributes, xmlTokenizer } from './xml';
import { inflateText, zipEntries, zipEntryData } from './zip';

const functions = {
  zipEntries,
  zipEntryData,
  inflateText,
  xmlTokenizer,
  decodeXmlText,
  xmlAttributes,
  parseRelationships,
  parseWorkbook,
  parseStyles,
  builtInFormat,
  isDateFormat,
  sharedStringsHandler,
  sheetHandler,
  tableOf,
  readXlsx,
  packRows,
};

export type XlsxLib = typeof functions & { zlib: Pick<typeof zlib, 'createInflateRaw'> };

/** The reader in this thread (tests and tools). */
export const xlsxLib: XlsxLib = { ...functions, zlib };

/** An expression that builds the same object in a worker whose `require` is Node's. */
export const XLSX_LIB_SOURCE = `({ zlib: require('node:zlib'), ${Object.entries(functions)
  .map(([name, fn]) => `${name}: (${fn.toString()})`)
  .join(',\n')} })`;
