import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import type { Subject } from '../../shared/questionnaire/model';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

/** Issue 16: a consulate's own fillable PDF and a visa centre's Word form, filled per tourist. */

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-24', plain: true });
});
afterEach(async () => {
  await t.dispose();
});

async function germanTour(): Promise<Subject[]> {
  const tour = await t.call('tours.save', {
    ...emptyTourInput(),
    voucher: 'DE-1',
    country: 'DEU',
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
  });
  const subjects: Subject[] = [];
  for (const [ru, lat, first, gender] of [
    ['Смирнова', 'SMIRNOVA', 'OLGA', 'F'],
    ['Смирнов', 'SMIRNOV', 'IGOR', 'M'],
  ] as const) {
    const { tourist } = await t.call('tourists.save', {
      tourId: tour.id,
      tourist: {
        ...emptyTouristFields(),
        lastNameRu: ru,
        passportLastNameLat: lat,
        passportFirstNameLat: first,
        gender,
        clientId: null,
        serviceIds: [],
      },
    });
    subjects.push({ kind: 'tourist', id: tourist.id });
  }
  return subjects;
}

/** A consulate-style AcroForm, made here with pdf-lib: numbered text fields and tick boxes. */
async function consulatePdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const form = doc.getForm();
  const text = (name: string, y: number) =>
    form.createTextField(name).addToPage(page, { x: 50, y, width: 300, height: 18 });
  const box = (name: string, x: number, y: number) =>
    form.createCheckBox(name).addToPage(page, { x, y, width: 12, height: 12 });
  text('1_Surname', 780);
  text('3_First_names', 750);
  box('8_Sex_Male', 50, 720);
  box('8_Sex_Female', 120, 720);
  text('21_Current_occupation', 690);
  text('Remarks', 660);
  return Buffer.from(await doc.save()).toString('base64');
}

/** The smallest Word document docxtemplater opens, with the given paragraph text. */
function wordTemplate(paragraph: string): string {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t xml:space="preserve">${paragraph}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generate({ type: 'base64' });
}

describe('consulate PDF forms', () => {
  it('are listed, mapped by name and number, filled for two tourists, and read back field by field', async () => {
    const subjects = await germanTour();
    await t.call('questionnaire.save', {
      subject: subjects[0]!,
      country: 'DEU',
      fieldKey: 'occupation',
      source: 'врач',
    });
    const added = await t.call('templates.add', {
      country: 'DEU',
      fileName: 'antrag.pdf',
      base64: await consulatePdf(),
    });
    expect(added.kind).toBe('pdf');
    expect(added.fields.map((f) => f.name)).toEqual([
      '1_Surname',
      '3_First_names',
      '8_Sex_Male',
      '8_Sex_Female',
      '21_Current_occupation',
      'Remarks',
    ]);
    const suggested = new Map(added.mapping.map((m) => [m.field, [m.key, m.code]]));
    expect(suggested.get('1_Surname')).toEqual(['surname', null]);
    expect(suggested.get('3_First_names')).toEqual(['first_names', null]);
    expect(suggested.get('8_Sex_Female')).toEqual(['sex', 'F']);
    expect(suggested.get('8_Sex_Male')).toEqual(['sex', 'M']);
    expect(suggested.get('21_Current_occupation')).toEqual(['occupation', null]);
    expect(suggested.has('Remarks')).toBe(false);

    // The clerk maps what nothing explained, and keeps the filled form fillable to read it back.
    const mapped = await t.call('templates.saveMapping', {
      id: added.id,
      version: added.version,
      mapping: [...added.mapping, { field: 'Remarks', key: 'main_destination', code: null, option: null }],
      flatten: false,
    });
    expect((await t.call('templates.list', { country: 'DEU' }))[0]).toEqual(mapped);

    const { files } = await t.call('templates.fill', { id: added.id, subjects });
    expect(files.map((f) => f.fileName)).toEqual(['antrag SMIRNOVA OLGA.pdf', 'antrag SMIRNOV IGOR.pdf']);
    const read = async (base64: string) => (await PDFDocument.load(Buffer.from(base64, 'base64'))).getForm();
    const olga = await read(files[0]!.base64);
    const igor = await read(files[1]!.base64);
    expect(olga.getTextField('1_Surname').getText()).toBe('SMIRNOVA');
    expect(olga.getTextField('3_First_names').getText()).toBe('OLGA');
    expect(olga.getTextField('21_Current_occupation').getText()).toBe('doctor');
    expect(olga.getTextField('Remarks').getText()).toBe('Germany');
    expect(olga.getCheckBox('8_Sex_Female').isChecked()).toBe(true);
    expect(olga.getCheckBox('8_Sex_Male').isChecked()).toBe(false);
    expect(igor.getTextField('1_Surname').getText()).toBe('SMIRNOV');
    expect(igor.getTextField('21_Current_occupation').getText() ?? '').toBe('');
    expect(igor.getCheckBox('8_Sex_Male').isChecked()).toBe(true);

    // Flattened, the values become page content and no field is left.
    await t.call('templates.saveMapping', { ...mapped, version: mapped.version, flatten: true });
    const flat = await t.call('templates.fill', { id: added.id, subjects: [subjects[0]!] });
    expect((await read(flat.files[0]!.base64)).getFields()).toHaveLength(0);
  });

  it('print Cyrillic answers in the embedded font, read back with pdftotext, and refuse what it lacks', async () => {
    const subjects = await germanTour();
    await t.call('questionnaire.save', {
      subject: subjects[0]!,
      country: 'DEU',
      fieldKey: 'occupation',
      source: 'дегустатор',
    });
    // A consulate that asks for the address as in the Russian passport: the clerk's own value.
    const address = 'г. Москва, ул. Ленина, д. 5, кв. 12';
    await t.call('questionnaire.save', {
      subject: subjects[0]!,
      country: 'DEU',
      fieldKey: 'home_address',
      source: address,
      value: address,
      accept: true,
    });
    const added = await t.call('templates.add', {
      country: 'DEU',
      fileName: 'antrag.pdf',
      base64: await consulatePdf(),
    });
    const mapping = [...added.mapping, { field: 'Remarks', key: 'home_address', code: null, option: null }];
    const printed = async (flatten: boolean) => {
      const current = (await t.call('templates.list', { country: 'DEU' }))[0]!;
      await t.call('templates.saveMapping', { id: added.id, version: current.version, mapping, flatten });
      const { files } = await t.call('templates.fill', { id: added.id, subjects: [subjects[0]!] });
      const file = join(dirname(t.dbPath), `olga-${flatten}.pdf`);
      writeFileSync(file, Buffer.from(files[0]!.base64, 'base64'));
      return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), file };
    };
    for (const flatten of [true, false]) {
      const { text, file } = await printed(flatten);
      expect(text).toContain('SMIRNOVA');
      expect(text).toContain('дегустатор');
      expect(text).toContain(address);
      // Embedded (pdffonts' emb column), and a subset: the file is far smaller than the 750 KB font.
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
        /^DejaVuSans\S* +CID TrueType +Identity-H +yes /m,
      );
      expect(statSync(file).size).toBeLessThan(60_000);
    }

    await t.call('questionnaire.save', {
      subject: subjects[0]!,
      country: 'DEU',
      fieldKey: 'occupation',
      source: '茶道家',
    });
    const error = await t.callError('templates.fill', { id: added.id, subjects: [subjects[0]!] });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: '21_Current_occupation', code: 'pdfFontCharacters', params: { character: '茶' } }],
    });
    const notAForm = await t.callError('templates.add', {
      country: 'DEU',
      fileName: 'x.pdf',
      base64: Buffer.from(await (await PDFDocument.create()).save()).toString('base64'),
    });
    expect(notAForm.issues?.[0]?.code).toBe('noFormFields');
  });
});

describe('Word templates', () => {
  it('fill their {placeholders} per tourist, ticks as X, read back with mammoth', async () => {
    const subjects = await germanTour();
    const added = await t.call('templates.add', {
      country: 'DEU',
      fileName: 'anketa.docx',
      base64: wordTemplate(
        'Surname: {surname}; Given: {first_names}; F [{sex_F}] M [{sex_M}]; Hotel: {host_name}',
      ),
    });
    expect(added.kind).toBe('docx');
    expect(added.fields.map((f) => f.name)).toEqual([
      'surname',
      'first_names',
      'sex_F',
      'sex_M',
      'host_name',
    ]);
    const { files } = await t.call('templates.fill', { id: added.id, subjects });
    const text = async (base64: string) =>
      (await mammoth.extractRawText({ buffer: Buffer.from(base64, 'base64') })).value.trim();
    expect(await text(files[0]!.base64)).toBe('Surname: SMIRNOVA; Given: OLGA; F [X] M []; Hotel:');
    expect(await text(files[1]!.base64)).toBe('Surname: SMIRNOV; Given: IGOR; F [] M [X]; Hotel:');
    expect(files[1]!.fileName).toBe('anketa SMIRNOV IGOR.docx');

    expect(await t.call('templates.delete', { id: added.id })).toEqual({ id: added.id });
    expect(await t.call('templates.list', { country: 'DEU' })).toEqual([]);
    expect((await t.callError('templates.fill', { id: added.id, subjects })).code).toBe('NOT_FOUND');
  });
});
