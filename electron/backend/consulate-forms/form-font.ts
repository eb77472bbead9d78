import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import fontkit, { type Font, type Subset } from '@pdf-lib/fontkit';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * The font the consulates' forms are filled with: DejaVu Sans, one file with Latin and Cyrillic
 * (the app's Noto Sans comes from @fontsource split into per-script files, and one form field
 * takes one font, so "г. Москва, ул. Ленина, 5" needs both scripts in one file).
 */
const FONT_FILE = join('resources', 'fonts', 'DejaVuSans.ttf');

/**
 * The font file is found by walking up from this module: the sources (tests, bench), out/main
 * (the built app, browser mode) and app.asar (the package lists resources/fonts in its files).
 */
function findFontFile(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, FONT_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${FONT_FILE} not found above ${__dirname}`);
  }
}

let loaded: { bytes: Uint8Array; font: Font } | null = null;

/** The font's bytes and its parsed form, read once per process. */
function formFont(): { bytes: Uint8Array; font: Font } {
  if (!loaded) {
    const bytes = new Uint8Array(readFileSync(findFontFile()));
    loaded = { bytes, font: fontkit.create(bytes) };
  }
  return loaded;
}

/**
 * @pdf-lib/fontkit's subset has an internal encode(stream) that @cantoo/pdf-lib mistakes for
 * fontkit 2's encode(): offering only encodeStream() makes pdf-lib take the stream path.
 */
function streamOnlySubset(subset: Subset): Subset {
  return {
    includeGlyph: (glyph) => subset.includeGlyph(glyph),
    encodeStream: () => subset.encodeStream(),
  };
}

/**
 * fontkit for pdf-lib that hands out the font parsed once (a subset keeps its own glyphs, so one
 * parsed font serves every document) instead of parsing the 750 KB file for each tourist.
 */
const sharedFontkit: Fontkit = {
  create(bytes: Uint8Array) {
    const { bytes: ours, font } = formFont();
    const parsed = bytes === ours ? font : fontkit.create(bytes);
    return new Proxy(parsed, {
      get(target, prop) {
        if (prop === 'createSubset') return () => streamOnlySubset(target.createSubset());
        // pdf-lib takes only the glyphs of a layout, never its positions: OpenType shaping (kerning,
        // ligatures) was wasted work and most of the fill time; the character map gives the glyphs.
        if (prop === 'layout') return (text: string) => ({ glyphs: target.glyphsForString(text) });
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  },
};

/** Embeds the form font, subset (only the glyphs the values use), into one document. */
export async function embedFormFont(doc: PDFDocument) {
  doc.registerFontkit(sharedFontkit);
  return doc.embedFont(formFont().bytes, { subset: true });
}

/** The first character of the text the form font has no glyph for, or null. */
export function unprintableCharacter(text: string): string | null {
  const { font } = formFont();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x0a || code === 0x0d) continue;
    if (!font.hasGlyphForCodePoint(code)) return ch;
  }
  return null;
}
