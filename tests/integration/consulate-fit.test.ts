import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import type { Subject } from '../../shared/questionnaire/model';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

/**
 * Issue 16: a long value in a narrow box of a consulate's own PDF is printed smaller, wrapped, or
 * begun in the box and printed whole on an annex page; never cut at the box's edge.
 */

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-24', plain: true });
});
afterEach(async () => {
  await t.dispose();
});

const OCCUPATION = 'ведущий инженер-конструктор отдела';
const HOST = 'Hotel Kempinski Bristol Berlin, Kurfürstendamm 27';
const ADDRESS =
  'г. Москва, Ленинградский проспект, д. 37, корп. 9, кв. 118, подъезд 4, этаж 12, домофон 118В, ' +
  'индекс 125167, e-mail: olga.smirnova.1984@example-mail.ru, тел. +7 916 123-45-67';

/** Boxes as consulates draw them: names, places and sizes; the form sets 10 pt in each. */
const BOXES = {
  // One line, a little short for the occupation: printed smaller.
  '21_Current_occupation': { x: 50, y: 760, width: 150, height: 16 },
  // Tall enough for three lines: the hotel wraps.
  '31_Hotel': { x: 50, y: 700, width: 110, height: 40 },
  // One narrow line: the address cannot fit at 6 pt, it goes to the annex.
  '19_Address': { x: 50, y: 660, width: 200, height: 14 },
} as const;

async function consulatePdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const form = doc.getForm();
  for (const [name, box] of Object.entries(BOXES)) {
    const field = form.createTextField(name);
    field.addToPage(page, box);
    field.setFontSize(10);
  }
  return Buffer.from(await doc.save()).toString('base64');
}

async function olga(): Promise<Subject> {
  const tour = await t.call('tours.save', {
    ...emptyTourInput(),
    voucher: 'DE-FIT',
    country: 'DEU',
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
  });
  const { tourist } = await t.call('tourists.save', {
    tourId: tour.id,
    tourist: {
      ...emptyTouristFields(),
      lastNameRu: 'Смирнова',
      passportLastNameLat: 'SMIRNOVA',
      passportFirstNameLat: 'OLGA',
      gender: 'F',
      clientId: null,
      serviceIds: [],
    },
  });
  const subject: Subject = { kind: 'tourist', id: tourist.id };
  // The consulate reads these as the clerk typed them: kept as they are, untranslated.
  for (const [fieldKey, text] of [
    ['occupation', OCCUPATION],
    ['host_name', HOST],
    ['home_address', ADDRESS],
  ] as const)
    await t.call('questionnaire.save', {
      subject,
      country: 'DEU',
      fieldKey,
      source: text,
      value: text,
      accept: true,
    });
  return subject;
}

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** pdftotext's words with their boxes (points from the page's top left), page by page. */
function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: Word[] = [];
  html.split('<page ').forEach((chunk, i) => {
    for (const m of chunk.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ))
      out.push({
        page: i,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: m[5]!
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>'),
      });
  });
  return out;
}

/** The words printed inside a box of page 1 (pdftotext measures from the top: y flips). */
function inside(all: Word[], box: { x: number; y: number; width: number; height: number }) {
  const top = 842 - box.y - box.height;
  return all.filter(
    (w) => w.page === 1 && w.yMin >= top - 1 && w.yMax <= top + box.height + 1 && w.xMin >= box.x - 1,
  );
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('long values in a consulate PDF', () => {
  it('are printed smaller, wrapped, or begun in the box and whole on an annex page, flagged before printing', async () => {
    const subject = await olga();
    const added = await t.call('templates.add', {
      country: 'DEU',
      fileName: 'antrag.pdf',
      base64: await consulatePdf(),
    });
    const mapping = [
      { field: '21_Current_occupation', key: 'occupation', code: null, option: null },
      { field: '31_Hotel', key: 'host_name', code: null, option: null },
      { field: '19_Address', key: 'home_address', code: null, option: null },
    ];
    await t.call('templates.saveMapping', { id: added.id, version: added.version, mapping, flatten: true });

    // The print preview says it before anything is printed.
    const preview = await t.call('templates.check', { id: added.id, subjects: [subject] });
    expect(preview.people).toHaveLength(1);
    expect(preview.people[0]!.person).toBe('SMIRNOVA OLGA');
    const flagged = preview.people[0]!.fitted;
    expect(flagged.map((f) => [f.field, f.how])).toEqual([
      ['21_Current_occupation', 'shrunk'],
      ['31_Hotel', 'wrapped'],
      ['19_Address', 'annex'],
    ]);
    expect(flagged[0]!.fontSize).toBeGreaterThanOrEqual(6);
    expect(flagged[0]!.fontSize).toBeLessThan(10);
    expect(flagged[2]).toMatchObject({ key: 'home_address', label: expect.stringMatching(/^19\. /) });

    const { files } = await t.call('templates.fill', { id: added.id, subjects: [subject] });
    expect(files[0]!.fitted).toEqual(flagged);
    const file = join(dirname(t.dbPath), 'olga.pdf');
    writeFileSync(file, Buffer.from(files[0]!.base64, 'base64'));
    const all = words(file);

    // Every word of each box is inside the box: nothing runs past its edge to be cut.
    for (const [name, box] of Object.entries(BOXES)) {
      const shown = inside(all, box);
      expect(shown.length, name).toBeGreaterThan(0);
      for (const w of shown) expect(w.xMax, `${name}: ${w.text}`).toBeLessThanOrEqual(box.x + box.width);
    }
    const text = (box: (typeof BOXES)[keyof typeof BOXES]) =>
      squeeze(
        inside(all, box)
          .map((w) => w.text)
          .join(' '),
      );
    expect(text(BOXES['21_Current_occupation'])).toBe(OCCUPATION);
    expect(text(BOXES['31_Hotel'])).toBe(HOST);
    // The address box holds its beginning and points at the annex; the annex holds all of it.
    const begun = text(BOXES['19_Address']);
    expect(begun).toMatch(/^г\. Москва, .* … → annex 1$/);
    const annex = squeeze(
      all
        .filter((w) => w.page === 2)
        .map((w) => w.text)
        .join(' '),
    );
    expect(annex).toContain('Annex: values continued from the form');
    expect(annex).toContain('SMIRNOVA OLGA');
    expect(annex).toMatch(/annex 1 — 19\. .* \[19_Address\]/);
    expect(annex).toContain(squeeze(ADDRESS));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Pages: +2$/m);
  });

  it('leave a value that fits as the form sets it, and a fillable form keeps the whole value where it fits', async () => {
    const subject = await olga();
    await t.call('questionnaire.save', {
      subject,
      country: 'DEU',
      fieldKey: 'occupation',
      source: 'врач',
      value: 'врач',
      accept: true,
    });
    const added = await t.call('templates.add', {
      country: 'DEU',
      fileName: 'antrag.pdf',
      base64: await consulatePdf(),
    });
    const mapping = [
      { field: '21_Current_occupation', key: 'occupation', code: null, option: null },
      { field: '31_Hotel', key: 'host_name', code: null, option: null },
    ];
    await t.call('templates.saveMapping', { id: added.id, version: added.version, mapping, flatten: false });
    const { files } = await t.call('templates.fill', { id: added.id, subjects: [subject] });
    expect(files[0]!.fitted.map((f) => f.field)).toEqual(['31_Hotel']);
    const form = (await PDFDocument.load(Buffer.from(files[0]!.base64, 'base64'))).getForm();
    expect(form.getTextField('21_Current_occupation').getText()).toBe('врач');
    expect(form.getTextField('21_Current_occupation').acroField.getDefaultAppearance()).toMatch(/ 10 Tf/);
    // Wrapped: the whole value stays the field's value, the field now shows several lines.
    expect(form.getTextField('31_Hotel').getText()).toBe(HOST);
    expect(form.getTextField('31_Hotel').isMultiline()).toBe(true);
  });

  it("that an auto-size box could only show below 6 pt go to the annex instead of pdf-lib's 4 pt", async () => {
    const subject = await olga();
    const doc = await PDFDocument.create();
    const field = doc.getForm().createTextField('21_Occupation');
    field.addToPage(doc.addPage([595, 842]), { x: 50, y: 760, width: 90, height: 16 });
    // "Auto" size, as many consulate forms set it: pdf-lib would shrink the value to 4 pt.
    field.acroField.setDefaultAppearance('/Helv 0 Tf 0 g');
    const added = await t.call('templates.add', {
      country: 'DEU',
      fileName: 'auto.pdf',
      base64: Buffer.from(await doc.save()).toString('base64'),
    });
    const mapping = [{ field: '21_Occupation', key: 'occupation', code: null, option: null }];
    await t.call('templates.saveMapping', { id: added.id, version: added.version, mapping, flatten: false });
    const { files } = await t.call('templates.fill', { id: added.id, subjects: [subject] });
    expect(files[0]!.fitted).toMatchObject([{ field: '21_Occupation', how: 'annex' }]);
    expect(files[0]!.fitted[0]!.fontSize).toBeGreaterThanOrEqual(6);
    const filled = await PDFDocument.load(Buffer.from(files[0]!.base64, 'base64'));
    expect(filled.getForm().getTextField('21_Occupation').getText()).toMatch(/^ведущий .*… → annex 1$/);
    const file = join(dirname(t.dbPath), 'auto.pdf');
    writeFileSync(file, Buffer.from(files[0]!.base64, 'base64'));
    const annex = squeeze(execFileSync('pdftotext', ['-f', '2', file, '-'], { encoding: 'utf8' }));
    expect(annex).toContain(OCCUPATION);
  });
});
