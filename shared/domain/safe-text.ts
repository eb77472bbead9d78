import { z } from 'zod';
import type { ValidationIssue } from './client-validation';

/**
 * Characters no field of the app takes: C0 and C1 controls (tab, line feed and carriage return
 * only where a field is multi-line), bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069: they make a name read differently from how it is stored), non-characters (U+FDD0–
 * U+FDEF and the last two code points of every plane: an .xlsx holding U+FFFF cannot be opened)
 * and lone surrogates (not text at all: the database would keep U+FFFD in their place).
 */
const FORBIDDEN_COMMON =
  '\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFDD0-\\uFDEF\\p{Cs}' +
  Array.from({ length: 17 }, (_, plane) => {
    const last = plane * 0x10000 + 0xffff;
    return `\\u{${(last - 1).toString(16)}}\\u{${last.toString(16)}}`;
  }).join('');
const FORBIDDEN_SINGLE_LINE = new RegExp(`[\\u0000-\\u001F${FORBIDDEN_COMMON}]`, 'u');
const FORBIDDEN_MULTI_LINE = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F${FORBIDDEN_COMMON}]`,
  'u',
);

/** The first character a field may not hold, as U+XXXX, or null when the text is clean. */
export function forbiddenCharIn(text: string, multiline = false): string | null {
  const found = (multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).exec(text);
  if (!found) return null;
  const codePoint = found[0].codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A text field that may hold tabs and line breaks (notes, labels, questionnaire answers). */
export function multiline<T extends z.ZodString>(schema: T): T {
  return schema.meta({ multiline: true });
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every text of a parsed command input that holds a forbidden character, as an issue at its field
 * (`documents.0.number`). The input's schema says where the strings are and which are multi-line;
 * a string the schema does not describe (a setting's free JSON value) may be multi-line.
 *
 * It runs on every command input in dispatch, so a field added later is covered without anyone
 * remembering to; the schemas stay plain zod because the outputs share them, and a row stored
 * before this rule must still be readable (and then corrected at its field when saved).
 */
export function forbiddenTextIssues(schema: z.ZodType, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (text: string, path: string, isMultiline: boolean) => {
    const char = forbiddenCharIn(text, isMultiline);
    if (char) issues.push({ path, code: 'textForbiddenChar', params: { char } });
  };
  const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  const loose = (node: unknown, path: string): void => {
    if (typeof node === 'string') report(node, path, true);
    else if (Array.isArray(node)) node.forEach((item, i) => loose(item, join(path, i)));
    else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        report(key, path, false);
        loose(item, join(path, key));
      }
    }
  };
  const walk = (node: z.ZodType, data: unknown, path: string): void => {
    const def = defOf(node);
    switch (def.type) {
      case 'string':
        if (typeof data === 'string') report(data, path, node.meta()?.multiline === true);
        return;
      case 'object':
        if (data !== null && typeof data === 'object' && def.shape) {
          for (const [key, field] of Object.entries(def.shape))
            walk(field, (data as Record<string, unknown>)[key], join(path, key));
        }
        return;
      case 'array': {
        const element = def.element;
        if (Array.isArray(data) && element) data.forEach((item, i) => walk(element, item, join(path, i)));
        return;
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        if (def.innerType) walk(def.innerType, data, path);
        return;
      case 'pipe':
        if (def.in) walk(def.in, data, path);
        return;
      case 'union': {
        // The option the value is (a table cell: text or number) says how its strings are checked.
        const option = def.options?.find((o) => o.safeParse(data).success);
        if (option) walk(option, data, path);
        else loose(data, path);
        return;
      }
      case 'enum':
      case 'literal':
      case 'number':
      case 'boolean':
      case 'bigint':
      case 'date':
      case 'null':
      case 'undefined':
        return;
      default:
        loose(data, path);
    }
  };
  walk(schema, value, '');
  return issues;
}
