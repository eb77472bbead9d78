import type { Generated } from 'kysely';

/** Kysely's view of the tables; kept in step with migrations.ts. */
export interface ClientsTable {
  id: Generated<number>;
  last_name_ru: string;
  first_name_ru: string;
  middle_name_ru: string;
  last_name_lat: string;
  first_name_lat: string;
  gender: 'M' | 'F' | null;
  birth_date: string | null;
  birth_place: string;
  citizenship: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
  preferences: string;
  card_last4: string;
  /** Display sort key: the Cyrillic surname and names, or the Latin ones when there is no Cyrillic. */
  sort_name: string;
  sort_name_lat: string;
  /** Number and expiry of the current (non-archived, latest-expiring) foreign passport, for the list. */
  passport_number: string;
  passport_expiry: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ClientSearchKeysTable {
  key: string;
  sort_name: string;
  client_id: number;
  prev_lcp: number;
}

export interface DocumentsTable {
  id: Generated<number>;
  client_id: number;
  kind: 'foreign_passport' | 'internal_passport' | 'birth_certificate' | 'other';
  issuing_country: string;
  series: string;
  number: string;
  issue_date: string | null;
  expiry_date: string | null;
  issued_by: string;
  last_name_lat: string;
  first_name_lat: string;
  archived: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  entity: string;
  entity_id: number;
  action: string;
  changes: string;
  clerk: Generated<string>;
}

export interface CountriesTable {
  code: string;
  name_ru: string;
  name_en: string;
  passport_margin_months: number;
  name_fr: Generated<string>;
  questionnaire_language: Generated<'ru' | 'en' | 'fr'>;
  form_id: number | null;
  applies_online: Generated<number>;
}

export interface QuestionnaireFormsTable {
  id: Generated<number>;
  key: string;
  name_ru: string;
  name_en: string;
  name_fr: string;
  layout: Generated<'worksheet' | 'schengen_2019' | 'schengen_2023' | 'japan'>;
}

export interface QuestionnaireFieldsTable {
  id: Generated<number>;
  form_id: number;
  position: number;
  number: string;
  key: string;
  label_ru: string;
  label_en: string;
  label_fr: string;
  type: 'text' | 'date' | 'choice' | 'multichoice' | 'yesno';
  translation: 'none' | 'transliterate' | 'dictionary' | 'copy';
  binding: string | null;
  required: number;
  family_exempt: Generated<number>;
  wording: Generated<'checked' | 'unverified'>;
}

export interface QuestionnaireOptionsTable {
  id: Generated<number>;
  field_id: number;
  position: number;
  code: string;
  label_ru: string;
  label_en: string;
  label_fr: string;
  is_default: number;
}

export interface DictionaryEntriesTable {
  id: Generated<number>;
  ru: string;
  /** dictionaryKey(ru): what makes two entries the same word. */
  ru_key: string;
  en: string;
  fr: string;
  version: Generated<number>;
  updated_at: string;
}

export interface QuestionnaireAnswersTable {
  id: Generated<number>;
  tourist_id: number | null;
  client_id: number | null;
  country: string;
  field_key: string;
  /** What the clerk typed (Russian), or the option codes of a choice field. */
  source: string;
  /** The value in the form's language, as printed. */
  value: string;
  updated_at: string;
  /** 1 when the clerk accepted the value's untranslated Russian words as they are. */
  accepted: Generated<number>;
}

export interface ToursTable {
  id: Generated<number>;
  voucher: string;
  created_at: string;
  arrival_date: string | null;
  departure_date: string | null;
  country: string;
  resort: string;
  hotel: string;
  status: 'draft' | 'booked' | 'confirmed' | 'completed' | 'cancelled';
  price_minor: number;
  cost_minor: number;
  currency: 'RUB' | 'EUR' | 'USD';
  notes: string;
  version: number;
  updated_at: string;
}

export interface TourServicesTable {
  id: Generated<number>;
  tour_id: number;
  kind: 'accommodation' | 'flight' | 'transfer' | 'insurance' | 'visa' | 'excursion' | 'other';
  description: string;
  start_date: string | null;
  end_date: string | null;
  price_minor: number;
  position: number;
}

export interface TouristsTable {
  id: Generated<number>;
  tour_id: number;
  client_id: number | null;
  position: number;
  last_name_ru: string;
  first_name_ru: string;
  middle_name_ru: string;
  last_name_lat: string;
  first_name_lat: string;
  gender: 'M' | 'F' | null;
  birth_date: string | null;
  citizenship: string;
  passport_series: string;
  passport_number: string;
  passport_issue_date: string | null;
  passport_expiry: string | null;
  passport_last_name_lat: string;
  passport_first_name_lat: string;
  internal_series: string;
  internal_number: string;
  ticket_number: string;
  phone: string;
  email: string;
  name_key: string;
  name_key_lat: string;
  version: number;
}

export interface TouristServicesTable {
  tourist_id: number;
  service_id: number;
}

export interface UndoEntriesTable {
  id: Generated<number>;
  at: string;
  clerk: string;
  kind: string;
  /** JSON: what the entry did, in numbers and names the UI words (never a passport number). */
  summary: string;
  undone_at: string | null;
}

export interface UndoItemsTable {
  entry_id: number;
  seq: number;
  table_name: string;
  /** JSON: the column values that select the rows (a value or a list of values per column). */
  row_key: string;
  /** JSON arrays of whole rows before and right after the change. */
  before_rows: string;
  after_rows: string;
}

/** Import commits by the key the renderer sends, so a retried commit answers its first result. */
export interface ImportCommitsTable {
  key: string;
  entry_id: number;
  /** JSON: the commit's answer, as it was first given. */
  result: string;
  at: string;
}

export interface ClientConsentsTable {
  id: Generated<number>;
  client_id: number;
  scope: 'processing' | 'marketing' | 'transfer';
  given_on: string;
  withdrawn_on: string | null;
  document: string;
  clerk: string;
  recorded_at: string;
}

/** Issue 13: a pair the clerk said are different people (client_a < client_b). */
export interface DuplicateDismissalsTable {
  client_a: number;
  client_b: number;
  at: string;
  clerk: string;
}

/** Issue 13: family and travel-group links; for 'parent', client_id is the parent of other_id. */
export interface ClientLinksTable {
  id: Generated<number>;
  client_id: number;
  other_id: number;
  kind: 'spouse' | 'parent' | 'sibling' | 'group';
  created_at: string;
}

/** A consulate's own fillable PDF or Word form, and the clerk's mapping of its fields. */
export interface ConsulateTemplatesTable {
  id: Generated<number>;
  country: string;
  kind: 'pdf' | 'docx';
  name: string;
  content: Uint8Array;
  /** JSON: the template's fields as listed when it was added. */
  fields: string;
  /** JSON: template field name to questionnaire field key. */
  mapping: string;
  flatten: number;
  version: Generated<number>;
  created_at: string;
}

export interface Database {
  consulate_templates: ConsulateTemplatesTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  client_links: ClientLinksTable;
  client_consents: ClientConsentsTable;
  questionnaire_forms: QuestionnaireFormsTable;
  questionnaire_fields: QuestionnaireFieldsTable;
  questionnaire_options: QuestionnaireOptionsTable;
  dictionary_entries: DictionaryEntriesTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  undo_entries: UndoEntriesTable;
  undo_items: UndoItemsTable;
  import_commits: ImportCommitsTable;
  countries: CountriesTable;
  tours: ToursTable;
  tour_services: TourServicesTable;
  tourists: TouristsTable;
  tourist_services: TouristServicesTable;
  clients: ClientsTable;
  client_search_keys: ClientSearchKeysTable;
  documents: DocumentsTable;
  settings: SettingsTable;
  audit: AuditTable;
}
