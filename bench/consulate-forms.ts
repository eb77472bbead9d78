import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseSpeeds, PDFDocument, PDFTextField } from '@cantoo/pdf-lib';
import { createBackend, type Backend } from '../electron/backend';
import { embedFormFont } from '../electron/backend/consulate-forms/form-font';
import { emptyTourInput, emptyTouristFields } from '../shared/domain/tour';
import { printRow, time } from './report';

const TOURISTS = 40;
const SURNAMES_RU = ['Мария', 'Анна', 'Ольга', 'Елена', 'Ирина', 'Наталья', 'Татьяна', 'Светлана'];
const BUDGET_MS = 5000;
const ADDRESS_RU = 'г. Москва, ул. Ленина, д. 5, кв. ';

/** Wall time and the process's CPU time of one run: on a shared machine the two differ a lot. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const { ms, value } = await time(run);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const envelope = await backend.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** A consulate-like AcroForm: four pages, a text field per questionnaire field and the sex boxes. */
async function consulatePdf(keys: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const form = doc.getForm();
  keys.forEach((key, i) => {
    const page = i % 20 === 0 ? doc.addPage([595, 842]) : doc.getPage(doc.getPageCount() - 1);
    form.createTextField(key).addToPage(page, { x: 60, y: 800 - (i % 20) * 38, width: 470, height: 18 });
  });
  const last = doc.getPage(doc.getPageCount() - 1);
  form.createCheckBox('8_Sex_Male').addToPage(last, { x: 60, y: 30, width: 12, height: 12 });
  form.createCheckBox('8_Sex_Female').addToPage(last, { x: 120, y: 30, width: 12, height: 12 });
  return doc.save();
}

/**
 * Issue 16's figure: 40 tourists' consulate PDFs filled (answers resolved, every field set,
 * flattened, saved) beside a raw pdf-lib fill of the same file with fixed values.
 */
export async function benchConsulateForms(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-forms-'));
  const backend = await createBackend({
    dbPath: join(dir, 'forms.sqlite'),
    backupEveryMinutes: null,
    logger: { error: (m) => console.error(m) },
  });
  try {
    const tour = await call<{ id: number }>(backend, 'tours.save', {
      ...emptyTourInput(),
      voucher: 'BENCH-DE-40',
      country: 'DEU',
      arrivalDate: '2027-05-01',
      departureDate: '2027-05-10',
      hotel: 'Hotel Adlon',
    });
    const subjects: { kind: 'tourist'; id: number }[] = [];
    for (let i = 0; i < TOURISTS; i++) {
      const { tourist } = await call<{ tourist: { id: number } }>(backend, 'tourists.save', {
        tourId: tour.id,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu: 'Иванова',
          passportLastNameLat: 'IVANOVA',
          firstNameRu: SURNAMES_RU[i % SURNAMES_RU.length]!,
          passportFirstNameLat: 'MARIA',
          gender: 'F',
          birthDate: '1980-01-01',
          passportSeries: '75',
          passportNumber: String(1000000 + i),
          clientId: null,
          serviceIds: [],
        },
      });
      subjects.push({ kind: 'tourist' as const, id: tourist.id });
      // Each PDF carries Cyrillic too, so the embedded font's subset is part of the figure.
      const address = `${ADDRESS_RU}${i + 1}`;
      await call(backend, 'questionnaire.save', {
        subject: subjects[i],
        country: 'DEU',
        fieldKey: 'home_address',
        source: address,
        value: address,
        accept: true,
      });
    }
    const form = await call<{ fields: { key: string; type: string }[] }>(backend, 'forms.get', {
      id: (await call<{ id: number; key: string }[]>(backend, 'forms.list', {})).find(
        (f) => f.key === 'schengen_2019',
      )!.id,
    });
    const keys = form.fields.filter((f) => f.type === 'text' || f.type === 'date').map((f) => f.key);
    const pdf = await consulatePdf(keys);
    const template = await call<{ id: number; version: number }>(backend, 'templates.add', {
      country: 'DEU',
      fileName: 'antrag.pdf',
      base64: Buffer.from(pdf).toString('base64'),
    });
    await call(backend, 'templates.saveMapping', {
      id: template.id,
      version: template.version,
      mapping: [
        ...keys.map((key) => ({ field: key, key, code: null, option: null })),
        { field: '8_Sex_Male', key: 'sex', code: 'M', option: null },
        { field: '8_Sex_Female', key: 'sex', code: 'F', option: null },
      ],
      flatten: true,
    });
    const answers = await time(() => call(backend, 'questionnaire.print', { subjects, country: 'DEU' }));
    const fill = () => call<{ files: unknown[] }>(backend, 'templates.fill', { id: template.id, subjects });
    // The clerk's first print in this process: pdf-lib and fontkit are not yet warm, the font not parsed.
    const app = await timed(fill);
    if (app.value.files.length !== TOURISTS) throw new Error('not every tourist got a PDF');
    // pdf-lib called directly on the same file, with the same font and options, fixed values.
    const raw = await timed(async () => {
      for (let i = 0; i < TOURISTS; i++) {
        const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
        const font = await embedFormFont(doc);
        const acro = doc.getForm();
        for (const field of acro.getFields())
          if (field instanceof PDFTextField) field.setText(`VALUE ${i} ${ADDRESS_RU}${i + 1}`);
        acro.getCheckBox('8_Sex_Female').check();
        acro.updateFieldAppearances(font);
        acro.flatten({ updateFieldAppearances: false });
        await doc.save({ objectsPerTick: Infinity, updateFieldAppearances: false });
      }
    });
    const again = await timed(fill);
    const cpu = (run: { cpuMs: number }) => `(CPU ${run.cpuMs.toFixed(0)} ms)`;
    printRow(`Consulate PDF (${keys.length + 2} fields) filled for ${TOURISTS} tourists`, app.ms, BUDGET_MS);
    console.log(`  first print in the process ${cpu(app)}`);
    printRow(`  raw pdf-lib fill of the same file, ${TOURISTS} times`, raw.ms, null);
    console.log(`  same font and options, fixed values ${cpu(raw)}`);
    printRow(`  the app again, warm`, again.ms, BUDGET_MS);
    console.log(`  ${cpu(again)}`);
    printRow(`  of which the ${TOURISTS} tourists' answers (questionnaire.print)`, answers.ms, null);
    console.log(
      `  ratio app / raw: first ${(app.ms / raw.ms).toFixed(2)}, warm ${(again.ms / raw.ms).toFixed(2)}`,
    );
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('consulate-forms.ts')) void benchConsulateForms();
