import { layoutMultilineText, rgb, TextAlignment, type PDFDocument, type PDFFont } from '@cantoo/pdf-lib';

/** A value too long for its box, printed whole on the annex page; the box points here by `ref`. */
export interface AnnexEntry {
  ref: number;
  /** The questionnaire field, "19. Home address…", or the form field's own name. */
  label: string;
  /** The consulate form's field name, so the officer finds the box. */
  fieldName: string;
  text: string;
}

/** The pointer a box shows after the beginning of its value. */
export const annexMarker = (ref: number) => `… → annex ${ref}`;

const MARGIN = 50;
const TITLE = 'Annex: values continued from the form, printed in full';
const TITLE_FR = 'Annexe : suite des valeurs du formulaire, en entier';
const A4: [number, number] = [595.28, 841.89];

/**
 * Appends the annex pages: for each value cut in its box, the box's reference and field, then the
 * whole value, wrapped to the page. Drawn in the form font, so Cyrillic prints as in the fields.
 */
export function addAnnex(doc: PDFDocument, font: PDFFont, entries: readonly AnnexEntry[], person: string) {
  const first = doc.getPageCount() > 0 ? doc.getPage(0).getSize() : null;
  const size: [number, number] = first ? [first.width, first.height] : A4;
  const width = size[0] - 2 * MARGIN;
  let page = doc.addPage(size);
  let y = size[1] - MARGIN;

  const block = (text: string, fontSize: number, gray: number) => {
    const layout = layoutMultilineText(text, {
      alignment: TextAlignment.Left,
      fontSize,
      font,
      bounds: { x: 0, y: 0, width, height: Number.MAX_SAFE_INTEGER },
    });
    for (const line of layout.lines) {
      if (y - layout.lineHeight < MARGIN) {
        page = doc.addPage(size);
        y = size[1] - MARGIN;
      }
      y -= layout.lineHeight;
      page.drawText(line.text, { x: MARGIN, y, size: fontSize, font, color: rgb(gray, gray, gray) });
    }
  };

  block(TITLE, 11, 0);
  block(TITLE_FR, 11, 0);
  if (person) block(person, 10, 0);
  for (const entry of entries) {
    y -= 10;
    block(`annex ${entry.ref} — ${entry.label} [${entry.fieldName}]`, 9, 0.35);
    block(entry.text, 10, 0);
  }
}
