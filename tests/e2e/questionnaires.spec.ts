import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { emptyTouristFields } from '../../shared/domain/tour';
import { expect, test, type AppServer } from './fixtures';

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

test('printing all tourists of a tour lists the empty required fields and gives a PDF with the translated values', async ({
  app,
  openApp,
  page,
}) => {
  await seedFrenchTour(app);
  await openApp();
  const screen = await openQuestionnaire(page);
  await answer(screen, 'Профессиональная деятельность в настоящее время', 'Врач', 'Médecin');

  await screen.getByRole('button', { name: 'Печать…' }).click();
  const print = page.getByRole('dialog', { name: 'Печать анкет' });
  await expect(print.getByLabel('Всех туристов тура (2)')).toBeChecked();
  const missing = print.getByRole('region', { name: 'Незаполненные обязательные поля' });
  await expect(missing).toContainText('ЩУКИН П.: 5 Место рождения; 6 Страна рождения');
  await expect(missing).toContainText('21 Профессиональная деятельность в настоящее время');
  await expect(missing.getByRole('listitem').first()).not.toContainText('21 Профессиональная');

  // Browser mode prints through the browser; the PDF is what Chromium makes of the print stylesheet.
  await page.evaluate(() => (window.print = () => undefined));
  await print.getByRole('button', { name: 'Печать / PDF' }).click();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-pdf-'));
  const file = join(dir, 'questionnaires.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeGreaterThanOrEqual(2);

  expect(text).toContain('Demande de visa Schengen');
  expect(text).toMatch(/Nom \(nom de famille\)\s+SHCHUKINA/);
  expect(text).toMatch(/Prénom\(s\) \(Nom\(s\) usuel\(s\)\)\s+IULIIA/);
  expect(text).toMatch(/Nom \(nom de famille\)\s+SHCHUKIN\b/);
  expect(text).toMatch(/Profession actuelle\s+Médecin/);
  expect(text).toContain('Russie');
  expect(text).toContain('12.03.1985');
  expect(text).toContain('757654321');
  expect(text).toContain('Hôtel Lutetia');
  expect(text).not.toContain('Главный');
});
