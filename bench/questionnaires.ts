import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { createBackend, type Backend } from '../electron/backend';
import { startWebServer } from '../electron/web/server';
import { signIn } from './ui';
import { emptyTourInput, emptyTouristFields } from '../shared/domain/tour';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { touristFromClient } from '../shared/domain/tourist-client';
import { chromiumExecutable } from '../tests/helpers/chromium';
import { printRow, time } from './report';

const TOURISTS = 40;

async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const envelope = await backend.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** A French tour of 40 tourists from the base, each with a few answers typed in Russian. */
async function seedTour(backend: Backend): Promise<number> {
  const tour = await call<{ id: number }>(backend, 'tours.save', {
    ...emptyTourInput(),
    voucher: 'BENCH-FR-40',
    country: 'FRA',
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
    hotel: 'Hôtel Lutetia',
  });
  const clients = generateClients(TOURISTS, 7);
  await backend.clients.insertMany(clients);
  const saved = await call<{ rows: { id: number }[] }>(backend, 'clients.list', { limit: TOURISTS });
  for (const row of saved.rows) {
    const client = await backend.clients.get(row.id);
    const { tourist } = await call<{ tourist: { id: number } }>(backend, 'tourists.save', {
      tourId: tour.id,
      tourist: {
        ...emptyTouristFields(),
        ...touristFromClient(client, { ticketNumber: '' }),
        clientId: client.id,
        serviceIds: [],
      },
    });
    const subject = { kind: 'tourist', id: tourist.id };
    for (const [fieldKey, source] of [
      ['occupation', 'Главный бухгалтер'],
      ['civil_status', 'married'],
      ['purpose', 'tourism,cultural'],
      ['employer', 'ООО Ромашка, Москва, ул. Ленина, 5'],
    ])
      await call(backend, 'questionnaire.save', { subject, country: 'FRA', fieldKey, source });
  }
  return tour.id;
}

/** The budget's figure: 40 questionnaires of a tour from the Print button to the PDF's bytes. */
export async function benchQuestionnaires(rendererDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-q-'));
  const backend = await createBackend({ dbPath: join(dir, 'q.sqlite'), logger: { error: console.error } });
  const server = await startWebServer({ dispatch: backend.dispatch, staticDir: rendererDir });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const tourId = await seedTour(backend);
    const tour = await call<{ tourists: { id: number }[] }>(backend, 'tours.get', { id: tourId });
    const subjects = tour.tourists.map((t) => ({ kind: 'tourist', id: t.id }));
    const { ms: jobMs } = await time(() =>
      call(backend, 'questionnaire.print', { subjects, country: 'FRA' }),
    );
    printRow(`print job of ${TOURISTS} questionnaires (backend: pre-fill, translation)`, jobMs, null);

    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await signIn(server, page.context());
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Туры' }).click();
    await page.getByTestId('tours-table').getByText('BENCH-FR-40').dblclick();
    await page.getByRole('button', { name: 'Анкеты…' }).click();
    await page.getByRole('dialog', { name: 'Анкета' }).getByRole('button', { name: 'Печать…' }).waitFor();
    await page.evaluate(() => (window.print = () => undefined));

    const start = performance.now();
    await page.getByRole('dialog', { name: 'Анкета' }).getByRole('button', { name: 'Печать…' }).click();
    const printButton = page
      .getByRole('dialog', { name: 'Печать анкет' })
      .getByRole('button', { name: 'Печать / PDF' });
    await printButton.and(page.locator(':enabled')).waitFor();
    await printButton.click();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const totalMs = performance.now() - start;
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    printRow(
      `${TOURISTS} questionnaires of a tour to PDF (${pages} pages, ${(pdf.length / 1024).toFixed(0)} KB)`,
      totalMs,
      5000,
    );
  } finally {
    await browser.close();
    await server.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
