import ExcelJS from 'exceljs';
import { z } from 'zod';
import { AppError } from '../../../shared/api/envelope';
import { forbiddenTextIssues } from '../../../shared/domain/safe-text';
import { countrySchema, type Country } from '../../../shared/domain/tour';
import {
  dictionaryEntryInputSchema,
  fieldDefinitionSchema,
  formDefinitionSchema,
  type DictionaryEntryInput,
  type FormDefinition,
} from '../../../shared/questionnaire/reference';
import { guardFormulaText, writeXlsx } from './quote-prefix';
import { readTableFile } from './read-table';

/**
 * Reference books to and from files (R15): .json holds the books' own objects, .xlsx one sheet per
 * table with a header row. A file that does not fit is refused whole, naming the row and column.
 */

export interface BookFile {
  fileName: string;
  base64: string;
}

interface Table {
  name: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}

async function tablesToXlsx(tables: readonly Table[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow([...table.headers]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]).eachCell(guardFormulaText);
    sheet.columns.forEach((column) => (column.width = 24));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return (await writeXlsx(workbook)).toString('base64');
}

const jsonFile = (fileName: string, value: unknown): BookFile => ({
  fileName,
  base64: Buffer.from(JSON.stringify(value, null, 2), 'utf8').toString('base64'),
});

function rowError(sheet: string, row: number, column: string): AppError {
  return new AppError('VALIDATION', `${sheet} row ${row} column ${column}`, [
    { path: column, code: 'rowInvalid', params: { sheet, row, column } },
  ]);
}

/** Parses items against a schema; the first bad one is reported by its row (1 = first item) and key. */
function parseItems<T>(
  schema: z.ZodType<T>,
  items: readonly unknown[],
  sheet: string,
  firstRow: number,
): T[] {
  return items.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const column = String(parsed.error.issues[0]?.path[0] ?? '');
      throw rowError(sheet, index + firstRow, column);
    }
    const forbidden = forbiddenTextIssues(schema, parsed.data)[0];
    if (forbidden) throw rowError(sheet, index + firstRow, forbidden.path.split('.')[0] ?? '');
    return parsed.data;
  });
}

function fileKind(fileName: string): 'json' | 'xlsx' {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  throw new AppError('BAD_INPUT', `not a reference book file: ${fileName}`, undefined, {
    reason: 'fileFormat',
    params: { accepted: '.xlsx, .json' },
  });
}

function readJson(base64: string): unknown {
  try {
    return JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as unknown;
  } catch {
    throw new AppError('BAD_INPUT', 'the JSON could not be read', undefined, { reason: 'fileBroken' });
  }
}

/** A sheet's rows as records keyed by its header row; `rowNumber` is the row as Excel shows it. */
async function readSheet(
  file: BookFile,
  sheet: string,
): Promise<{ records: Record<string, string>[]; firstRow: number }> {
  const table = await readTableFile(file.fileName, Buffer.from(file.base64, 'base64'), sheet);
  if (table.sheet !== sheet) throw rowError(sheet, 1, '');
  const [header = [], ...rows] = table.rows;
  const keys = header.map((h) => h.trim().toLowerCase());
  const records = rows
    .filter((row) => row.some((cell) => cell.trim() !== ''))
    .map((row) => Object.fromEntries(keys.map((key, i) => [key, (row[i] ?? '').trim()])));
  return { records, firstRow: 2 };
}

/** A one-table book: a JSON list of its objects, or its sheet with a header row. */
async function readBookItems<T>(
  file: BookFile,
  sheet: string,
  schema: z.ZodType<T>,
  fromRecord: (record: Record<string, string>) => unknown,
): Promise<T[]> {
  if (fileKind(file.fileName) === 'json') {
    const items = readJson(file.base64);
    if (!Array.isArray(items)) throw new AppError('BAD_INPUT', 'not a list');
    return parseItems(schema, items, sheet, 1);
  }
  const { records, firstRow } = await readSheet(file, sheet);
  return parseItems(schema, records.map(fromRecord), sheet, firstRow);
}

const yes = (text: string | undefined) =>
  ['1', 'true', 'yes', 'да', 'y', 'x'].includes((text ?? '').toLowerCase());

// --- dictionary ---

export async function exportDictionary(
  entries: readonly DictionaryEntryInput[],
  format: 'xlsx' | 'json',
): Promise<BookFile> {
  if (format === 'json') return jsonFile('dictionary.json', entries);
  return {
    fileName: 'dictionary.xlsx',
    base64: await tablesToXlsx([
      { name: 'dictionary', headers: ['ru', 'en', 'fr'], rows: entries.map((e) => [e.ru, e.en, e.fr]) },
    ]),
  };
}

export function readDictionaryFile(file: BookFile): Promise<DictionaryEntryInput[]> {
  return readBookItems(file, 'dictionary', dictionaryEntryInputSchema(), (r) => ({
    ru: r.ru ?? '',
    en: r.en ?? '',
    fr: r.fr ?? '',
  }));
}

// --- countries ---

const COUNTRY_HEADERS = [
  'code',
  'name_ru',
  'name_en',
  'name_fr',
  'language',
  'form',
  'passport_margin_months',
];

export async function exportCountries(
  countries: readonly Country[],
  format: 'xlsx' | 'json',
): Promise<BookFile> {
  if (format === 'json') return jsonFile('countries.json', countries);
  return {
    fileName: 'countries.xlsx',
    base64: await tablesToXlsx([
      {
        name: 'countries',
        headers: COUNTRY_HEADERS,
        rows: countries.map((c) => [
          c.code,
          c.nameRu,
          c.nameEn,
          c.nameFr,
          c.questionnaireLanguage,
          c.formKey ?? '',
          String(c.passportMarginMonths),
        ]),
      },
    ]),
  };
}

export function readCountriesFile(file: BookFile): Promise<Country[]> {
  return readBookItems(file, 'countries', countrySchema(), (r) => ({
    code: (r.code ?? '').toUpperCase(),
    nameRu: r.name_ru ?? '',
    nameEn: r.name_en ?? '',
    nameFr: r.name_fr ?? '',
    questionnaireLanguage: r.language || 'ru',
    formKey: r.form || null,
    passportMarginMonths: Number(r.passport_margin_months || '0'),
  }));
}

// --- forms ---

const FIELD_HEADERS = [
  'number',
  'key',
  'label_ru',
  'label_en',
  'label_fr',
  'type',
  'translation',
  'binding',
  'required',
  'family_exempt',
  'wording',
];
const OPTION_HEADERS = ['field', 'code', 'label_ru', 'label_en', 'label_fr', 'default'];

export async function exportForm(form: FormDefinition, format: 'xlsx' | 'json'): Promise<BookFile> {
  if (format === 'json') return jsonFile(`form-${form.key}.json`, form);
  return {
    fileName: `form-${form.key}.xlsx`,
    base64: await tablesToXlsx([
      {
        name: 'form',
        headers: ['key', 'name_ru', 'name_en', 'name_fr', 'layout'],
        rows: [[form.key, form.name.ru, form.name.en, form.name.fr, form.layout]],
      },
      {
        name: 'fields',
        headers: FIELD_HEADERS,
        rows: form.fields.map((f) => [
          f.number,
          f.key,
          f.label.ru,
          f.label.en,
          f.label.fr,
          f.type,
          f.translation,
          f.binding ?? '',
          f.required ? 'yes' : '',
          f.familyExempt ? 'yes' : '',
          f.wording,
        ]),
      },
      {
        name: 'options',
        headers: OPTION_HEADERS,
        rows: form.fields.flatMap((f) =>
          f.options.map((o) => [f.key, o.code, o.label.ru, o.label.en, o.label.fr, o.isDefault ? 'yes' : '']),
        ),
      },
    ]),
  };
}

export async function readFormsFile(file: BookFile): Promise<FormDefinition[]> {
  if (fileKind(file.fileName) === 'json') {
    const value = readJson(file.base64);
    return parseItems(formDefinitionSchema(), Array.isArray(value) ? value : [value], 'forms', 1);
  }
  const form = await readSheet(file, 'form');
  const fields = await readSheet(file, 'fields');
  const options = await readSheet(file, 'options');
  const head = form.records[0];
  if (!head) throw rowError('form', 2, 'key');
  const labels = (r: Record<string, string>) => ({
    ru: r.label_ru ?? '',
    en: r.label_en ?? '',
    fr: r.label_fr ?? '',
  });
  const parsedFields = parseItems(
    fieldDefinitionSchema(),
    fields.records.map((r) => ({
      number: r.number ?? '',
      key: r.key ?? '',
      label: labels(r),
      type: r.type ?? '',
      translation: r.translation || 'none',
      binding: r.binding || null,
      required: yes(r.required),
      familyExempt: yes(r.family_exempt),
      wording: r.wording || 'unverified',
      options: options.records
        .filter((o) => o.field === r.key)
        .map((o) => ({ code: o.code ?? '', label: labels(o), isDefault: yes(o.default) })),
    })),
    'fields',
    fields.firstRow,
  );
  const definition = formDefinitionSchema().safeParse({
    key: head.key ?? '',
    name: { ru: head.name_ru ?? '', en: head.name_en ?? '', fr: head.name_fr ?? '' },
    layout: head.layout || 'worksheet',
    fields: parsedFields,
  });
  if (!definition.success) throw rowError('form', 2, String(definition.error.issues[0]?.path[0] ?? ''));
  return [definition.data];
}
