import type { z } from 'zod';
import type { ValidationIssue } from '../../../shared/domain/client-validation';

/**
 * Field limits come from the domain schemas in shared/ (the ones the backend checks), never from
 * numbers copied into the UI: maxLengthOf(clientFieldsSchema(), 'lastNameRu') is 100 because the
 * schema says so.
 */
export function maxLengthOf<S extends z.ZodObject>(schema: S, key: keyof S['shape'] & string): number {
  let field: unknown = schema.shape[key];
  for (let depth = 0; depth < 5 && field !== undefined; depth++) {
    const candidate = field as { maxLength?: unknown; unwrap?: () => unknown };
    if (typeof candidate.maxLength === 'number') return candidate.maxLength;
    field = typeof candidate.unwrap === 'function' ? candidate.unwrap() : undefined;
  }
  throw new Error(`no length limit for ${key}`);
}

/** The number range a numeric field of a schema accepts (a country's passport margin: 0-24). */
export function rangeOf<S extends z.ZodObject>(
  schema: S,
  key: keyof S['shape'] & string,
): { min: number; max: number } {
  const field = schema.shape[key] as { minValue?: unknown; maxValue?: unknown };
  if (typeof field.minValue !== 'number' || typeof field.maxValue !== 'number')
    throw new Error(`no range for ${key}`);
  return { min: field.minValue, max: field.maxValue };
}

/** Shown from this share of the limit on, so the clerk sees the end coming. */
export const COUNTER_FROM = 0.8;

/** Whether the counter is shown for this length: near the limit or past it. */
export function counterShown(length: number, max: number): boolean {
  return length >= Math.floor(max * COUNTER_FROM);
}

/**
 * Every text of the input longer than the schema allows, as an issue at its field: checked before
 * saving so the clerk is told where, instead of the browser cutting the text (maxlength) silently.
 */
export function lengthIssues(schema: z.ZodType, input: unknown): ValidationIssue[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => issue.code === 'too_big' && issue.origin === 'string')
    .map((issue) => ({
      path: issue.path.join('.'),
      code: 'tooLong' as const,
      params: { max: Number((issue as { maximum: number | bigint }).maximum) },
    }));
}
