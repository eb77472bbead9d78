export const DRAFT_FIELDS = [
  'lastNameRu',
  'firstNameRu',
  'middleNameRu',
  'lastNameLat',
  'firstNameLat',
  'gender',
  'birthDate',
  'passportExpiry',
  'passportNumber',
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
  /** yyyy-mm-dd */
  passportExpiry?: string;
  /** Foreign passport, digits as printed (series and number joined), no spaces. */
  passportNumber?: string;
  internalPassport?: string;
  /** ISO 3166-1 alpha-3 */
  citizenship?: string;
  ticketNumber?: string;
  phone?: string;
  email?: string;
  paxType?: 'ADT' | 'CHD' | 'INF';
}

/** Where a source column can go: every draft field, plus forms the import splits or joins. */
export const TARGET_FIELDS = [...DRAFT_FIELDS, 'fullNameRu', 'fullNameLat', 'passportSeries'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export interface ImportIssue {
  field: DraftField;
  severity: 'error' | 'warning';
  /** An i18n key under import.issues, and its parameters: the UI words it in the user's language. */
  code: ImportIssueCode;
  params?: Record<string, string | number>;
}

export type ImportIssueCode =
  | 'dateInvalid'
  | 'genderUnknown'
  | 'genderConflict'
  | 'passportFormat'
  | 'internalPassportFormat'
  | 'citizenshipUnknown'
  | 'surnameMissing'
  | 'emailInvalid'
  | 'expiredPassport'
  | 'scientificNumber';

export interface PreviewRow {
  /** Index of the row in the source grid. */
  sourceIndex: number;
  source: string[];
  draft: TouristDraft;
  issues: ImportIssue[];
}

export interface ImportPreview {
  headerRow: number | null;
  skippedRows: number[];
  mapping: (TargetField | null)[];
  /** How sure the automatic mapping is for each column (0..1); 1 for a mapping the user set. */
  confidence: number[];
  rows: PreviewRow[];
}
