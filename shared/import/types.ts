export const DRAFT_FIELDS = [
  'lastNameRu',
  'firstNameRu',
  'middleNameRu',
  'lastNameLat',
  'firstNameLat',
  'gender',
  'birthDate',
  'birthPlace',
  'passportIssueDate',
  'passportExpiry',
  'passportNumber',
  'passportAuthority',
  'internalPassport',
  'citizenship',
  'ticketNumber',
  'phone',
  'email',
  'paxType',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** One tourist as the import understands a source row; every field optional, all normalised. */
export interface TouristDraft {
  lastNameRu?: string;
  firstNameRu?: string;
  middleNameRu?: string;
  lastNameLat?: string;
  firstNameLat?: string;
  gender?: 'M' | 'F';
  /** yyyy-mm-dd */
  birthDate?: string;
  /** As printed (MOSCOW, USSR); a regular client keeps it, a tourist has no place for it. */
  birthPlace?: string;
  /** yyyy-mm-dd */
  passportIssueDate?: string;
  /** yyyy-mm-dd */
  passportExpiry?: string;
  /** Foreign passport, digits as printed (series and number joined), no spaces. */
  passportNumber?: string;
  /** Who issued the foreign passport (МВД 77001); kept on the regular client's passport. */
  passportAuthority?: string;
  internalPassport?: string;
  /** ISO 3166-1 alpha-3 */
  citizenship?: string;
  ticketNumber?: string;
  phone?: string;
  email?: string;
  paxType?: 'ADT' | 'CHD' | 'INF';
}

/**
 * Columns that are read and shown in the preview but have no place in a tourist or a client (a
 * rooming list's room type, a manifest's seat and document type): never loaded, never dropped unseen.
 */
export const INFO_FIELDS = ['roomType', 'seat', 'documentType'] as const;
export type InfoField = (typeof INFO_FIELDS)[number];

/**
 * Where a source column can go: every draft field, forms the import splits or joins (a full name,
 * a passport series, a title such as MRS or CHD that gives sex or passenger type), and the
 * information-only columns.
 */
export const TARGET_FIELDS = [
  ...DRAFT_FIELDS,
  'fullNameRu',
  'fullNameLat',
  'passportSeries',
  'title',
  ...INFO_FIELDS,
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Draft fields a tourist has no place for: they reach the regular client's card only. */
export const CLIENT_ONLY_FIELDS: readonly DraftField[] = ['birthPlace', 'passportAuthority'];

export interface ImportIssue {
  field: DraftField;
  severity: 'error' | 'warning';
  /** An i18n key under import.issues, and its parameters: the UI words it in the user's language. */
  code: ImportIssueCode;
  params?: Record<string, string | number>;
}

export type ImportIssueCode =
  | 'dateInvalid'
  | 'dateInFuture'
  | 'genderUnknown'
  | 'genderConflict'
  | 'passportFormat'
  | 'internalPassportFormat'
  | 'citizenshipUnknown'
  | 'citizenshipMissing'
  | 'surnameMissing'
  | 'emailInvalid'
  | 'expiredPassport'
  | 'expiryBeforeIssue'
  | 'scientificNumber'
  | 'nameHasDigits'
  | 'latinOnly'
  | 'countryCode'
  | 'documentNumberRequired'
  | 'scriptMismatch'
  | 'invalid';

export interface PreviewRow {
  /** Index of the row in the source grid (an infant inside an adult's element shares it). */
  sourceIndex: number;
  /**
   * The row's identity on the screen: the source index, or for a further person read from the same
   * source row (an infant in `IVANOVA/MARIA MRS(INF/ANNA/12JAN25)`) the source index + part/16.
   */
  key: number;
  /** The number the grid shows: the source row's, with a letter for a further person ("3a"). */
  label: string;
  source: string[];
  draft: TouristDraft;
  /** Information-only values (room type, seat, document type): shown, not stored. */
  info: Partial<Record<InfoField, string>>;
  /** The source column each draft field was read from, to mark the right cell. */
  origin: Partial<Record<DraftField, number>>;
  issues: ImportIssue[];
}

export interface ImportPreview {
  headerRow: number | null;
  /** The header text of each column (two header rows joined where the list has them). */
  headers: string[] | null;
  skippedRows: number[];
  mapping: (TargetField | null)[];
  /** How sure the automatic mapping is for each column (0..1); 1 for a mapping the user set. */
  confidence: number[];
  rows: PreviewRow[];
}
