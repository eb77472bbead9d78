import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { emptyTouristFields } from '../../shared/domain/tour';
import { expect, test, type AppServer } from './fixtures';
import { answerUnsaved, unsavedPrompt } from './forms-helpers';

/** A French tour with two tourists whose passport spellings differ from the booking's. */
async function seedFrenchTour(app: AppServer) {
  const tour = (await app.api('tours.save', {
    voucher: 'FR-777',
    arrivalDate: '2027-05-01',
    departureDate: '2027-05-10',
    country: 'FRA',
    resort: 'Paris',
    hotel: 'Hôtel Lutetia',
    status: 'booked',
    priceMinor: 0,
    costMinor: 0,
    currency: 'RUB',
    notes: '',
    services: [],
  })) as { id: number };
  for (const t of [
    {
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      lastNameLat: 'SCHUKINA',
      firstNameLat: 'YULIA',
      passportLastNameLat: 'SHCHUKINA',
      passportFirstNameLat: 'IULIIA',
      gender: 'F',
      birthDate: '1985-03-12',
      passportNumber: '7512345',
      passportSeries: '75',
      passportIssueDate: '2021-02-01',
      passportExpiry: '2031-02-01',
    },
    {
      lastNameRu: 'Щукин',
      firstNameRu: 'Пётр',
      lastNameLat: 'SCHUKIN',
      firstNameLat: 'PETR',
      passportLastNameLat: 'SHCHUKIN',
      passportFirstNameLat: 'PETR',
      gender: 'M',
      birthDate: '1983-07-30',
      passportNumber: '7654321',
      passportSeries: '75',
      passportIssueDate: '2022-04-05',
      passportExpiry: '2032-04-05',
    },
  ])
    await app.api('tourists.save', {
      tourId: tour.id,
      tourist: { ...emptyTouristFields(), citizenship: 'RUS', clientId: null, serviceIds: [], ...t },
    });
}

/** Types an answer in Russian, leaves the field, and waits for what will be printed. */
async function answer(screen: Locator, field: string, russian: string, printed: string) {
  const input = screen.getByRole('textbox', { name: field, exact: true });
  await input.fill(russian);
  await input.press('Tab');
  await expect(screen.getByLabel(`${field}: перевод`)).toHaveValue(printed);
}

async function openQuestionnaire(page: Page) {
  await page.getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText('FR-777').dblclick();
  await page.getByRole('button', { name: 'Анкеты…' }).click();
  const screen = page.getByRole('dialog', { name: 'Анкета' });
  await expect(screen.getByRole('heading')).toContainText('ЩУКИНА Ю.');
  await expect(screen.getByLabel('Страна', { exact: true })).toHaveValue('FRA');
  return screen;
}

test('a France questionnaire filled in Russian shows French values; an unknown word goes into the dictionary', async ({
  app,
  openApp,
  page,
}) => {
  await seedFrenchTour(app);
  await openApp();
  const screen = await openQuestionnaire(page);

  // Pre-filled from the passport (as printed) and the tour.
  await expect(screen.getByRole('textbox', { name: 'Фамилия', exact: true })).toHaveValue('SHCHUKINA');
  await expect(screen.getByLabel('Гражданство в настоящее время: перевод')).toHaveValue('Russie');

  // R12: dictionary translation when the field is left.
  await answer(
    screen,
    'Профессиональная деятельность в настоящее время',
    'Главный бухгалтер',
    'Chef comptable',
  );

  // R13: a choice field is a drop-down; its French label is what will be printed.
  await screen
    .getByRole('combobox', { name: 'Семейное положение', exact: true })
    .selectOption({ label: 'Женат / замужем' });
  const civilStatus = screen.locator('tr', {
    has: page.getByRole('combobox', { name: 'Семейное положение', exact: true }),
  });
  await expect(civilStatus).toContainText('Marié(e)');

  // An unknown word opens the dictionary dialog pre-filled with it; the translation is used at once.
  const details = screen.getByRole('textbox', {
    name: 'Дополнительные сведения о цели поездки',
    exact: true,
  });
  await details.fill('Туризм, дегустация вин');
  await details.press('Tab');
  const word = page.getByRole('dialog', { name: 'Новое слово в словаре' });
  await expect(word.getByLabel('По-русски')).toHaveValue('дегустация');
  await word.getByLabel('По-русски').fill('дегустация вин');
  await word.getByLabel('По-английски').fill('wine tasting');
  await word.getByLabel('По-французски').fill('dégustation de vins');
  await word.getByRole('button', { name: 'Сохранить' }).click();
  await expect(word).toBeHidden();
  await expect(screen.getByLabel('Дополнительные сведения о цели поездки: перевод')).toHaveValue(
    'Tourisme, dégustation de vins',
  );
  const entries = (await app.api('dictionary.list', { search: 'дегустация' })) as { rows: { fr: string }[] };
  expect(entries.rows.map((r) => r.fr)).toEqual(['dégustation de vins']);

  // "Copy information to..." the other tourist: the occupation follows, his own passport name stays.
  await screen.getByRole('button', { name: 'Копировать информацию в…' }).click();
  const copy = page.getByRole('dialog', { name: 'Копировать информацию в другие анкеты' });
  await copy.getByLabel('Щукин Пётр').check();
  await copy.getByRole('button', { name: 'Копировать', exact: true }).click();
  await expect(page.getByText('Скопировано ответов: 3')).toBeVisible();
  await screen.getByRole('button', { name: 'Щукин Пётр' }).click();
  await expect(screen.getByRole('heading')).toContainText('ЩУКИН П.');
  await expect(screen.getByLabel('Профессиональная деятельность в настоящее время: перевод')).toHaveValue(
    'Chef comptable',
  );
  await expect(screen.getByRole('textbox', { name: 'Фамилия', exact: true })).toHaveValue('SHCHUKIN');
});

/** What the print root held at the moment the page called window.print(). */
interface PrintSnapshot {
  /** Whether the print stylesheet hides the app and shows the print root (body.printing). */
  printing: boolean;
  sheets: { person: string; rows: string[][] }[];
}
interface PrintLog {
  calls: PrintSnapshot[];
  /** The browser's afterprint events: the print that the call started has finished. */
  finished: number;
}
type PrintRecorder = Window & {
  recordPrint: (snapshot: PrintSnapshot) => Promise<void>;
  recordAfterPrint: () => Promise<void>;
};

/**
 * Wraps the page's real window.print before the app loads: each call first records what the print
 * root holds, then prints as before. Nothing is stubbed, so only the app's own call is seen.
 */
async function observePrint(page: Page): Promise<PrintLog> {
  const log: PrintLog = { calls: [], finished: 0 };
  await page.exposeFunction('recordPrint', (snapshot: PrintSnapshot) => {
    log.calls.push(snapshot);
  });
  await page.exposeFunction('recordAfterPrint', () => {
    log.finished += 1;
  });
  await page.addInitScript(() => {
    const recorder = window as unknown as PrintRecorder;
    const realPrint = window.print.bind(window);
    window.print = () => {
      const sheets = [...document.querySelectorAll('#print-root .print-sheet')].map((sheet) => ({
        person: sheet.querySelector('.print-person')?.textContent ?? '',
        rows: [...sheet.querySelectorAll('tr')].map((row) =>
          [...row.cells].map((cell) => cell.textContent ?? ''),
        ),
      }));
      void recorder.recordPrint({ printing: document.body.classList.contains('printing'), sheets });
      realPrint();
    };
    window.addEventListener('afterprint', () => void recorder.recordAfterPrint());
  });
  return log;
}

/** The printed value of the row whose (French) label starts with `label`. */
function printedValue(sheet: PrintSnapshot['sheets'][number], label: string): string | undefined {
  return sheet.rows.find((cells) => cells[1]?.startsWith(label))?.[2];
}

test('the Print button prints what it prepared: every tourist of the tour with the translated values', async ({
  app,
  openApp,
  page,
}) => {
  const prints = await observePrint(page);
  await seedFrenchTour(app);
  await openApp();
  const screen = await openQuestionnaire(page);
  // Each tourist gets an answer the other lacks, so a sheet showing the wrong person's answers fails.
  await answer(screen, 'Профессиональная деятельность в настоящее время', 'Врач', 'Médecin');
  await screen.getByRole('button', { name: 'Щукин Пётр' }).click();
  await expect(screen.getByRole('heading')).toContainText('ЩУКИН П.');
  await answer(screen, 'Дополнительные сведения о цели поездки', 'Отдых', 'Vacances');

  await screen.getByRole('button', { name: 'Печать…' }).click();
  const print = page.getByRole('dialog', { name: 'Печать анкет' });
  await expect(print.getByLabel('Всех туристов тура (2)')).toBeChecked();
  const missing = print.getByRole('region', { name: 'Незаполненные обязательные поля' });
  await expect(missing).toContainText('ЩУКИН П.: 5 Место рождения; 6 Страна рождения');
  await expect(missing).toContainText('21 Профессиональная деятельность в настоящее время');
  await expect(missing.getByRole('listitem').first()).not.toContainText('21 Профессиональная');

  expect(prints.calls).toHaveLength(0);
  // France applies online; this test reads the compact worksheet.
  await print.getByLabel('Рабочий лист').check();
  await print.getByRole('button', { name: 'Печать / PDF' }).click();
  await expect.poll(() => prints.calls.length).toBe(1);
  const [printed] = prints.calls;
  expect(printed?.printing).toBe(true);
  expect(printed?.sheets.map((s) => s.person)).toEqual(['SHCHUKINA IULIIA', 'SHCHUKIN PETR']);
  const [julia, petr] = printed?.sheets ?? [];
  if (!julia || !petr) throw new Error('two sheets expected');
  // The form's French labels with the values as the embassy reads them, each person's own.
  expect(printedValue(julia, 'Nom (nom de famille)')).toBe('SHCHUKINA');
  expect(printedValue(julia, 'Prénom(s)')).toBe('IULIIA');
  expect(printedValue(julia, 'Profession actuelle')).toBe('Médecin');
  expect(printedValue(julia, 'Informations complémentaires')).toBe('');
  expect(printedValue(petr, 'Nom (nom de famille)')).toBe('SHCHUKIN');
  expect(printedValue(petr, 'Profession actuelle')).toBe('');
  expect(printedValue(petr, 'Informations complémentaires')).toBe('Vacances');
  expect(printedValue(petr, 'Numéro du document de voyage')).toBe('757654321');
  const snapshotText = JSON.stringify(printed);
  expect(snapshotText).not.toContain('Врач');
  expect(snapshotText).not.toContain('Отдых');

  // What the print stylesheet shows of the same page once that print is over: only the two sheets.
  await expect.poll(() => prints.finished).toBe(1);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-pdf-'));
  const file = join(dir, 'questionnaires.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeGreaterThanOrEqual(2);
  const sheets = text.split('Demande de visa Schengen').slice(1);
  expect(sheets).toHaveLength(2);
  expect(sheets[0]).toContain('SHCHUKINA IULIIA');
  expect(sheets[0]).toMatch(/Profession actuelle\s+Médecin/);
  expect(sheets[0]).not.toContain('Vacances');
  expect(sheets[1]).toContain('SHCHUKIN PETR');
  expect(sheets[1]).toContain('Vacances');
  expect(sheets[1]).not.toContain('Médecin');
  expect(text).toContain('Russie');
  expect(text).toContain('12.03.1985');
  expect(text).toContain('Hôtel Lutetia');
  for (const absent of ['Врач', 'Отдых', 'Печать анкет', 'Незаполненные', 'Постоянные клиенты'])
    expect(text).not.toContain(absent);
});

test('an answer past its 2,000 characters stays as typed, red at its box, and is not saved', async ({
  app,
  openApp,
  page,
}) => {
  await seedFrenchTour(app);
  await openApp();
  const screen = await openQuestionnaire(page);
  const field = 'Профессиональная деятельность в настоящее время';
  const input = screen.getByRole('textbox', { name: field, exact: true });
  const row = screen.locator('tr', { has: page.getByRole('textbox', { name: field, exact: true }) });
  const long = 'бухгалтер '.repeat(200) + 'Я';
  await input.fill(long);
  await input.press('Tab');
  await expect(row.getByTestId('char-counter').first()).toHaveText('2001 / 2000');
  await expect(row.getByRole('alert').first()).toContainText('Не длиннее 2000 знаков');
  await expect(input).toHaveValue(long);
  // Nothing went to the base: the translation box is still empty.
  await expect(screen.getByLabel(`${field}: перевод`)).toHaveValue('');
  // It is still unsaved work: leaving the screen asks.
  await page.keyboard.press('Escape');
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(input).toHaveValue(long);

  await answer(screen, field, 'Главный бухгалтер', 'Chef comptable');
  await expect(row.getByTestId('char-counter')).toHaveCount(0);
});
