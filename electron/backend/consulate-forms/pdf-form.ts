import {
  ParseSpeeds,
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
  type PDFField,
} from '@cantoo/pdf-lib';
import { AppError } from '../../../shared/api/envelope';
import type {
  FittedField,
  TemplateField,
  TemplateMappingEntry,
} from '../../../shared/questionnaire/templates';
import { addAnnex, annexMarker, type AnnexEntry } from './annex';
import { fieldBox, planFit, setFieldFontSize, type FitPlan } from './fit-text';
import { embedFormFont, unprintableCharacter } from './form-font';

function kindOf(field: PDFField): TemplateField['kind'] | null {
  if (field instanceof PDFTextField) return 'text';
  if (field instanceof PDFCheckBox) return 'checkbox';
  if (field instanceof PDFRadioGroup) return 'radio';
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) return 'dropdown';
  return null;
}

function optionsOf(field: PDFField): string[] {
  if (field instanceof PDFRadioGroup) return field.getOptions();
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) return field.getOptions();
  return [];
}

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  try {
    // pdf-lib's default speed pauses for a timer tick every 100 objects: 40 forms waited seconds.
    return await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (e) {
    throw new AppError('VALIDATION', `not a readable PDF: ${(e as Error).message}`, [
      { path: 'file', code: 'noFormFields' },
    ]);
  }
}

/** The fillable fields of a consulate's PDF (AcroForm), with their page and place, top to bottom. */
export async function listPdfFields(bytes: Uint8Array): Promise<TemplateField[]> {
  const doc = await load(bytes);
  const pages = doc.getPages();
  const fields: TemplateField[] = [];
  for (const field of doc.getForm().getFields()) {
    const kind = kindOf(field);
    if (!kind) continue;
    const widget = field.acroField.getWidgets()[0];
    const rect = widget?.getRectangle() ?? { x: 0, y: 0 };
    const pageRef = widget?.P();
    const page = Math.max(
      0,
      pages.findIndex((p) => p.ref === pageRef),
    );
    fields.push({
      name: field.getName(),
      kind,
      page: page + 1,
      x: rect.x,
      y: rect.y,
      options: optionsOf(field),
    });
  }
  if (fields.length === 0)
    throw new AppError('VALIDATION', 'the PDF has no fillable fields', [
      { path: 'file', code: 'noFormFields' },
    ]);
  return fields.sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
}

/** What one person's PDF gets: the text of each mapped text field, and which boxes are ticked. */
export interface PdfValues {
  text: ReadonlyMap<string, string>;
  ticked: ReadonlySet<string>;
  /** Radio groups and lists: the option to select. */
  selected: ReadonlyMap<string, string>;
  /** The questionnaire field each text field is filled from ("19. Home address…"), for the annex. */
  sources: ReadonlyMap<string, { key: string; label: string }>;
  /** Whose form it is, printed on the annex page. */
  person: string;
}

function checkedText(field: PDFTextField, text: string): void {
  const name = field.getName();
  // pdf-lib prints nothing (or '?') for what the font lacks; a value is refused rather than changed.
  const missing = unprintableCharacter(text);
  if (missing !== null)
    throw new AppError('VALIDATION', `field ${name}: a character the form's font cannot print`, [
      { path: name, code: 'pdfFontCharacters', params: { field: name, character: missing } },
    ]);
  const max = field.getMaxLength();
  if (max !== undefined && text.length > max)
    throw new AppError('VALIDATION', `field ${name}: longer than ${max}`, [
      { path: name, code: 'pdfFieldTooLong', params: { field: name, max } },
    ]);
}

/** How each mapped text field's value fits its box, in the order of the form; fitting ones left out. */
function planFields(
  form: ReturnType<PDFDocument['getForm']>,
  values: PdfValues,
  font: Parameters<typeof planFit>[2],
): { field: PDFTextField; text: string; plan: Exclude<FitPlan, { how: 'fits' }>; ref: number }[] {
  const out = [];
  let ref = 0;
  for (const field of form.getFields()) {
    if (!(field instanceof PDFTextField) || field.isCombed()) continue;
    const text = values.text.get(field.getName());
    if (!text) continue;
    const box = fieldBox(field);
    if (!box) continue;
    const plan = planFit(text, box, font, annexMarker(ref + 1));
    if (plan.how === 'fits') continue;
    if (plan.how === 'annex') ref += 1;
    out.push({ field, text, plan, ref });
  }
  return out;
}

const fitted = (values: PdfValues, planned: ReturnType<typeof planFields>): FittedField[] =>
  planned.map(({ field, plan }) => ({
    field: field.getName(),
    key: values.sources.get(field.getName())?.key ?? null,
    label: values.sources.get(field.getName())?.label ?? field.getName(),
    how: plan.how,
    fontSize: plan.fontSize,
  }));

/**
 * Fills a consulate's PDF for one person with pdf-lib, flattened (printed as it is) or left fillable.
 * Written in DejaVu Sans, subset-embedded (Latin and Cyrillic); a character that font lacks is
 * refused with the field named, never left out. A value too long for its box is printed smaller,
 * wrapped, or else begun in the box and printed whole on an annex page; `fitted` says which.
 */
export async function fillPdf(
  bytes: Uint8Array,
  values: PdfValues,
  flatten: boolean,
): Promise<{ bytes: Uint8Array; fitted: FittedField[] }> {
  const doc = await load(bytes);
  const form = doc.getForm();
  const font = await embedFormFont(doc);
  for (const field of form.getFields()) {
    const name = field.getName();
    if (field instanceof PDFTextField && values.text.has(name)) {
      const text = values.text.get(name) ?? '';
      checkedText(field, text);
      field.setText(text);
    } else if (field instanceof PDFCheckBox) {
      if (values.ticked.has(name)) field.check();
    } else if (
      field instanceof PDFRadioGroup ||
      field instanceof PDFDropdown ||
      field instanceof PDFOptionList
    ) {
      const option = values.selected.get(name);
      if (option !== undefined && field.getOptions().includes(option)) field.select(option);
    }
  }
  const planned = planFields(form, values, font);
  const annex: AnnexEntry[] = [];
  for (const { field, text, plan, ref } of planned) {
    if (plan.how === 'wrapped' || (plan.how === 'annex' && plan.multiline)) field.enableMultiline();
    if (plan.how === 'annex') {
      field.setText(plan.shown);
      const name = field.getName();
      annex.push({ ref, label: values.sources.get(name)?.label ?? name, fieldName: name, text });
    }
    setFieldFontSize(field, plan.fontSize);
  }
  form.updateFieldAppearances(font);
  // Appearances are made once, above, in the form font: pdf-lib would otherwise redo them on
  // flatten and save with a default Helvetica it also embeds.
  if (flatten) form.flatten({ updateFieldAppearances: false });
  if (annex.length > 0) addAnnex(doc, font, annex, values.person);
  return {
    bytes: await doc.save({ objectsPerTick: Infinity, updateFieldAppearances: false }),
    fitted: fitted(values, planned),
  };
}

/** The print preview's check: for each person, the values that will not print as the form sets them. */
export async function checkPdf(bytes: Uint8Array, people: readonly PdfValues[]): Promise<FittedField[][]> {
  const doc = await load(bytes);
  const form = doc.getForm();
  const font = await embedFormFont(doc);
  return people.map((values) => fitted(values, planFields(form, values, font)));
}

/** The PDF values of one person from the mapping and their printed answers. */
export function pdfValues(
  mapping: readonly TemplateMappingEntry[],
  fields: readonly TemplateField[],
  formFields: readonly { key: string; number: string; label: { en: string } }[],
  person: { value: (key: string) => string; ticked: (key: string, code: string) => boolean; name: string },
): PdfValues {
  const { value, ticked } = person;
  const kinds = new Map(fields.map((f) => [f.name, f.kind]));
  const labelOf = new Map(formFields.map((f) => [f.key, [f.number, f.label.en].filter(Boolean).join('. ')]));
  const sources = new Map<string, { key: string; label: string }>();
  const text = new Map<string, string>();
  const tickedSet = new Set<string>();
  const selected = new Map<string, string>();
  for (const entry of mapping) {
    const kind = kinds.get(entry.field);
    if (kind === 'text') {
      text.set(entry.field, value(entry.key));
      sources.set(entry.field, { key: entry.key, label: labelOf.get(entry.key) ?? entry.key });
    } else if (kind === 'checkbox' && entry.code !== null && ticked(entry.key, entry.code))
      tickedSet.add(entry.field);
    else if (
      (kind === 'radio' || kind === 'dropdown') &&
      entry.code !== null &&
      ticked(entry.key, entry.code)
    )
      selected.set(entry.field, entry.option ?? entry.code);
  }
  return { text, ticked: tickedSet, selected, sources, person: person.name };
}
