import { z } from 'zod';
import { multiline } from '../domain/safe-text';
import { schemaOnce } from '../domain/schema-once';

/** The questionnaire reference books (R15): forms, their fields and options, the dictionary. */

export const FIELD_TYPES = ['text', 'date', 'choice', 'multichoice', 'yesno'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const TRANSLATION_MODES = ['none', 'transliterate', 'dictionary', 'copy'] as const;

export const QUESTIONNAIRE_LANGUAGES = ['ru', 'en', 'fr'] as const;
export type QuestionnaireLanguage = (typeof QUESTIONNAIRE_LANGUAGES)[number];

/**
 * Client or tour data a field is pre-filled from. Latin names are the passport's as printed;
 * country-valued bindings give the country's name (the translation turns it into the form language).
 */
export const FIELD_BINDINGS = [
  'lastNameLat',
  'firstNameLat',
  'lastNameRu',
  'firstNameRu',
  'middleNameRu',
  'gender',
  'birthDate',
  'birthPlace',
  'citizenship',
  'passportNumber',
  'passportIssueDate',
  'passportExpiry',
  'passportIssuingCountry',
  'passportIssuedBy',
  'address',
  'phone',
  'email',
  'tourCountry',
  'tourArrival',
  'tourDeparture',
  'tourHotel',
  'tourResort',
] as const;
export type FieldBinding = (typeof FIELD_BINDINGS)[number];

const label = (max: number) => multiline(z.string().trim().max(max));
export const labelsSchema = schemaOnce(() => z.object({ ru: label(500), en: label(500), fr: label(500) }));
export type Labels = z.infer<ReturnType<typeof labelsSchema>>;

export const fieldKeySchema = schemaOnce(() =>
  z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,59}$/, 'lower-case latin letters, digits and _, starting with a letter'),
);

export const optionSchema = schemaOnce(() =>
  z.object({
    code: z.string().trim().min(1).max(40),
    label: labelsSchema(),
    isDefault: z.boolean().default(false),
  }),
);
export type FieldOption = z.infer<ReturnType<typeof optionSchema>>;

/**
 * How a form prints: the official layout reproduced box for box, or the compact worksheet list.
 * A form a clerk makes in the reference book prints as a worksheet.
 */
export const FORM_LAYOUTS = ['worksheet', 'schengen_2019', 'schengen_2023', 'japan'] as const;
export type FormLayout = (typeof FORM_LAYOUTS)[number];

/** Whether a label was checked against the official text (docs/forms/wording.md says against what). */
export const WORDING_STATES = ['checked', 'unverified'] as const;
export type WordingState = (typeof WORDING_STATES)[number];

/** The yes/no field that says the applicant is a family member of an EU, EEA or CH citizen. */
export const FAMILY_MEMBER_KEY = 'eu_family_member';

export const fieldDefinitionSchema = schemaOnce(() =>
  z.object({
    /** The number as printed on the official form ("1", "7", "27"), empty for unnumbered lines. */
    number: z.string().trim().max(10),
    key: fieldKeySchema(),
    label: labelsSchema(),
    type: z.enum(FIELD_TYPES),
    translation: z.enum(TRANSLATION_MODES),
    binding: z.enum(FIELD_BINDINGS).nullable().default(null),
    required: z.boolean().default(false),
    /** Marked * on the official form: family members of EU, EEA or CH citizens leave it blank. */
    familyExempt: z.boolean().default(false),
    wording: z.enum(WORDING_STATES).default('unverified'),
    options: z.array(optionSchema()).max(200).default([]),
  }),
);
export type FieldDefinition = z.infer<ReturnType<typeof fieldDefinitionSchema>>;

export const formDefinitionSchema = schemaOnce(() =>
  z.object({
    key: fieldKeySchema(),
    name: labelsSchema(),
    layout: z.enum(FORM_LAYOUTS).default('worksheet'),
    fields: z
      .array(fieldDefinitionSchema())
      .max(300)
      .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, 'field keys repeat'),
  }),
);
export type FormDefinition = z.infer<ReturnType<typeof formDefinitionSchema>>;

export const dictionaryEntryInputSchema = schemaOnce(() =>
  z.object({
    ru: z.string().trim().min(1).max(300),
    en: z.string().trim().max(300),
    fr: z.string().trim().max(300),
  }),
);
export type DictionaryEntryInput = z.infer<ReturnType<typeof dictionaryEntryInputSchema>>;
