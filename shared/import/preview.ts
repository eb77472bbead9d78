import { cleanName, detectGender, hasCyrillic, parsePassengerName, titleCase } from '../names';
import type { ParsedName } from '../names';
import { today as clockToday } from '../domain/clock';
import { compactDocumentNumber, isRussianPassport } from '../domain/passport';
import { readClipboardTable } from './clipboard';
import { detectMapping, headerField, normalizeHeader } from './columns';
import { commitIssues } from './draft-check';
import { nameScore } from './name-likeness';
import {
  documentShape,
  isScientific,
  normalizeCitizenship,
  normalizeDate,
  normalizeDocumentNumber,
  normalizeGender,
  normalizePaxType,
  normalizeTitle,
  splitPassportCell,
} from './normalize';
import {
  INFO_FIELDS,
  type DraftField,
  type ImportIssue,
  type ImportIssueCode,
  type ImportPreview,
  type InfoField,
  type PreviewRow,
  type TargetField,
  type TouristDraft,
} from './types';

export interface PreviewOptions {
  currentYear?: number;
  /** yyyy-mm-dd, for "the passport has expired" and "a birth date in the future". */
  today?: string;
  /** A mapping the user set (or that was remembered for this header layout): used instead of detection. */
  mapping?: (TargetField | null)[];
  /** Rows the user chose as the header (null: no header). */
  headerRow?: number | null;
  /** Fields the clerk set on a row (the assist buttons), by row key, over what its cells give. */
  overrides?: ReadonlyMap<number, TouristDraft>;
}

const TOTAL_ROW = /^(итого|всего|total|sum)(?=$|[\s:.,])/i;
/** A signature line under a list: "Менеджер: Петрова Е. А.", "Подпись:", "Manager:". */
const LABEL_ROW = /^\p{L}[\p{L} .]{1,30}:/u;
const INFO: ReadonlySet<TargetField> = new Set(INFO_FIELDS);
const TRAILING_TITLE = /\s+(MR|MRS|MS|MISS|MSTR)\.?$/i;
/** Up to 16 people from one source row: the key of part k is sourceIndex + k/16, exact in binary. */
const PARTS = 16;

const knownHeaders = (row: readonly string[]) => {
  let known = 0;
  let fields = 0;
  for (const cell of row) {
    const field = headerField(cell);
    if (field) known++;
    if (field && field !== 'ignore') fields++;
  }
  return { known, fields };
};

/** The first of the top rows that reads as a header (two or more known column names, one a field). */
export function findHeaderRow(rows: string[][]): number | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const { known, fields } = knownHeaders(rows[r]!);
    if (known >= 2 && fields >= 1) return r;
  }
  return null;
}

/**
 * A header of two rows (a merged "Загранпаспорт" over "Номер" and "Действителен до"): the second
 * row also names two fields and holds no dates. Each column's header is then the lower text with
 * the upper one as its remark.
 */
function headerTexts(grid: string[][], headerRow: number): { headers: string[]; rows: number } {
  const upper = grid[headerRow]!;
  const lower = grid[headerRow + 1];
  const second =
    lower !== undefined &&
    knownHeaders(lower).fields >= 2 &&
    !lower.some((c) => /\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(c));
  if (!second) return { headers: upper.slice(), rows: 1 };
  const headers = upper.map((top, c) => {
    const bottom = lower[c] ?? '';
    if (bottom === '' || bottom === top) return top;
    return top === '' ? bottom : `${bottom}\n(${top})`;
  });
  return { headers, rows: 2 };
}

/**
 * A heading inside the table, not a person: one text across a merged row ("Rooming list: …",
 * "Менеджер: …"), or a lone cell of words that are no name ("Руководитель группы", "Участники"),
 * or a lone row number. A lone cell that may be a person (a name, a passport) stays a row.
 */
function isSectionRow(row: readonly string[]): boolean {
  if (row.length <= 2) return false;
  let text: string | null = null;
  let cells = 0;
  for (const cell of row) {
    if (cell === '') continue;
    cells++;
    if (text === null) text = cell;
    else if (cell !== text) return false;
  }
  if (text === null) return false;
  if (cells >= 2) return true;
  if (/^\d{1,4}\.?$/.test(text)) return true;
  return /\p{L}/u.test(text) && !/\d/.test(text) && nameScore(text) < 0.75;
}

export interface TableLayout {
  headerRow: number | null;
  headers: string[] | null;
  skippedRows: number[];
  dataIndexes: number[];
  width: number;
  mapping: (TargetField | null)[];
  confidence: number[];
}

/**
 * Where the list is in a pasted or read table: the header (one row or two), the rows skipped
 * (titles, blank rows, section headings, the total and the footer under it) and each column's field.
 */
export function analyzeTable(
  grid: string[][],
  options: Pick<PreviewOptions, 'headerRow' | 'currentYear'> = {},
): TableLayout {
  const currentYear = options.currentYear ?? Number(clockToday().slice(0, 4));
  const headerRow = options.headerRow !== undefined ? options.headerRow : findHeaderRow(grid);
  const header = headerRow !== null && grid[headerRow] ? headerTexts(grid, headerRow) : null;
  const lastHeaderRow = headerRow === null ? -1 : headerRow + (header?.rows ?? 1) - 1;
  const skippedRows: number[] = [];
  const dataIndexes: number[] = [];
  let afterTotal = false;
  grid.forEach((row, r) => {
    if (r <= lastHeaderRow) {
      if (r !== headerRow) skippedRows.push(r);
      return;
    }
    const first = row.find((c) => c !== '') ?? '';
    if (first === '') skippedRows.push(r);
    else if (TOTAL_ROW.test(first)) {
      afterTotal = true;
      skippedRows.push(r);
    } else if (isSectionRow(row) || (afterTotal && LABEL_ROW.test(first))) skippedRows.push(r);
    else dataIndexes.push(r);
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, c) => dataIndexes.map((r) => grid[r]![c] ?? ''));
  const headers = header ? Array.from({ length: width }, (_, c) => header.headers[c] ?? '') : null;
  const { mapping, confidence } = detectMapping(headers, columns, currentYear);
  return { headerRow, headers, skippedRows, dataIndexes, width, mapping, confidence };
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

/** A Cyrillic name as a clerk writes it: typed in capitals (СМИРНОВ) or in lower case, it is title-cased. */
function russianName(text: string): string {
  const clean = cleanName(text, 'cyrillic');
  if (!hasCyrillic(clean)) return clean;
  return clean === clean.toUpperCase() || clean === clean.toLowerCase() ? titleCase(clean) : clean;
}

/** The lines of a cell by script: a Word cell of a Cyrillic and a Latin paragraph holds one person twice. */
function linesByScript(cell: string): { ru: string; lat: string } {
  if (!cell.includes('\n')) return hasCyrillic(cell) ? { ru: cell, lat: '' } : { ru: '', lat: cell };
  const ru: string[] = [];
  const lat: string[] = [];
  for (const line of cell.split('\n')) {
    const text = line.trim();
    if (text === '') continue;
    if (hasCyrillic(text)) ru.push(text);
    else lat.push(text);
  }
  return { ru: ru.join(' '), lat: lat.join(' ') };
}

function put<F extends DraftField>(
  draft: TouristDraft,
  origin: Partial<Record<DraftField, number>>,
  field: F,
  value: TouristDraft[F],
  c: number,
): void {
  draft[field] = value;
  origin[field] = c;
}

function putAll(
  draft: TouristDraft,
  origin: Partial<Record<DraftField, number>>,
  from: TouristDraft,
  c: number,
): void {
  for (const key of Object.keys(from) as DraftField[]) {
    (draft as Record<string, unknown>)[key] = from[key];
    origin[key] = c;
  }
}

/** What one source row gives: its person (and any further person in a GDS element), info and origins. */
export interface RowDraft {
  draft: TouristDraft;
  issues: ImportIssue[];
  info: Partial<Record<InfoField, string>>;
  origin: Partial<Record<DraftField, number>>;
  /** Further people read from the same row: an infant inside an adult's element, NM2 passengers. */
  others: { draft: TouristDraft; origin: Partial<Record<DraftField, number>> }[];
}

function nameDraft(p: ParsedName, latin: boolean): TouristDraft {
  const d: TouristDraft = {};
  if (latin) {
    d.lastNameLat = cleanName(p.lastName, 'latin');
    if (p.firstName) d.firstNameLat = cleanName(p.firstName, 'latin');
  } else {
    d.lastNameRu = russianName(p.lastName);
    if (p.firstName) d.firstNameRu = russianName(p.firstName);
    if (p.middleName) d.middleNameRu = russianName(p.middleName);
  }
  if (p.gender) d.gender = p.gender;
  if (p.paxType) d.paxType = p.paxType;
  if (p.birthDate) d.birthDate = p.birthDate;
  return d;
}

/** One source row through the mapping: every cell normalised into the draft, problems listed by field. */
export function draftFromRow(
  row: readonly string[],
  mapping: readonly (TargetField | null)[],
  currentYear: number,
  today: string,
): RowDraft {
  const draft: TouristDraft = {};
  const issues: ImportIssue[] = [];
  const info: Partial<Record<InfoField, string>> = {};
  const origin: Partial<Record<DraftField, number>> = {};
  const others: RowDraft['others'] = [];
  let series = '';
  let genderText = '';
  const pending: { passportExpiry?: string; passportIssueDate?: string } = {};
  let pendingColumn = -1;
  const set = <F extends DraftField>(field: F, value: TouristDraft[F], c: number) =>
    put(draft, origin, field, value, c);
  for (let c = 0; c < mapping.length; c++) {
    const field = mapping[c];
    const cell = (row[c] ?? '').trim();
    if (!field || cell === '') continue;
    if (INFO.has(field)) {
      info[field as InfoField] = cell.replace(/\s+/g, ' ');
      continue;
    }
    switch (field) {
      case 'fullNameRu':
      case 'fullNameLat': {
        if (cell.includes('/')) {
          // GDS elements: the first person is this row's, an infant or a further passenger rows of their own.
          const people = parsePassengerName(cell, { currentYear });
          people.forEach((p, i) => {
            const latin = !hasCyrillic(p.lastName);
            const d = nameDraft(p, latin);
            if (i === 0) {
              const { gender, paxType, birthDate, ...names } = d;
              putAll(draft, origin, names, c);
              if (gender && !draft.gender) set('gender', gender, c);
              if (paxType) set('paxType', paxType, c);
              if (birthDate && !draft.birthDate) set('birthDate', birthDate, c);
              if (p.title) genderText ||= p.title;
            } else if (others.length < PARTS - 1) {
              const own: Partial<Record<DraftField, number>> = {};
              for (const key of Object.keys(d) as DraftField[]) own[key] = c;
              others.push({ draft: d, origin: own });
            }
          });
          break;
        }
        const { ru, lat } = linesByScript(cell);
        for (const [text, latin] of [
          [ru, false],
          [lat, true],
        ] as const) {
          const p = text ? parsePassengerName(text, { currentYear })[0] : undefined;
          if (!p) continue;
          const { gender, paxType, birthDate, ...names } = nameDraft(p, latin);
          putAll(draft, origin, names, c);
          if (gender && !draft.gender) set('gender', gender, c);
          if (paxType) set('paxType', paxType, c);
          if (birthDate && !draft.birthDate) set('birthDate', birthDate, c);
          if (p.title) genderText ||= p.title;
        }
        break;
      }
      case 'lastNameRu':
      case 'firstNameRu':
      case 'middleNameRu':
      case 'lastNameLat':
      case 'firstNameLat': {
        const { ru, lat } = linesByScript(cell);
        // A first name may carry the title (MARIA MRS): it goes, and tells the sex.
        const first = field === 'firstNameLat' || field === 'firstNameRu';
        const bare = first ? lat.replace(TRAILING_TITLE, '') : lat;
        if (bare !== lat) genderText ||= lat.slice(bare.length).trim();
        if (ru && lat && field !== 'middleNameRu') {
          // Two paragraphs, Cyrillic and Latin: each to its own field.
          const base = field.replace(/(Ru|Lat)$/, '') as 'lastName' | 'firstName';
          set(`${base}Ru`, russianName(ru), c);
          set(`${base}Lat`, cleanName(bare, 'latin'), c);
        } else if (field === 'lastNameLat' || field === 'firstNameLat') {
          // Cyrillic here is refused by the commit's Latin-only rule, and shown as such.
          set(field, cleanName(ru || bare, 'latin'), c);
        } else {
          set(field, russianName(ru || bare), c);
          if (!ru) issues.push(issue(field, 'warning', 'scriptMismatch', { value: cell }));
        }
        break;
      }
      case 'gender': {
        genderText = cell;
        const g = normalizeGender(cell);
        if (g) set('gender', g, c);
        else issues.push(issue('gender', 'error', 'genderUnknown', { value: cell }));
        break;
      }
      case 'title': {
        const title = normalizeTitle(cell);
        if (!title) {
          issues.push(issue('gender', 'warning', 'genderUnknown', { value: cell }));
          break;
        }
        if (title.gender) {
          genderText ||= cell;
          if (!draft.gender) set('gender', title.gender, c);
        }
        if (title.paxType) set('paxType', title.paxType, c);
        break;
      }
      case 'birthDate':
      case 'passportExpiry':
      case 'passportIssueDate': {
        const iso = normalizeDate(cell, field === 'passportExpiry' ? 'future' : 'past', today);
        if (iso) set(field, iso, c);
        else issues.push(issue(field, 'error', 'dateInvalid', { value: cell }));
        break;
      }
      case 'birthPlace':
      case 'passportAuthority':
        set(field, cell.replace(/\s+/g, ' '), c);
        break;
      case 'passportSeries':
        series = normalizeDocumentNumber(cell);
        break;
      case 'passportNumber': {
        const parts = splitPassportCell(cell);
        if (isScientific(parts.number)) {
          issues.push(issue(field, 'error', 'scientificNumber', { value: cell }));
          break;
        }
        set('passportNumber', compactDocumentNumber(parts.number), c);
        // "75 3344551 до 20.08.2031": the date after the number fills the expiry (or issue date).
        for (const [key, text] of [
          ['passportExpiry', parts.expiry],
          ['passportIssueDate', parts.issued],
        ] as const) {
          if (text === undefined) continue;
          const iso = normalizeDate(text, key === 'passportExpiry' ? 'future' : 'past', today);
          if (iso) pending[key] = iso;
          else {
            issues.push(issue(key, 'error', 'dateInvalid', { value: text }));
            origin[key] ??= c;
          }
        }
        if (pending.passportExpiry || pending.passportIssueDate) origin.passportNumber = c;
        pendingColumn = c;
        break;
      }
      case 'internalPassport':
        if (isScientific(cell)) issues.push(issue(field, 'error', 'scientificNumber', { value: cell }));
        else set(field, normalizeDocumentNumber(cell), c);
        break;
      case 'citizenship': {
        const code = normalizeCitizenship(cell) ?? (/^[A-Z]{3}$/i.test(cell) ? cell.toUpperCase() : null);
        if (code) set('citizenship', code, c);
        else issues.push(issue('citizenship', 'warning', 'citizenshipUnknown', { value: cell }));
        break;
      }
      case 'paxType': {
        const type = normalizePaxType(cell);
        if (type) set('paxType', type, c);
        break;
      }
      case 'ticketNumber':
        set('ticketNumber', cell.replace(/\s+/g, ''), c);
        break;
      case 'phone':
        set('phone', cell.replace(/\s+/g, ' '), c);
        break;
      case 'email':
        set('email', cell, c);
        break;
    }
  }
  if (series !== '') draft.passportNumber = series + (draft.passportNumber ?? '');
  for (const key of ['passportExpiry', 'passportIssueDate'] as const) {
    if (pending[key] && !draft[key]) set(key, pending[key], pendingColumn);
  }
  if (
    draft.passportNumber &&
    !draft.citizenship &&
    !isRussianPassport('foreign_passport', draft.passportNumber)
  ) {
    // A passport of another country's shape without a citizenship column: the citizenship is left empty.
    const foreign = documentShape(draft.passportNumber) === 'passport';
    issues.push(
      issue(
        foreign ? 'citizenship' : 'passportNumber',
        'warning',
        foreign ? 'citizenshipMissing' : 'passportFormat',
        { value: draft.passportNumber },
      ),
    );
  }
  if (draft.passportExpiry && draft.passportExpiry < today)
    issues.push(issue('passportExpiry', 'warning', 'expiredPassport'));
  const fromName = detectGender({
    lastName: draft.lastNameRu || draft.lastNameLat,
    firstName: draft.firstNameRu || draft.firstNameLat,
    middleName: draft.middleNameRu,
  });
  if (!draft.gender && fromName && !genderText) draft.gender = fromName;
  else if (draft.gender && fromName && draft.gender !== fromName)
    issues.push(issue('gender', 'warning', 'genderConflict'));
  // Further people of the row share its citizenship (an infant travels on the parent's nationality).
  for (const other of others) {
    if (draft.citizenship && !other.draft.citizenship) {
      other.draft.citizenship = draft.citizenship;
      if (origin.citizenship !== undefined) other.origin.citizenship = origin.citizenship;
    }
  }
  return { draft, issues, info, origin, others };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A row's final draft (the clerk's assist fields over the cells') and its issues, commit rules last. */
function finish(
  row: Omit<PreviewRow, 'issues'>,
  parseIssues: ImportIssue[],
  override: TouristDraft | undefined,
  today: string,
): PreviewRow {
  let issues = parseIssues;
  if (override) {
    row.draft = { ...row.draft, ...override };
    const fixed = new Set(Object.keys(override));
    issues = issues.filter((i) => !fixed.has(i.field));
  }
  const rules = commitIssues(row.draft, today);
  (row as PreviewRow).issues = rules.length === 0 ? issues : [...issues, ...rules];
  return row as PreviewRow;
}

/**
 * From a paste or a read file to a preview: finds the header row (or none), skips title, heading,
 * blank, total and footer rows, maps each column by header and content, normalises every cell, and
 * checks every draft with the rules the commit enforces. A source row holding an infant inside the
 * adult's element gives two preview rows ("3" and "3a").
 */
export function buildImportPreview(
  input: { html?: string; text?: string; rows?: string[][] },
  options: PreviewOptions = {},
): ImportPreview {
  const today = options.today ?? clockToday();
  const currentYear = options.currentYear ?? Number(today.slice(0, 4));
  const grid = input.rows ?? readClipboardTable(input);
  const layout = analyzeTable(grid, { headerRow: options.headerRow, currentYear });
  const { width } = layout;
  const mapping = options.mapping
    ? Array.from({ length: width }, (_, c) => options.mapping![c] ?? null)
    : layout.mapping;
  const confidence = options.mapping ? mapping.map((m) => (m ? 1 : 0)) : layout.confidence;
  const overrides = options.overrides;
  const rows: PreviewRow[] = [];
  for (const r of layout.dataIndexes) {
    const source = Array.from({ length: width }, (_, c) => grid[r]![c] ?? '');
    const read = draftFromRow(source, mapping, currentYear, today);
    const label = String(r + 1);
    rows.push(
      finish(
        { sourceIndex: r, key: r, label, source, draft: read.draft, info: read.info, origin: read.origin },
        read.issues,
        overrides?.get(r),
        today,
      ),
    );
    read.others.forEach((other, i) => {
      const key = r + (i + 1) / PARTS;
      rows.push(
        finish(
          {
            sourceIndex: r,
            key,
            label: `${label}${LETTERS[i]}`,
            source,
            draft: other.draft,
            info: {},
            origin: other.origin,
          },
          [],
          overrides?.get(key),
          today,
        ),
      );
    });
  }
  return {
    headerRow: layout.headerRow,
    headers: layout.headers,
    skippedRows: layout.skippedRows,
    mapping,
    confidence,
    rows,
  };
}

/** The key a remembered mapping is stored under: the normalised header layout. */
export function headerLayoutKey(headers: string[]): string {
  return headers.map(normalizeHeader).join('|');
}
