import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseSpeeds, PDFDocument, PDFTextField } from '@cantoo/pdf-lib';
import { createBackend, type Backend } from '../electron/backend';
import { embedFormFont } from '../electron/backend/consulate-forms/form-font';
import { WARM_UP_ROUNDS, warmUpRounds } from '../electron/backend/consulate-forms/warm-up';
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

type Run = { ms: number; cpuMs: number };
interface Figures {
  fields: number;
  /** The print dialog's check (templates.check) and the background warm-up it starts. */
  check: Run | null;
  warmUp: Run | null;
  first: Run;
  raw: Run;
  warm: Run;
  answersMs: number;
}

/**
 * One process's figures. `cold`: the clerk's Fill is the first thing pdf-lib does in the process.
 * `warmed`: the print dialog checked the form first (as it does when it opens), and the background
 * warm-up it started finished before the clerk pressed Fill.
 */
async function measure(mode: 'cold' | 'warmed'): Promise<Figures> {
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
    let check: Run | null = null;
    let warmUp: Run | null = null;
    if (mode === 'warmed') {
      check = await timed(() => call(backend, 'templates.check', { id: template.id, subjects }));
      warmUp = await timed(async () => {
        while (warmUpRounds() < WARM_UP_ROUNDS) await new Promise((resolve) => setTimeout(resolve, 5));
      });
    }
    const fill = () => call<{ files: unknown[] }>(backend, 'templates.fill', { id: template.id, subjects });
    const first = await timed(fill);
    if (first.value.files.length !== TOURISTS) throw new Error('not every tourist got a PDF');
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
    const warm = await timed(fill);
    const run = ({ ms, cpuMs }: Run): Run => ({ ms, cpuMs });
    return {
      fields: keys.length + 2,
      check: check && run(check),
      warmUp: warmUp && run(warmUp),
      first: run(first),
      raw: run(raw),
      warm: run(warm),
      answersMs: answers.ms,
    };
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const tsxCli = createRequire(__filename).resolve('tsx/cli');

function inOwnProcess(mode: 'cold' | 'warmed'): Figures {
  const run = spawnSync(process.execPath, [tsxCli, __filename, '--child', mode], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the ${mode} run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Figures;
}

/**
 * Issue 16's figure: 40 tourists' consulate PDFs filled (answers resolved, every field set and
 * fitted, flattened, saved), each case in a fresh process because only a process's first print is
 * cold: the Fill as the first thing pdf-lib does, the Fill after the print dialog's check and its
 * background warm-up, the same Fill warm, and a raw pdf-lib fill of the same file beside them.
 */
export async function benchConsulateForms(): Promise<void> {
  const cold = inOwnProcess('cold');
  const warmed = inOwnProcess('warmed');
  const cpu = (run: Run) => `(CPU ${run.cpuMs.toFixed(0)} ms)`;
  const label = `Consulate PDF (${cold.fields} fields) filled for ${TOURISTS} tourists`;
  printRow(label, warmed.first.ms, BUDGET_MS);
  console.log(`  first print after the print dialog's warm-up ${cpu(warmed.first)}`);
  printRow(`  first print in a cold process (no warm-up)`, cold.first.ms, BUDGET_MS);
  console.log(`  ${cpu(cold.first)}`);
  printRow(`  the app again, warm`, warmed.warm.ms, BUDGET_MS);
  console.log(`  ${cpu(warmed.warm)}; in the cold process ${cold.warm.ms.toFixed(0)} ms ${cpu(cold.warm)}`);
  printRow(`  raw pdf-lib fill of the same file, ${TOURISTS} times`, warmed.raw.ms, null);
  console.log(`  same font and options, fixed values ${cpu(warmed.raw)}`);
  if (warmed.check && warmed.warmUp) {
    printRow(`  print dialog's check of ${TOURISTS} tourists (templates.check)`, warmed.check.ms, null);
    printRow(`  background warm-up, ${WARM_UP_ROUNDS} fills, after the check`, warmed.warmUp.ms, null);
    console.log(`  ${cpu(warmed.warmUp)}`);
  }
  printRow(`  of which the ${TOURISTS} tourists' answers (questionnaire.print)`, warmed.answersMs, null);
  const ratio = (a: Run, b: Run) => (a.ms / b.ms).toFixed(2);
  console.log(
    `  ratio app / raw: first after warm-up ${ratio(warmed.first, warmed.raw)}, cold first ${ratio(cold.first, cold.raw)}, warm ${ratio(warmed.warm, warmed.raw)}`,
  );
}

if (process.argv[2] === '--child') {
  void measure(process.argv[3] === 'warmed' ? 'warmed' : 'cold').then((figures) =>
    console.log(JSON.stringify(figures)),
  );
} else if (process.argv[1]?.endsWith('consulate-forms.ts')) void benchConsulateForms();
