import {
  adjustDimsForRotation,
  cleanText,
  layoutMultilineText,
  mergeLines,
  reduceRotation,
  TextAlignment,
  type PDFFont,
  type PDFTextField,
  type PDFWidgetAnnotation,
} from '@cantoo/pdf-lib';

/** The smallest type a consulate officer still reads on a printed form. */
export const MIN_FONT_SIZE = 6;
/** A field whose appearance says "auto size" is filled at most this large when we choose for it. */
const AUTO_SIZE_CAP = 12;
/** pdf-lib's line height: the font's height with descender, plus a fifth. */
const LINE_SPACING = 1.2;

/** What a text field's box offers the value, measured the way pdf-lib lays text out in it. */
export interface FieldBox {
  /** Inside the border and pdf-lib's 1 pt padding. */
  width: number;
  height: number;
  multiline: boolean;
  alignment: TextAlignment;
  /** The size the form asks for in its default appearance; 0 or undefined means "auto". */
  fontSize: number | undefined;
}

const tfRegex = /\/([^\0\t\n\f\r ]+)[\0\t\n\f\r ]+(\d*\.\d+|\d+)[\0\t\n\f\r ]+Tf/g;

function daFontSize(da: string | undefined): number | undefined {
  const matches = [...(da ?? '').matchAll(tfRegex)];
  const size = Number(matches.at(-1)?.[2]);
  return Number.isFinite(size) ? size : undefined;
}

/** The box of the field's narrowest widget (a field shown twice must fit in both places). */
export function fieldBox(field: PDFTextField): FieldBox | null {
  let box: FieldBox | null = null;
  for (const widget of field.acroField.getWidgets()) {
    const border = widget.getBorderStyle()?.getWidth() ?? 0;
    const rotation = reduceRotation(widget.getAppearanceCharacteristics()?.getRotation());
    const { width, height } = adjustDimsForRotation(widget.getRectangle(), rotation);
    const inset = (border + 1) * 2;
    const candidate: FieldBox = {
      width: width - inset,
      height: height - inset,
      multiline: field.isMultiline(),
      alignment: field.getAlignment(),
      fontSize:
        daFontSize(widget.getDefaultAppearance()) ?? daFontSize(field.acroField.getDefaultAppearance()),
    };
    if (!box || candidate.width < box.width) box = candidate;
  }
  return box;
}

export type FitPlan =
  | { how: 'fits' }
  /** Printed smaller than the form's size, down to MIN_FONT_SIZE. */
  | { how: 'shrunk'; fontSize: number }
  /** The box is tall enough: printed on several lines (the field made multiline). */
  | { how: 'wrapped'; fontSize: number }
  /** It does not fit even so: the box shows its beginning and a pointer, the annex page the whole. */
  | { how: 'annex'; fontSize: number; multiline: boolean; shown: string };

const floorTenth = (n: number) => Math.floor(n * 10) / 10;

function fitsMultiline(text: string, box: FieldBox, font: PDFFont, fontSize: number): boolean {
  const layout = layoutMultilineText(text, {
    alignment: box.alignment,
    fontSize,
    font,
    bounds: { x: 0, y: 0, width: box.width, height: box.height },
  });
  return (
    layout.lines.length * layout.lineHeight <= box.height &&
    layout.lines.every((line) => line.width <= box.width)
  );
}

/** The largest size in half points from `from` down to the minimum at which the text wraps into the box. */
function wrapSize(text: string, box: FieldBox, font: PDFFont, from: number): number | null {
  for (let size = floorTenth(from); size >= MIN_FONT_SIZE; size = Math.floor((size - 0.5) * 2) / 2)
    if (fitsMultiline(text, box, font, size)) return size;
  return null;
}

/**
 * How a value fits a consulate form's box: as the form sets it, smaller down to 6 pt, wrapped when
 * the box takes two lines, or else shown in part with `marker` (which points at the annex page).
 */
export function planFit(value: string, box: FieldBox, font: PDFFont, marker: string): FitPlan {
  const text = cleanText(value);
  const lineHeightAt1 = font.heightAtSize(1) * LINE_SPACING;
  const heightSize = box.height / lineHeightAt1;
  const auto = box.fontSize === undefined || box.fontSize === 0;
  const limit = auto ? Math.min(heightSize, AUTO_SIZE_CAP) : box.fontSize!;
  const canWrap = box.height >= 2 * MIN_FONT_SIZE * lineHeightAt1;

  if (!box.multiline) {
    const line = mergeLines(text);
    const widthAt1 = font.widthOfTextAtSize(line, 1);
    const widthSize = widthAt1 > 0 ? box.width / widthAt1 : Infinity;
    if (widthSize >= limit) return { how: 'fits' };
    // Just under the exact size, so rounding never lets the last glyph touch the edge.
    const size = floorTenth(widthSize * 0.999);
    if (size >= MIN_FONT_SIZE) return { how: 'shrunk', fontSize: size };
  } else if (fitsMultiline(text, box, font, limit)) {
    return { how: 'fits' };
  }
  if (box.multiline || canWrap) {
    const size = wrapSize(text, box, font, limit);
    if (size !== null) return { how: box.multiline ? 'shrunk' : 'wrapped', fontSize: size };
  }

  const multiline = box.multiline || canWrap;
  // The smallest readable size shows the most of the value beside its pointer.
  const fontSize = multiline ? MIN_FONT_SIZE : floorTenth(Math.max(Math.min(MIN_FONT_SIZE, heightSize), 1));
  const fits = (candidate: string) =>
    multiline
      ? fitsMultiline(candidate, box, font, fontSize)
      : font.widthOfTextAtSize(mergeLines(candidate), fontSize) <= box.width;
  const withMarker = (length: number) => `${text.slice(0, length).trimEnd()} ${marker}`.trimStart();
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(withMarker(mid))) low = mid;
    else high = mid - 1;
  }
  // Cut between words where one ends near the limit, so the box does not end mid-word.
  const space = text.slice(0, low).search(/\s\S*$/);
  const length = space > 0 && low - space < 16 ? space : low;
  return { how: 'annex', fontSize, multiline, shown: withMarker(length) };
}

/** Sets the size a field is drawn at: on each widget, keeping the form's font and colour. */
export function setFieldFontSize(field: PDFTextField, fontSize: number): void {
  const fieldDa = field.acroField.getDefaultAppearance();
  for (const widget of field.acroField.getWidgets()) setWidgetFontSize(widget, fieldDa, fontSize);
}

function setWidgetFontSize(widget: PDFWidgetAnnotation, fieldDa: string | undefined, fontSize: number) {
  const da = widget.getDefaultAppearance() ?? fieldDa ?? '0 g';
  const size = String(fontSize);
  const matches = [...da.matchAll(tfRegex)];
  const last = matches.at(-1);
  widget.setDefaultAppearance(
    last?.index !== undefined
      ? `${da.slice(0, last.index)}/${last[1]} ${size} Tf${da.slice(last.index + last[0].length)}`
      : `${da} /Helv ${size} Tf`,
  );
}
