import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { AppError } from '../../../shared/api/envelope';
import type { TemplateField } from '../../../shared/questionnaire/templates';

function open(bytes: Uint8Array, modules: unknown[] = []): Docxtemplater {
  try {
    return new Docxtemplater(new PizZip(bytes), {
      paragraphLoop: true,
      linebreaks: true,
      modules: modules as never[],
    });
  } catch (e) {
    throw new AppError('VALIDATION', `not a Word template: ${(e as Error).message}`, [
      { path: 'file', code: 'noFormFields' },
    ]);
  }
}

/** The placeholders ({surname}, {cost_applicant_means_cash}) of a Word (.docx) template, in order. */
export function listDocxPlaceholders(bytes: Uint8Array): TemplateField[] {
  const inspect = new InspectModule();
  const doc = open(bytes, [inspect]);
  doc.render({});
  const tags = Object.keys(inspect.getAllTags());
  if (tags.length === 0)
    throw new AppError('VALIDATION', 'the Word file has no {placeholders}', [
      { path: 'file', code: 'noFormFields' },
    ]);
  return tags.map((name, i) => ({ name, kind: 'text', page: 1, x: 0, y: -i, options: [] }));
}

/** A Word template filled for one person: every placeholder gets its value ('' only when empty). */
export function fillDocx(bytes: Uint8Array, values: Readonly<Record<string, string>>): Uint8Array {
  const doc = open(bytes);
  doc.render(values);
  return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
}
