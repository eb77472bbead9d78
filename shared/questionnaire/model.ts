import { z } from 'zod';
import {
  FIELD_BINDINGS,
  FIELD_TYPES,
  FORM_LAYOUTS,
  WORDING_STATES,
  QUESTIONNAIRE_LANGUAGES,
  TRANSLATION_MODES,
  fieldKeySchema,
  labelsSchema,
  optionSchema,
} from './reference';
import { schemaOnce } from '../domain/schema-once';
import { idSchema as id } from '../domain/common-schemas';

/** What the backend sends and receives for questionnaires (the contract's schemas). */

export const formFieldSchema = schemaOnce(() =>
  z.object({
    id: id(),
    position: z.number().int(),
    number: z.string(),
    key: fieldKeySchema(),
    label: labelsSchema(),
    type: z.enum(FIELD_TYPES),
    translation: z.enum(TRANSLATION_MODES),
    binding: z.enum(FIELD_BINDINGS).nullable(),
    required: z.boolean(),
    familyExempt: z.boolean().default(false),
    wording: z.enum(WORDING_STATES).default('unverified'),
    options: z.array(optionSchema()),
  }),
);
export type FormField = z.infer<ReturnType<typeof formFieldSchema>>;

export const formSummarySchema = schemaOnce(() =>
  z.object({
    id: id(),
    key: fieldKeySchema(),
    name: labelsSchema(),
    fieldCount: z.number().int(),
    countries: z.array(z.string()),
  }),
);
export type FormSummary = z.infer<ReturnType<typeof formSummarySchema>>;

export const formSchema = schemaOnce(() =>
  z.object({
    id: id(),
    key: fieldKeySchema(),
    name: labelsSchema(),
    layout: z.enum(FORM_LAYOUTS).default('worksheet'),
    fields: z.array(formFieldSchema()),
  }),
);
export type QuestionnaireForm = z.infer<ReturnType<typeof formSchema>>;

/** A field as the reference-book editor saves it; options are replaced as a whole. */
export const fieldInputSchema = schemaOnce(() =>
  formFieldSchema().extend({
    id: id().optional(),
    position: z.number().int().min(0).max(10_000),
    options: z.array(optionSchema()).max(200),
  }),
);
export type FieldInput = z.infer<ReturnType<typeof fieldInputSchema>>;

export const dictionaryRowSchema = schemaOnce(() =>
  z.object({
    id: id(),
    ru: z.string(),
    en: z.string(),
    fr: z.string(),
    version: id(),
  }),
);
export type DictionaryRow = z.infer<ReturnType<typeof dictionaryRowSchema>>;

/** Whose questionnaire: a tourist of a tour, or a regular client outside any tour. */
export const subjectSchema = schemaOnce(() => z.object({ kind: z.enum(['tourist', 'client']), id: id() }));
export type Subject = z.infer<ReturnType<typeof subjectSchema>>;

/** Where a shown value comes from: the clerk's answer, the client's earlier answer, pre-fill, a default. */
export const ANSWER_ORIGINS = ['answer', 'client', 'binding', 'default', 'empty'] as const;
export type AnswerOrigin = (typeof ANSWER_ORIGINS)[number];

export const answerSchema = schemaOnce(() =>
  z.object({
    fieldKey: z.string(),
    source: z.string(),
    value: z.string(),
    origin: z.enum(ANSWER_ORIGINS),
    /**
     * Russian words left as typed in a translated value (the dictionary did not know them), until the
     * clerk translates them or accepts the value as it is (issue 12 item 7).
     */
    untranslated: z.array(z.string()).default([]),
  }),
);
export type Answer = z.infer<ReturnType<typeof answerSchema>>;

export const questionnaireCountrySchema = schemaOnce(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    language: z.enum(QUESTIONNAIRE_LANGUAGES),
    /** The consulate takes the application online (France-Visas, VIDEX, visaonweb...): a worksheet to type from. */
    appliesOnline: z.boolean().default(false),
  }),
);

export const questionnaireSchema = schemaOnce(() =>
  z.object({
    subject: subjectSchema(),
    /** Surname and initials for the header: ИВАНОВ И. П. */
    header: z.string(),
    country: questionnaireCountrySchema(),
    form: formSchema(),
    answers: z.array(answerSchema()),
  }),
);
export type Questionnaire = z.infer<ReturnType<typeof questionnaireSchema>>;

export const missingFieldSchema = schemaOnce(() =>
  z.object({ number: z.string(), key: z.string(), label: z.string() }),
);

/** A printed value that still holds Russian words nobody translated or accepted. */
export const untranslatedFieldSchema = schemaOnce(() =>
  missingFieldSchema().extend({ words: z.array(z.string()) }),
);

export const printSheetSchema = schemaOnce(() =>
  z.object({
    subject: subjectSchema(),
    header: z.string(),
    fullNameLat: z.string(),
    answers: z.array(answerSchema()),
    missing: z.array(missingFieldSchema()),
    untranslated: z.array(untranslatedFieldSchema()).default([]),
  }),
);
export type PrintSheet = z.infer<ReturnType<typeof printSheetSchema>>;

export const printJobSchema = schemaOnce(() =>
  z.object({
    country: questionnaireCountrySchema(),
    form: formSchema(),
    sheets: z.array(printSheetSchema()),
  }),
);
export type PrintJob = z.infer<ReturnType<typeof printJobSchema>>;
