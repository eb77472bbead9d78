import { z } from 'zod';
import { lazyCommands, type Commands, type CommandDefinitions } from './lazy-commands';
import { CONSENT_SCOPES, consentInputSchema, consentSchema, destructionActSchema } from '../domain/consent';
import { COMMAND_NAMES, type CommandNameList } from './command-names';
import type { loyaltyContract } from './loyalty-contract';
import { LOYALTY_COMMAND_NAMES } from './loyalty-command-names';
import { duplicatesContract } from './duplicates-contract';
import { visaContract } from './visa-contract';
import { cryptoContract } from './crypto-contract';
import { officeContract } from './office-contract';
import {
  CLIENT_SYNC_FIELDS,
  countrySchema,
  TOUR_SORT_COLUMNS,
  TOUR_STATUSES,
  tourInputSchema,
  tourRowSchema,
  tourSchema,
  touristFieldsSchema,
  touristSchema,
} from '../domain/tour';
import { multiline } from '../domain/safe-text';
import {
  dictionaryRowSchema,
  fieldInputSchema,
  formSchema,
  formSummarySchema,
  printJobSchema,
  questionnaireSchema,
  subjectSchema,
  answerSchema,
} from '../questionnaire/model';
import { dictionaryEntryInputSchema, fieldKeySchema, labelsSchema } from '../questionnaire/reference';
import { CLIENT_SORT_COLUMNS, clientInputSchema, clientRowSchema, clientSchema } from '../domain/client';
import { schemaOnce } from '../domain/schema-once';
import { idSchema as id, isoDateSchema as isoDateString } from '../domain/common-schemas';

const optionalDate = schemaOnce(() => isoDateString().nullable().default(null));

const touristDraftSchema = schemaOnce(() =>
  z.object({
    lastNameRu: z.string().max(100).optional(),
    firstNameRu: z.string().max(100).optional(),
    middleNameRu: z.string().max(100).optional(),
    lastNameLat: z.string().max(100).optional(),
    firstNameLat: z.string().max(100).optional(),
    gender: z.enum(['M', 'F']).optional(),
    birthDate: isoDateString().optional(),
    birthPlace: z.string().max(200).optional(),
    passportIssueDate: isoDateString().optional(),
    passportExpiry: isoDateString().optional(),
    passportNumber: z.string().max(30).optional(),
    passportAuthority: z.string().max(300).optional(),
    internalPassport: z.string().max(30).optional(),
    citizenship: z.string().max(3).optional(),
    ticketNumber: z.string().max(40).optional(),
    phone: z.string().max(100).optional(),
    email: z.string().max(200).optional(),
    paxType: z.enum(['ADT', 'CHD', 'INF']).optional(),
  }),
);
const importMatchSchema = schemaOnce(() =>
  z.object({
    clientId: id(),
    name: z.string(),
    birthDate: z.string().nullable(),
    passport: z.string(),
    reason: z.enum(['passport', 'birthDate']),
    newerPassport: z.boolean(),
    /** The client is a tourist of the import's tour already: the row is skipped (issue 13). */
    inTour: z.object({ number: z.number().int(), name: z.string() }).nullable().optional(),
  }),
);

const clientHistorySchema = schemaOnce(() =>
  z.object({
    tours: z.array(
      z.object({
        tourId: id(),
        voucher: z.string(),
        arrivalDate: z.string().nullable(),
        departureDate: z.string().nullable(),
        country: z.string(),
        resort: z.string(),
        hotel: z.string(),
        priceMinor: z.number(),
        currency: z.string(),
        status: z.string(),
      }),
    ),
    companions: z.array(z.object({ clientId: id().nullable(), name: z.string(), tours: z.number().int() })),
  }),
);

/**
 * Keyset paging of a list: `after` is the `next` cursor of the previous page (the page then starts by
 * an index seek, at any depth); `offset` still jumps. `count: false` skips the total, which the
 * list asks for once per change of query.
 */
const keysetInput = () => ({
  after: z.string().max(1000).nullable().default(null),
  count: z.boolean().default(true),
});

/** A page of a reference book: by cursor, or from an offset for a jump. */
const bookPageInput = schemaOnce(() =>
  z.object({
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).default(0),
    ...keysetInput(),
  }),
);

/** A page of a keyset-paged list; the total is null when not asked for, and an estimate when not exact. */
function keysetPage<T extends z.ZodType>(row: T) {
  return z.object({
    total: z.number().int().nullable(),
    totalExact: z.boolean(),
    next: z.string().nullable(),
    rows: z.array(row),
  });
}

export const clientListQuerySchema = schemaOnce(() =>
  z.object({
    search: z.string().max(200).default(''),
    citizenship: z.string().max(3).default(''),
    passportExpiresWithinMonths: z.number().int().min(0).max(120).nullable().default(null),
    birthdayMonth: z.number().int().min(1).max(12).nullable().default(null),
    /** Clients who have this consent in force today, or (`none`) no consent to processing at all. */
    consent: z
      .enum([...CONSENT_SCOPES, 'none'])
      .nullable()
      .default(null),
    sort: z.enum(CLIENT_SORT_COLUMNS).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
    ...keysetInput(),
  }),
);
export type ClientListQuery = z.input<ReturnType<typeof clientListQuerySchema>>;

/** One undoable change as the undo journal lists it; `summary` holds what the UI words (counts, names). */
export const undoEntrySchema = schemaOnce(() =>
  z.object({
    id: id(),
    at: z.string(),
    clerk: z.string(),
    kind: z.enum([
      'clients.delete',
      'import',
      'dictionary.delete',
      'tourists.delete',
      'tourists.bindServices',
      'tours.delete',
      'clients.merge',
    ]),
    summary: z.record(z.string(), z.union([z.string(), z.number()])),
    undoneAt: z.string().nullable(),
  }),
);

export const SETTING_KEYS = [
  'ui.language',
  'clients.columns',
  'layout.widths.clients',
  'layout.widths.tourists',
  'layout.widths.tours',
  'layout.widths.import',
  'import.mappings',
  'backup.folder',
  'backup.keepDays',
  'privacy.purgeDeletedAfterDays',
] as const;

/** One verified copy of the base, as the Backups screen lists it. */
export const backupEntrySchema = schemaOnce(() =>
  z.object({
    name: z.string(),
    folder: z.string(),
    createdAt: z.string(),
    reason: z.enum(['start', 'auto', 'import', 'manual', 'before-restore']),
    sizeBytes: z.number().int(),
    schemaVersion: z.number().int(),
    counts: z.object({
      clients: z.number().int(),
      tours: z.number().int(),
      tourists: z.number().int(),
      dictionary: z.number().int(),
    }),
    verified: z.boolean(),
  }),
);

/**
 * The API contract: one entry per command, with zod schemas for input and output. The backend
 * implements it once; the in-process, Electron IPC and HTTP transports all carry exactly these.
 */
const coreCommands = {
  'app.info': () => ({
    input: z.object({}),
    output: z.object({
      version: z.string(),
      dbPath: z.string(),
      schemaVersion: z.number().int(),
      /** The base was opened read-only: every write answers READ_ONLY, and the UI says why. */
      readOnly: z.boolean(),
      readOnlyReason: z.enum(['damaged', 'fileReadOnly']).nullable(),
      /** The base's quick_check still runs in the background: readOnlyReason may yet become 'damaged'. */
      checking: z.boolean().optional(),
    }),
  }),
  'settings.get': () => ({
    input: z.object({ key: z.enum(SETTING_KEYS) }),
    output: z.object({ value: z.unknown().nullable() }),
  }),
  'settings.set': () => ({
    input: z.object({ key: z.enum(SETTING_KEYS), value: z.unknown() }),
    output: z.object({}),
  }),
  'clients.list': () => ({
    input: clientListQuerySchema(),
    output: keysetPage(clientRowSchema()),
  }),
  'clients.get': () => ({
    input: z.object({ id: id() }),
    output: clientSchema(),
  }),
  'clients.save': () => ({
    input: clientInputSchema(),
    output: clientSchema(),
  }),
  'clients.delete': () => ({
    input: z.object({ id: id(), version: id() }),
    output: z.object({ id: id(), undoId: id() }),
  }),
  'clients.citizenships': () => ({
    input: z.object({}),
    output: z.array(z.object({ code: z.string(), count: z.number().int() })),
  }),
  'clients.lookup': () => ({
    input: z.object({
      lastName: z.string().max(100),
      firstName: z.string().max(100).default(''),
      passportNumber: z.string().max(30).default(''),
      internalPassport: z.string().max(30).default(''),
      birthDate: optionalDate(),
      cardLast4: z.string().max(4).default(''),
      limit: z.number().int().min(1).max(200).default(50),
      /** The `next` of the previous page of candidates (keyset by name, then id()). */
      after: z.string().max(1000).nullable().default(null),
    }),
    output: z.object({
      total: z.number().int(),
      candidates: z.array(clientSchema()),
      next: z.string().nullable(),
    }),
  }),
  'clients.history': () => ({
    input: z.object({ id: id() }),
    output: clientHistorySchema(),
  }),
  'countries.list': () => ({
    input: z.object({}),
    output: z.array(countrySchema()),
  }),
  /** The countries book a page at a time (keyset on the Russian name and code); `list` reads it whole. */
  'countries.page': () => ({
    input: bookPageInput(),
    output: keysetPage(countrySchema()),
  }),
  'countries.save': () => ({
    input: countrySchema(),
    output: countrySchema(),
  }),
  'countries.exportBook': () => ({
    input: z.object({ format: z.enum(['xlsx', 'json']) }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'countries.importBook': () => ({
    input: z.object({ fileName: z.string().max(300), base64: z.string().max(28_000_000) }),
    output: z.object({ saved: z.number().int() }),
  }),
  'forms.list': () => ({
    input: z.object({}),
    output: z.array(formSummarySchema()),
  }),
  /** The questionnaire forms a page at a time (keyset on the key); `list` reads them all. */
  'forms.page': () => ({
    input: bookPageInput(),
    output: keysetPage(formSummarySchema()),
  }),
  'forms.get': () => ({
    input: z.object({ id: id() }),
    output: formSchema(),
  }),
  'forms.save': () => ({
    input: z.object({ id: id().optional(), key: fieldKeySchema(), name: labelsSchema() }),
    output: formSummarySchema(),
  }),
  'forms.delete': () => ({
    input: z.object({ id: id() }),
    output: z.object({ id: id() }),
  }),
  'forms.saveField': () => ({
    input: z.object({ formId: id(), field: fieldInputSchema() }),
    output: formSchema(),
  }),
  'forms.deleteField': () => ({
    input: z.object({ id: id() }),
    output: formSchema(),
  }),
  'forms.exportBook': () => ({
    input: z.object({ id: id(), format: z.enum(['xlsx', 'json']) }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'forms.importBook': () => ({
    input: z.object({ fileName: z.string().max(300), base64: z.string().max(28_000_000) }),
    output: z.object({ forms: z.number().int(), fields: z.number().int() }),
  }),
  'dictionary.list': () => ({
    input: z.object({
      search: z.string().max(300).default(''),
      limit: z.number().int().min(1).max(5000).default(200),
      offset: z.number().int().min(0).default(0),
      ...keysetInput(),
    }),
    output: keysetPage(dictionaryRowSchema()),
  }),
  'dictionary.save': () => ({
    input: dictionaryEntryInputSchema().extend({ id: id().optional(), version: id().optional() }),
    output: dictionaryRowSchema(),
  }),
  'dictionary.delete': () => ({
    input: z.object({ id: id() }),
    output: dictionaryRowSchema().extend({ undoId: id() }),
  }),
  'dictionary.exportBook': () => ({
    input: z.object({ format: z.enum(['xlsx', 'json']) }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'dictionary.importBook': () => ({
    input: z.object({ fileName: z.string().max(300), base64: z.string().max(28_000_000) }),
    output: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  }),
  'questionnaire.open': () => ({
    input: z.object({ subject: subjectSchema(), country: z.string().regex(/^[A-Z]{3}$/) }),
    output: questionnaireSchema(),
  }),
  'questionnaire.save': () => ({
    input: z.object({
      subject: subjectSchema(),
      country: z.string().regex(/^[A-Z]{3}$/),
      fieldKey: z.string().max(60),
      source: multiline(z.string().max(2000)),
      value: multiline(z.string().max(2000)).optional(),
      /** Keep the value's untranslated Russian words as they are (issue 12 item 7). */
      accept: z.boolean().optional(),
    }),
    output: z.object({ answer: answerSchema(), unknownWords: z.array(z.string()) }),
  }),
  'questionnaire.copy': () => ({
    input: z.object({
      from: z.object({ subject: subjectSchema(), country: z.string().regex(/^[A-Z]{3}$/) }),
      to: z
        .array(z.object({ subject: subjectSchema(), country: z.string().regex(/^[A-Z]{3}$/) }))
        .min(1)
        .max(500),
    }),
    output: z.object({ copied: z.number().int() }),
  }),
  'questionnaire.print': () => ({
    input: z.object({
      subjects: z.array(subjectSchema()).min(1).max(500),
      country: z.string().regex(/^[A-Z]{3}$/),
    }),
    output: printJobSchema(),
  }),
  'tours.list': () => ({
    input: z.object({
      voucher: z.string().max(40).default(''),
      touristName: z.string().max(100).default(''),
      createdFrom: optionalDate(),
      createdTo: optionalDate(),
      arrivalFrom: optionalDate(),
      arrivalTo: optionalDate(),
      country: z.string().max(3).default(''),
      status: z.enum(TOUR_STATUSES).nullable().default(null),
      sort: z.enum(TOUR_SORT_COLUMNS).default('createdAt'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      limit: z.number().int().min(1).max(1000).default(500),
      /** The `next` of the previous page: the page starts right after that tour (keyset). */
      after: z.string().max(1000).nullable().default(null),
      /** Without `after`: the page starts this many tours in (a page whose old cursor a change made stale). */
      offset: z.number().int().min(0).max(100_000_000).default(0),
    }),
    output: z.object({
      total: z.number().int(),
      next: z.string().nullable(),
      rows: z.array(tourRowSchema()),
    }),
  }),
  'tours.delete': () => ({
    input: z.object({ id: id(), version: id() }),
    output: z.object({ id: id(), undoId: id() }),
  }),
  'tours.copy': () => ({
    input: z.object({
      id: id(),
      voucher: z.string().max(40),
      shiftDays: z.number().int().min(-3660).max(3660),
      withTourists: z.boolean(),
    }),
    output: tourSchema(),
  }),
  'tours.get': () => ({
    input: z.object({ id: id() }),
    output: tourSchema(),
  }),
  'tours.save': () => ({
    input: tourInputSchema(),
    output: tourSchema(),
  }),
  'tours.exportTourists': () => ({
    input: z.object({ id: id() }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'tourists.save': () => ({
    input: z.object({
      tourId: id(),
      tourist: touristFieldsSchema().extend({
        id: id().optional(),
        version: id().optional(),
        clientId: id().nullable(),
        serviceIds: z.array(id()).max(100),
      }),
      addToClients: z.boolean().default(false),
      updateClient: z
        .object({ clientVersion: id(), fields: z.array(z.enum(CLIENT_SYNC_FIELDS)) })
        .nullable()
        .default(null),
    }),
    output: z.object({ tourist: touristSchema(), client: clientSchema().nullable() }),
  }),
  'tourists.delete': () => ({
    input: z.object({ id: id() }),
    output: z.object({ id: id(), undoId: id() }),
  }),
  'import.readFile': () => ({
    input: z.object({
      fileName: z.string().max(300),
      base64: z.string().max(28_000_000),
      sheet: z.string().max(100).optional(),
    }),
    output: z.object({ sheets: z.array(z.string()), sheet: z.string(), rows: z.array(z.array(z.string())) }),
  }),
  'import.readProgress': () => ({
    input: z.object({}),
    output: z.object({ percent: z.number().min(0).max(100).nullable() }),
  }),
  'import.match': () => ({
    input: z.object({
      drafts: z.array(touristDraftSchema()).max(20_000),
      tourId: id().nullable().default(null),
    }),
    output: z.array(z.array(importMatchSchema())),
  }),
  'import.commit': () => ({
    input: z.object({
      /**
       * Made by the renderer per Load click and sent again on a retry: a second commit with the same
       * key answers the first one's result and writes nothing.
       */
      idempotencyKey: z.string().min(1).max(100).optional(),
      tourId: id().nullable(),
      serviceIds: z.array(id()).max(100).default([]),
      rows: z
        .array(
          z.object({
            draft: touristDraftSchema(),
            action: z.enum(['link', 'create', 'touristOnly']),
            clientId: id().nullable(),
            /** The row number the import grid shows, for naming a refused row. */
            sourceRow: z.number().int().positive().optional(),
          }),
        )
        .max(20_000),
    }),
    output: z.object({
      batchId: id(),
      touristsAdded: z.number().int(),
      clientsCreated: z.number().int(),
      passportsAdded: z.number().int(),
      /** Rows whose client is a tourist of the tour already: flagged and not written (issue 13). */
      skipped: z
        .array(
          z.object({
            row: z.number().int(),
            name: z.string(),
            number: z.number().int(),
            earlierRow: z.number().int().nullable(),
          }),
        )
        .default([]),
    }),
  }),
  'import.undo': () => ({
    input: z.object({ batchId: id() }),
    output: z.object({
      touristsRemoved: z.number().int(),
      clientsRemoved: z.number().int(),
      passportsRemoved: z.number().int(),
    }),
  }),
  'tourists.bindServices': () => ({
    input: z.object({
      tourId: id(),
      touristIds: z.array(id()).max(1000),
      serviceIds: z.array(id()).max(100),
      bind: z.boolean(),
    }),
    output: z.object({ tour: tourSchema(), undoId: id() }),
  }),
  'undo.list': () => ({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(undoEntrySchema()),
  }),
  'undo.apply': () => ({
    input: z.object({ id: id() }),
    output: undoEntrySchema(),
  }),
  'consents.list': () => ({
    input: z.object({ clientId: id() }),
    output: z.array(consentSchema()),
  }),
  'consents.save': () => ({
    input: consentInputSchema(),
    output: consentSchema(),
  }),
  'clients.exportPersonalData': () => ({
    input: z.object({ id: id() }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'clients.forget': () => ({
    input: z.object({ id: id() }),
    output: destructionActSchema(),
  }),
  'backup.list': () => ({
    input: z.object({}),
    output: z.array(backupEntrySchema()),
  }),
  'backup.create': () => ({
    input: z.object({}),
    output: backupEntrySchema(),
  }),
  'backup.restore': () => ({
    input: z.object({ name: z.string().max(200) }),
    /** A read-only (damaged) base is replaced at the next start: `restartNeeded`, no safety copy. */
    output: z.object({
      restored: backupEntrySchema(),
      safety: backupEntrySchema().nullable(),
      restartNeeded: z.boolean(),
    }),
  }),
  ...duplicatesContract,
  ...visaContract,
  ...cryptoContract,
  ...officeContract,
} satisfies CommandDefinitions;

const lazy = lazyCommands<Commands<typeof coreCommands & typeof loyaltyContract>>(coreCommands, [
  // The loyalty models' schemas and repositories are most of what a start would build for commands
  // it does not run (the Loyalty screen and the worklist load them on their first command).
  {
    names: LOYALTY_COMMAND_NAMES,
    load: () => import('./loyalty-contract').then((module) => module.loyaltyContract),
  },
]);

/** The API contract (see above); a grouped command's schemas are there once `prepareCommand` resolved. */
export const contract = lazy.commands;

/** Loads the definitions of a command's group if they are not loaded yet; undefined when nothing to wait for. */
export const prepareCommand = lazy.prepare;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: SameKeys<CommandName, CommandNameList> = true;
void namesMatchContract;
export { COMMAND_NAMES };

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Loads every group: for code that walks the whole contract (its tests). */
export async function prepareAllCommands(): Promise<void> {
  await Promise.all(COMMAND_NAMES.map((name) => prepareCommand(name)));
}
