import { cleanName, detectGender, hasCyrillic, parsePassengerName } from '../names';
import { today as clockToday } from '../domain/clock';
import { isRussianPassport } from '../domain/passport';
import { readClipboardTable } from './clipboard';
import { detectMapping, headerField, normalizeHeader } from './columns';
import {
  isScientific,
  normalizeCitizenship,
  normalizeDate,
  normalizeDocumentNumber,
  normalizeGender,
  normalizePaxType,
} from './normalize';
import type {
  DraftField,
  ImportIssue,
  ImportIssueCode,
  ImportPreview,
  PreviewRow,
  TargetField,
  TouristDraft,
} from './types';

export interface PreviewOptions {
  currentYear?: number;
  /** yyyy-mm-dd, for "the passport has expired". */
  today?: string;
  /** A mapping the user set (or that was remembered for this header layout): used instead of detection. */
  mapping?: (TargetField | null)[];
  /** Rows the user chose as the header (null: no header). */
  headerRow?: number | null;
}

const TOTAL_ROW = /^(итого|всего|total|sum)(?=$|[\s:.,])/i;

function isTitleRow(row: string[]): boolean {
  return row.filter((c) => c !== '').length === 1 && row.length > 2;
}

/** The first of the top rows that reads as a header (two or more known column names). */
export function findHeaderRow(rows: string[][]): number | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const known = rows[r]!.filter((c) => headerField(c) !== null).length;
    if (known >= 2) return r;
  }
  return null;
}

/** An issue is a code and its parameters; the UI words it in the clerk's language. */
function issue(
  field: DraftField,
  severity: 'error' | 'warning',
  code: ImportIssueCode,
  params?: Record<string, string | number>,
): ImportIssue {
  return { field, severity, code, ...(params ? { params } : {}) };
}

/** One source row through the mapping: every cell normalised into the draft, problems listed by field. */
export function draftFromRow(
  row: string[],
  mapping: (TargetField | null)[],
  currentYear: number,
  today: string,
): { draft: TouristDraft; issues: ImportIssue[] } {
  const draft: TouristDraft = {};
  const issues: ImportIssue[] = [];
  let series = '';
  let genderText = '';
  mapping.forEach((field, c) => {
    const cell = (row[c] ?? '').trim();
    if (!field || cell === '') return;
    switch (field) {
      case 'fullNameRu':
      case 'fullNameLat': {
        const parsed = parsePassengerName(cell, { currentYear })[0];
        if (!parsed) break;
        const latin = field === 'fullNameLat' || !hasCyrillic(parsed.lastName);
        const script = latin ? 'latin' : 'cyrillic';
        if (latin) {
          draft.lastNameLat = cleanName(parsed.lastName, script);
          if (parsed.firstName) draft.firstNameLat = cleanName(parsed.firstName, script);
        } else {
          draft.lastNameRu = cleanName(parsed.lastName, script);
          if (parsed.firstName) draft.firstNameRu = cleanName(parsed.firstName, script);
          if (parsed.middleName) draft.middleNameRu = cleanName(parsed.middleName, script);
        }
        if (parsed.gender && !draft.gender) draft.gender = parsed.gender;
        if (parsed.paxType) draft.paxType = parsed.paxType;
        if (parsed.birthDate && !draft.birthDate) draft.birthDate = parsed.birthDate;
        break;
      }
      case 'lastNameRu':
      case 'firstNameRu':
      case 'middleNameRu':
        draft[field] = cleanName(cell, 'cyrillic');
        break;
      case 'lastNameLat':
      case 'firstNameLat': {
        const parsed = field === 'firstNameLat' ? cell.replace(/\s+(MR|MRS|MS|MISS|MSTR)\.?$/i, '') : cell;
        if (parsed !== cell) genderText ||= cell.slice(parsed.length).trim();
        draft[field] = cleanName(parsed, 'latin');
        break;
      }
      case 'gender': {
        genderText = cell;
        const g = normalizeGender(cell);
        if (g) draft.gender = g;
        else issues.push(issue('gender', 'error', 'genderUnknown', { value: cell }));
        break;
      }
      case 'birthDate':
      case 'passportExpiry': {
        const iso = normalizeDate(cell, field === 'birthDate' ? 'past' : 'future', today);
        if (iso) draft[field] = iso;
        else issues.push(issue(field, 'error', 'dateInvalid', { value: cell }));
        break;
      }
      case 'passportSeries':
        series = normalizeDocumentNumber(cell);
        break;
      case 'passportNumber':
      case 'internalPassport':
        if (isScientific(cell)) issues.push(issue(field, 'error', 'scientificNumber', { value: cell }));
        else draft[field] = normalizeDocumentNumber(cell);
        break;
      case 'citizenship': {
        const code = normalizeCitizenship(cell) ?? (/^[A-Z]{3}$/i.test(cell) ? cell.toUpperCase() : null);
        if (code) draft.citizenship = code;
        else issues.push(issue('citizenship', 'warning', 'citizenshipUnknown', { value: cell }));
        break;
      }
      case 'paxType': {
        const type = normalizePaxType(cell);
        if (type) draft.paxType = type;
        break;
      }
      case 'ticketNumber':
        draft.ticketNumber = cell.replace(/\s+/g, '');
        break;
      case 'phone':
        draft.phone = cell.replace(/\s+/g, ' ');
        break;
      case 'email':
        draft.email = cell;
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell))
          issues.push(issue('email', 'warning', 'emailInvalid', { value: cell }));
        break;
    }
  });
  if (series !== '') draft.passportNumber = series + (draft.passportNumber ?? '');
  const citizenship = draft.citizenship ?? 'RUS';
  if (
    draft.passportNumber &&
    citizenship === 'RUS' &&
    !isRussianPassport('foreign_passport', draft.passportNumber)
  ) {
    // With the citizenship given as Russian the passport must be Russian; without it, it may be foreign.
    const severity = draft.citizenship === 'RUS' ? 'error' : 'warning';
    issues.push(issue('passportNumber', severity, 'passportFormat', { value: draft.passportNumber }));
  }
  if (
    draft.internalPassport &&
    citizenship === 'RUS' &&
    !isRussianPassport('internal_passport', draft.internalPassport)
  ) {
    issues.push(
      issue('internalPassport', 'warning', 'internalPassportFormat', { value: draft.internalPassport }),
    );
  }
  if (draft.passportExpiry && draft.passportExpiry < today)
    issues.push(issue('passportExpiry', 'warning', 'expiredPassport'));
  if (!draft.lastNameRu && !draft.lastNameLat) issues.push(issue('lastNameRu', 'error', 'surnameMissing'));
  const fromName = detectGender({
    lastName: draft.lastNameRu || draft.lastNameLat,
    firstName: draft.firstNameRu || draft.firstNameLat,
    middleName: draft.middleNameRu,
  });
  if (!draft.gender && fromName && !genderText) draft.gender = fromName;
  else if (draft.gender && fromName && draft.gender !== fromName)
    issues.push(issue('gender', 'warning', 'genderConflict'));
  return { draft, issues };
}

/**
 * From a paste or a read file to a preview: finds the header row (or none), skips title, blank and
 * total rows, maps each column by header and content, and normalises every cell.
 */
export function buildImportPreview(
  input: { html?: string; text?: string; rows?: string[][] },
  options: PreviewOptions = {},
): ImportPreview {
  const today = options.today ?? clockToday();
  const currentYear = options.currentYear ?? Number(today.slice(0, 4));
  const grid = input.rows ?? readClipboardTable(input);
  const headerRow = options.headerRow !== undefined ? options.headerRow : findHeaderRow(grid);
  const skippedRows: number[] = [];
  const dataIndexes: number[] = [];
  grid.forEach((row, r) => {
    if (headerRow !== null && r <= headerRow) {
      if (r < headerRow) skippedRows.push(r);
      return;
    }
    const empty = row.every((c) => c === '');
    const total = TOTAL_ROW.test(row.find((c) => c !== '') ?? '');
    if (empty || total || (dataIndexes.length === 0 && isTitleRow(row))) skippedRows.push(r);
    else dataIndexes.push(r);
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, c) => dataIndexes.map((r) => grid[r]![c] ?? ''));
  const headers = headerRow !== null ? grid[headerRow]! : null;
  const detected = detectMapping(headers, columns, currentYear);
  const mapping = options.mapping
    ? Array.from({ length: width }, (_, c) => options.mapping![c] ?? null)
    : detected.mapping;
  const confidence = options.mapping ? mapping.map((m) => (m ? 1 : 0)) : detected.confidence;
  const rows: PreviewRow[] = dataIndexes.map((r) => {
    const source = Array.from({ length: width }, (_, c) => grid[r]![c] ?? '');
    return { sourceIndex: r, source, ...draftFromRow(source, mapping, currentYear, today) };
  });
  return { headerRow, skippedRows, mapping, confidence, rows };
}

/** The key a remembered mapping is stored under: the normalised header layout. */
export function headerLayoutKey(headers: string[]): string {
  return headers.map(normalizeHeader).join('|');
}
