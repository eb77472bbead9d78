import { z } from 'zod';
import { schemaOnce } from '../domain/schema-once';

/** Issue 16: a consulate's own fillable PDF or Word form, its fields, and the clerk's mapping of them. */

export const TEMPLATE_KINDS = ['pdf', 'docx'] as const;

export const templateFieldSchema = schemaOnce(() =>
  z.object({
    /** The AcroForm field's name, or the Word placeholder's tag. */
    name: z.string(),
    kind: z.enum(['text', 'checkbox', 'radio', 'dropdown']),
    page: z.number().int(),
    x: z.number(),
    y: z.number(),
    options: z.array(z.string()),
  }),
);
export type TemplateField = z.infer<ReturnType<typeof templateFieldSchema>>;

/** One template field filled from a questionnaire field; a box or option is ticked by an option code. */
export const templateMappingEntrySchema = schemaOnce(() =>
  z.object({
    field: z.string().max(300),
    key: z.string().max(60),
    code: z.string().max(40).nullable().default(null),
    /** The PDF radio or list option to select when the code is chosen (its own name otherwise). */
    option: z.string().max(300).nullable().default(null),
  }),
);
export type TemplateMappingEntry = z.infer<ReturnType<typeof templateMappingEntrySchema>>;

export const templateSchema = schemaOnce(() =>
  z.object({
    id: z.number().int().positive(),
    country: z.string(),
    kind: z.enum(TEMPLATE_KINDS),
    name: z.string(),
    fields: z.array(templateFieldSchema()),
    mapping: z.array(templateMappingEntrySchema()),
    flatten: z.boolean(),
    version: z.number().int().positive(),
  }),
);
export type ConsulateTemplate = z.infer<ReturnType<typeof templateSchema>>;

/** A value that does not print as the consulate form sets it: smaller, wrapped, or whole on an annex page. */
export const fittedFieldSchema = schemaOnce(() =>
  z.object({
    field: z.string(),
    /** The questionnaire field it comes from, and its English label ("19. Home address…"). */
    key: z.string().nullable(),
    label: z.string(),
    how: z.enum(['shrunk', 'wrapped', 'annex']),
    fontSize: z.number(),
  }),
);
export type FittedField = z.infer<ReturnType<typeof fittedFieldSchema>>;

interface MappableField {
  key: string;
  number: string;
  label: { en: string; fr: string };
  type: string;
  options: readonly { code: string; label: { en: string; fr: string } }[];
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);

function leadingNumber(name: string): string | null {
  return /^\D{0,12}?(\d{1,2})(?!\d)/.exec(name)?.[1] ?? null;
}

/**
 * Proposed mapping of a consulate form's fields, by name and position: the field number in the name
 * ("7_Nationality", "Champ 13"), then the words shared with a field's key and English and French
 * labels; a tick box also by its option's words. Fields nothing explains are left for the clerk.
 */
export function suggestMapping(
  templateFields: readonly TemplateField[],
  formFields: readonly MappableField[],
): TemplateMappingEntry[] {
  const out: TemplateMappingEntry[] = [];
  for (const tf of templateFields) {
    const nameWords = new Set(words(tf.name.replace(/_/g, ' ')));
    const number = leadingNumber(tf.name);
    let best: { key: string; code: string | null; score: number } | null = null;
    for (const f of formFields) {
      const fieldWords = new Set([
        ...words(f.key.replace(/_/g, ' ')),
        ...words(f.label.en),
        ...words(f.label.fr),
      ]);
      let score = [...nameWords].filter((w) => fieldWords.has(w)).length;
      if (number !== null && number === f.number) score += 3;
      if (score === 0) continue;
      let code: string | null = null;
      if (tf.kind !== 'text') {
        const option = f.options
          .map((o) => ({
            code: o.code,
            hits: [...nameWords].filter((w) =>
              new Set([...words(o.label.en), ...words(o.label.fr), o.code]).has(w),
            ).length,
          }))
          .sort((a, b) => b.hits - a.hits)[0];
        if (!option || option.hits === 0) continue;
        code = option.code;
        score += option.hits;
      } else if (f.type !== 'text' && f.type !== 'date') {
        score -= 1;
      }
      if (!best || score > best.score) best = { key: f.key, code, score };
    }
    if (best && best.score >= 2) out.push({ field: tf.name, key: best.key, code: best.code, option: null });
  }
  return out;
}
