import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Download, Page } from '@playwright/test';
import { emptyTouristFields } from '../../shared/domain/tour';
import { expect, test, type AppServer } from './fixtures';

/** Issue 16: a tour's questionnaires printed as the official forms, read back from the PDF. */

const DOCS = join(__dirname, '..', '..', 'docs', 'forms');

// Each test prints eight A4 pages and reads them back twice over; give a busy machine the time.
test.slow();

async function seedTour(app: AppServer, country: string, voucher: string) {
  const tour = (await app.api('tours.save', {
    voucher,
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
    country,
    resort: '',
    hotel: 'Hotel Artemide',
    status: 'booked',
    priceMinor: 0,
    costMinor: 0,
    currency: 'RUB',
    notes: '',
    services: [],
  })) as { id: number };
  const ids: number[] = [];
  for (const t of [
    ['Смирнова', 'Ольга', 'SMIRNOVA', 'OLGA', 'F', '1984-02-11', '7511111'],
    ['Смирнов', 'Игорь', 'SMIRNOV', 'IGOR', 'M', '1980-09-03', '7522222'],
  ] as const) {
    const saved = (await app.api('tourists.save', {
      tourId: tour.id,
      tourist: {
        ...emptyTouristFields(),
        citizenship: 'RUS',
        clientId: null,
        serviceIds: [],
        lastNameRu: t[0],
        firstNameRu: t[1],
        passportLastNameLat: t[2],
        passportFirstNameLat: t[3],
        gender: t[4],
        birthDate: t[5],
        passportSeries: '75',
        passportNumber: t[6],
        passportIssueDate: '2021-02-01',
        passportExpiry: '2031-02-01',
      },
    })) as { tourist: { id: number } };
    ids.push(saved.tourist.id);
  }
  return ids;
}

async function answer(app: AppServer, id: number, country: string, fieldKey: string, source: string) {
  await app.api('questionnaire.save', { subject: { kind: 'tourist', id }, country, fieldKey, source });
}

async function openPrint(page: Page, voucher: string) {
  await page.getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText(voucher).dblclick();
  await page.getByRole('button', { name: 'Анкеты…' }).click();
  const screen = page.getByRole('dialog', { name: 'Анкета' });
  await screen.getByRole('button', { name: 'Печать…' }).click();
  const print = page.getByRole('dialog', { name: 'Печать анкет' });
  await expect(print.getByLabel('Всех туристов тура (2)')).toBeChecked();
  return print;
}

/** The page as the print stylesheet shows it, as a PDF, its text, and its pages as PNGs in docs/forms. */
async function printed(page: Page, name: string): Promise<{ text: string; raw: string; pages: number }> {
  // The sheets arrive after the dialog's controls; printing before them gave one blank page (Japan, loaded).
  await expect(page.locator('#print-root .print-sheet')).toHaveCount(2);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-forms-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const raw = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  mkdirSync(DOCS, { recursive: true });
  // The first person's pages, for looking at beside the official form.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', file, join(DOCS, name)]);
  // Lines wrap where the layout wraps them: the wording is compared with single spaces.
  return { text: raw.replace(/\s+/g, ' '), raw, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

test('Italy: a tour printed in the 34-field layout of Regulation 2023/2667, with both cost columns, declarations and signature', async ({
  app,
  openApp,
  page,
}) => {
  const [olga, igor] = await seedTour(app, 'ITA', 'IT-34');
  await answer(app, olga!, 'ITA', 'occupation', 'врач');
  await answer(app, olga!, 'ITA', 'cost_applicant_means', 'cash,credit_card');
  await answer(app, igor!, 'ITA', 'cost_sponsor', 'referred');
  await answer(app, igor!, 'ITA', 'cost_sponsor_means', 'accommodation_provided');
  await answer(app, igor!, 'ITA', 'eu_family_member', 'no');
  await openApp();
  const print = await openPrint(page, 'IT-34');
  await expect(print.getByLabel('Официальный бланк')).toBeChecked();
  const { text, pages } = await printed(page, 'schengen-2023-en');
  expect(pages).toBe(8);
  for (const wording of [
    'Application for Schengen Visa',
    'This application form is free',
    'FOR OFFICIAL USE ONLY',
    'fields no. 21, 22, 31, 32 and 33 (marked with *)',
    'Number of the visa, if known',
    'by the applicant himself/herself',
    'by a sponsor (host, company, organisation)',
    'referred to in field 31 or 32',
    "Traveller's cheques",
    'Accommodation provided',
    'All expenses covered during the stay',
    'I am aware that the visa fee is not refunded',
    'Visa Information System (VIS)',
    'I declare that to the best of my knowledge',
    'Place and date',
    'Signature (signature of parental authority/legal guardian, if applicable)',
    'Other',
  ])
    expect(text, wording).toContain(wording);
  expect(text).toMatch(/34\.\s+Surname and first name of the person filling in/);
  expect(text).toMatch(/\*33\.\s+Cost of travelling/);
  for (const n of [1, 2, 3, 4]) expect(text).toContain(`${n}/4`);
  const [first, second] = text.split('Harmonised application form').slice(1);
  expect(first).toContain('SMIRNOVA');
  expect(first).toContain('doctor');
  expect(first).not.toContain('IGOR');
  expect(second).toContain('SMIRNOV');
  expect(second).not.toContain('doctor');
  for (const absent of ['врач', 'Печать анкет', 'Незаполненные']) expect(text).not.toContain(absent);

  // As on the official pages, the boxes of a row touch and share one height (13-16 on page 1).
  await page.emulateMedia({ media: 'print' });
  const boxes = await page
    .locator('#print-root .form-boxes')
    .filter({ hasText: 'Date of issue' })
    .first()
    .locator(':scope > .form-field')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  await page.emulateMedia({ media: null });
  expect(boxes).toHaveLength(4);
  for (const [a, b] of boxes.slice(1).map((box, i) => [boxes[i]!, box] as const)) {
    expect(Math.abs(b.left - a.right)).toBeLessThan(1.5);
    expect(b.top).toBeCloseTo(a.top, 0);
    expect(b.height).toBeCloseTo(a.height, 0);
  }
});

test('Germany prints the 33-field form of Regulation 2019/1155', async ({ app, openApp, page }) => {
  const [olga] = await seedTour(app, 'DEU', 'DE-33');
  // Too long for the narrow address box of the consulate's PDF below, even at 6 pt.
  const address =
    'г. Москва, Ленинградский проспект, д. 37, корп. 9, кв. 118, подъезд 4, этаж 12, индекс 125167, ' +
    'e-mail: olga.smirnova.1984@example-mail.ru, тел. +7 916 123-45-67';
  await app.api('questionnaire.save', {
    subject: { kind: 'tourist', id: olga },
    country: 'DEU',
    fieldKey: 'home_address',
    source: address,
    value: address,
    accept: true,
  });
  await openApp();
  const print = await openPrint(page, 'DE-33');
  // Germany takes applications online (VIDEX) too; the official form is one click away.
  await print.getByLabel('Официальный бланк').check();
  const german = await printed(page, 'schengen-2019-en');
  expect(german.pages).toBe(8);
  expect(german.text).toContain('fields no. 21, 22, 30, 31 and 32 (marked with *)');
  expect(german.text).toMatch(/33\.\s+Surname and first name of the person filling in/);
  expect(german.text).toMatch(/\*32\.\s+Cost of travelling/);
  expect(german.text).not.toContain('Number of the visa, if known');
  expect(german.text).toContain('Visa sticker number, if known');
  expect(german.text).toContain('referred to in field 30 or 31');

  // The consulate's own PDF: added, its fields mapped by their names, filled for both tourists.
  const doc = await PDFDocument.create();
  const pdfPage = doc.addPage([595, 842]);
  doc.getForm().createTextField('1_Surname').addToPage(pdfPage, { x: 50, y: 780, width: 300, height: 18 });
  doc
    .getForm()
    .createTextField('3_First_names')
    .addToPage(pdfPage, { x: 50, y: 740, width: 300, height: 18 });
  // Consulates' own forms name their fields like this: long, without a space to break at.
  doc
    .getForm()
    .createTextField('topmostSubform[0].Page1[0].Antragsteller[0].Familienname_bei_der_Geburt[0]')
    .addToPage(pdfPage, { x: 50, y: 700, width: 300, height: 18 });
  const addressBox = doc.getForm().createTextField('19_Home_address');
  addressBox.addToPage(pdfPage, { x: 50, y: 660, width: 200, height: 14 });
  addressBox.setFontSize(10);
  const forms = print.getByRole('region', { name: 'Бланк консульства (PDF или Word)' });
  await forms.locator('input[type=file]').setInputFiles({
    name: 'antrag.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(await doc.save()),
  });
  await expect(forms).toContainText(/сопоставлено полей: \d из 4/);
  // The preview says, before printing, which value the box cannot hold and where it goes whole.
  await expect(
    forms.getByRole('region', { name: 'Длинные значения в полях бланка консульства' }),
  ).toContainText('SMIRNOVA OLGA: 19. Домашний адрес заявителя — в поле начало, целиком на листе-приложении');
  await forms
    .getByRole('region', { name: 'Длинные значения в полях бланка консульства' })
    .screenshot({ path: join(DOCS, 'consulate-form-fit.png') });
  await expect(forms.getByLabel('1_Surname')).toHaveValue('surname');
  // The mapping table stays inside the dialog on a 1366x768 screen, its selects included.
  await page.setViewportSize({ width: 1366, height: 768 });
  const dialogBox = (await print.boundingBox())!;
  for (const part of [forms.locator('.template-mapping table'), forms.getByLabel('1_Surname')]) {
    const box = (await part.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
  }
  expect(await print.locator('.dialog-body').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await forms.getByLabel('1_Surname').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(DOCS, 'consulate-form-mapping.png') });
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await forms.getByRole('button', { name: 'Заполнить для туристов (2)' }).click();
  await expect
    .poll(() => downloads.map((d) => d.suggestedFilename()).sort())
    .toEqual(['antrag SMIRNOV IGOR.pdf', 'antrag SMIRNOVA OLGA.pdf']);
  // Olga's printed form holds her whole address: begun in its box, all of it on the annex page.
  const olgaPdf = await downloads.find((d) => d.suggestedFilename() === 'antrag SMIRNOVA OLGA.pdf')!.path();
  const olgaText = execFileSync('pdftotext', [olgaPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(olgaText).toContain('… → annex 1');
  expect(olgaText).toContain(address);
});

test('France: the online-form worksheet with copy buttons first, and the bilingual English/French form', async ({
  app,
  openApp,
  page,
}) => {
  const [olga] = await seedTour(app, 'FRA', 'FR-33');
  await answer(app, olga!, 'FRA', 'cost_applicant_means', 'cash');
  await openApp();
  const print = await openPrint(page, 'FR-33');
  // France applies online (France-Visas): the worksheet to type from comes first, a copy button per answer.
  await expect(print.getByLabel('Для онлайн-анкеты')).toBeChecked();
  await expect(print.getByRole('button', { name: 'Копировать: Nom (nom de famille)' }).first()).toBeVisible();
  // The portal's own screen order is not on record: the sheet says it keeps the official form's.
  await expect(print.locator('.online-sheet').first()).toContainText(
    'Поля идут в порядке официального бланка (по номерам), а не экранов онлайн-анкеты',
  );
  await print.getByLabel('Официальный бланк').check();
  const french = await printed(page, 'schengen-2019-fr');
  for (const wording of [
    'Demande de visa Schengen',
    'Ce formulaire est gratuit',
    'Moyens de subsistance',
    'par vous-même',
    'par un garant',
    'visé dans la case 30 ou 31',
    // Field 31's telephone as a German consulate's bilingual copy prints it (docs/forms/wording.md).
    "N° de téléphone de l'entreprise",
    // Field 30's address and 33's person as a Swiss consulate's bilingual copy words them.
    "de l'hôtel ou des hôtels",
    "si elle n'est pas le demandeur",
    'Argent liquide',
    'Je déclare',
    'Lieu et date',
    'I declare that to the best of my knowledge',
  ])
    expect(french.text, wording).toContain(wording);
});

test("Japan prints the Ministry's form without item numbers and with N/A in the items that do not apply", async ({
  app,
  openApp,
  page,
}) => {
  await seedTour(app, 'JPN', 'JP-1');
  await openApp();
  await openPrint(page, 'JP-1');
  const { text, raw } = await printed(page, 'japan-en');
  expect(text).toContain('VISA APPLICATION FORM TO ENTER JAPAN');
  expect(text).toContain('I hereby declare that the statement given above is true and correct');
  expect(text).toMatch(/Other names \(including any other names you are or have been known by\)\s+N\/A/);
  expect(raw).not.toMatch(/^\s*\d+\.?\s+Surname/m);
  expect(text).toContain('SMIRNOVA');
});
