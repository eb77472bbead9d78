import { z } from 'zod';
import type { CommandDefinitions } from './lazy-commands';
import { subjectSchema } from '../questionnaire/model';
import { fittedFieldSchema, templateMappingEntrySchema, templateSchema } from '../questionnaire/templates';
import { schemaOnce } from '../domain/schema-once';
import { idSchema as id } from '../domain/common-schemas';

const country = schemaOnce(() => z.string().regex(/^[A-Z]{3}$/));

/** Issue 16: a consulate's own fillable PDF (AcroForm) or Word template, mapped once, filled per tourist. */
export const visaContract = {
  'templates.list': () => ({
    input: z.object({ country: country() }),
    output: z.array(templateSchema()),
  }),
  'templates.add': () => ({
    input: z.object({
      country: country(),
      fileName: z.string().max(300),
      base64: z.string().max(28_000_000),
    }),
    output: templateSchema(),
  }),
  'templates.saveMapping': () => ({
    input: z.object({
      id: id(),
      version: id(),
      mapping: z.array(templateMappingEntrySchema()).max(2000),
      flatten: z.boolean(),
    }),
    output: templateSchema(),
  }),
  'templates.delete': () => ({
    input: z.object({ id: id() }),
    output: z.object({ id: id() }),
  }),
  'templates.fill': () => ({
    input: z.object({ id: id(), subjects: z.array(subjectSchema()).min(1).max(500) }),
    output: z.object({
      files: z.array(
        z.object({ fileName: z.string(), base64: z.string(), fitted: z.array(fittedFieldSchema()) }),
      ),
    }),
  }),
  /** The print preview's check of a PDF form: per person, the values that will not print as set. */
  'templates.check': () => ({
    input: z.object({ id: id(), subjects: z.array(subjectSchema()).min(1).max(500) }),
    output: z.object({
      people: z.array(
        z.object({ subject: subjectSchema(), person: z.string(), fitted: z.array(fittedFieldSchema()) }),
      ),
    }),
  }),
} satisfies CommandDefinitions;
