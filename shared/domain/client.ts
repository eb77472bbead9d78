import { z } from 'zod';
import { multiline } from './safe-text';
import { schemaOnce } from './schema-once';
import { isoDateSchema as isoDate } from './common-schemas';

export const DOCUMENT_KINDS = [
  'foreign_passport',
  'internal_passport',
  'birth_certificate',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const GENDERS = ['M', 'F'] as const;

const text = (max: number) => z.string().max(max);
const optionalIsoDate = schemaOnce(() => isoDate().nullable());

export const documentInputSchema = schemaOnce(() =>
  z.object({
    id: z.number().int().positive().optional(),
    kind: z.enum(DOCUMENT_KINDS),
    issuingCountry: text(3),
    series: text(20),
    number: text(30),
    issueDate: optionalIsoDate(),
    expiryDate: optionalIsoDate(),
    issuedBy: text(300),
    lastNameLat: text(100),
    firstNameLat: text(100),
    archived: z.boolean(),
  }),
);
export type DocumentInput = z.infer<ReturnType<typeof documentInputSchema>>;

export const documentSchema = schemaOnce(() =>
  documentInputSchema().extend({ id: z.number().int().positive() }),
);
export type ClientDocument = z.infer<ReturnType<typeof documentSchema>>;

export const clientFieldsSchema = schemaOnce(() =>
  z.object({
    lastNameRu: text(100),
    firstNameRu: text(100),
    middleNameRu: text(100),
    lastNameLat: text(100),
    firstNameLat: text(100),
    gender: z.enum(GENDERS).nullable(),
    birthDate: optionalIsoDate(),
    birthPlace: text(200),
    citizenship: text(3),
    phone: text(100),
    email: text(200),
    address: text(500),
    notes: multiline(text(5000)),
    preferences: multiline(text(5000)),
    /** Last digits of the client's bank card, to tell namesakes apart (never the whole number). */
    cardLast4: z.string().max(4).default(''),
  }),
);
export type ClientFields = z.infer<ReturnType<typeof clientFieldsSchema>>;

/** The card's own values, one by one: what the audit compares and what a merge lets the clerk choose. */
export const CLIENT_CARD_FIELDS = [
  'lastNameRu',
  'firstNameRu',
  'middleNameRu',
  'lastNameLat',
  'firstNameLat',
  'gender',
  'birthDate',
  'birthPlace',
  'citizenship',
  'phone',
  'email',
  'address',
  'notes',
  'preferences',
  'cardLast4',
] as const satisfies readonly (keyof ClientFields)[];

export const clientInputSchema = schemaOnce(() =>
  clientFieldsSchema().extend({
    id: z.number().int().positive().optional(),
    /** The version the clerk started editing from; required when id is given. */
    version: z.number().int().positive().optional(),
    documents: z.array(documentInputSchema()).max(50),
  }),
);
export type ClientInput = z.infer<ReturnType<typeof clientInputSchema>>;

export const clientSchema = schemaOnce(() =>
  clientFieldsSchema().extend({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    createdAt: z.string(),
    updatedAt: z.string(),
    documents: z.array(documentSchema()),
  }),
);
export type Client = z.infer<ReturnType<typeof clientSchema>>;

/** One row of the regular-clients table: what the list shows, nothing more. */
export const clientRowSchema = schemaOnce(() =>
  z.object({
    id: z.number().int().positive(),
    lastNameRu: z.string(),
    firstNameRu: z.string(),
    middleNameRu: z.string(),
    lastNameLat: z.string(),
    firstNameLat: z.string(),
    gender: z.enum(GENDERS).nullable(),
    birthDate: z.string().nullable(),
    citizenship: z.string(),
    phone: z.string(),
    email: z.string(),
    passportNumber: z.string(),
    passportExpiry: z.string().nullable(),
    updatedAt: z.string(),
  }),
);
export type ClientRow = z.infer<ReturnType<typeof clientRowSchema>>;

export const CLIENT_SORT_COLUMNS = [
  'name',
  'nameLat',
  'birthDate',
  'citizenship',
  'passportExpiry',
  'updatedAt',
] as const;
export type ClientSortColumn = (typeof CLIENT_SORT_COLUMNS)[number];

export function emptyClientInput(): ClientInput {
  return {
    lastNameRu: '',
    firstNameRu: '',
    middleNameRu: '',
    lastNameLat: '',
    firstNameLat: '',
    gender: null,
    birthDate: null,
    birthPlace: '',
    citizenship: 'RUS',
    phone: '',
    email: '',
    address: '',
    notes: '',
    preferences: '',
    cardLast4: '',
    documents: [],
  };
}

export function emptyDocument(
  kind: DocumentKind = 'foreign_passport',
  issuingCountry = 'RUS',
): DocumentInput {
  return {
    kind,
    issuingCountry,
    series: '',
    number: '',
    issueDate: null,
    expiryDate: null,
    issuedBy: '',
    lastNameLat: '',
    firstNameLat: '',
    archived: false,
  };
}

/** A Russian internal passport of which only the series and number are known. */
export function internalPassportDocument(series: string, number: string): DocumentInput {
  return { ...emptyDocument('internal_passport', 'RUS'), series, number };
}
