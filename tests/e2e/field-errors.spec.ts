import { expect } from './fixtures';
import { openTour, seedTour, test } from './forms-helpers';

const NO_SUCH_DATE = 'Нет такой даты. Введите в виде дд.мм.гггг.';

test('a tour arrival of 31.02.2027 is refused at its field and never saved as empty', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByRole('button', { name: '+ Новый тур' }).click();
  await page.getByLabel('Номер путёвки').fill('BAD-DATE');
  const arrival = page.getByLabel('Заезд');
  await arrival.pressSequentially('31022027');
  await expect(arrival).toHaveValue('31.02.2027');
  await arrival.press('Tab');
  await expect(arrival).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: NO_SUCH_DATE })).toBeVisible();
  await page.getByRole('button', { name: 'Сохранить тур' }).click();
  await expect(page.getByRole('heading', { name: 'Новый тур' })).toBeVisible();
  expect(((await app.api('tours.list', {})) as { total: number }).total).toBe(0);
  // Put right, it saves with the date typed.
  await arrival.fill('28.02.2027');
  await page.getByRole('button', { name: 'Сохранить тур' }).click();
  await expect(page.getByRole('heading', { name: 'Тур BAD-DATE' })).toBeVisible();
  const list = (await app.api('tours.list', {})) as { rows: { arrivalDate: string }[] };
  expect(list.rows[0]?.arrivalDate).toBe('2027-02-28');
});

test('find tour refuses "arrival from 31.02.2027" at its field instead of ignoring the bound', async ({
  page,
  openApp,
  app,
}) => {
  await seedTour(app, 'FIND-1');
  await openApp();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByRole('button', { name: 'Найти тур…' }).click();
  const find = page.getByRole('dialog', { name: 'Поиск тура' });
  await expect(find.getByTestId('tours-table').locator('tbody tr')).toHaveCount(1);
  const from = find.getByLabel('Заезд с');
  await from.fill('31.02.2027');
  await from.press('Tab');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(find.getByText(NO_SUCH_DATE)).toBeVisible();
  // The list does not pretend the bound was applied.
  await expect(find.getByTestId('tours-table').locator('tbody tr')).toHaveCount(0);
  // A real bound is applied: the tour arriving on 01.05.2027 is before it.
  await from.fill('01.06.2027');
  await expect(find.getByText(NO_SUCH_DATE)).toBeHidden();
  await expect(find.getByText('Туры не найдены.')).toBeVisible();
  await from.fill('01.04.2027');
  await expect(find.getByTestId('tours-table').locator('tbody tr')).toHaveCount(1);
});

test('a client birth date of 31.02.1990 is refused at its field; the card is not saved', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Датова');
  const birth = card.getByLabel('Дата рождения');
  await birth.pressSequentially('31021990');
  await birth.press('Tab');
  await expect(birth).toHaveValue('31.02.1990');
  await expect(birth).toHaveAttribute('aria-invalid', 'true');
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeVisible();
  await expect(card.getByText(NO_SUCH_DATE)).toBeVisible();
  expect(((await app.api('clients.lookup', { lastName: 'Датова' })) as { total: number }).total).toBe(0);
});

test('a tourist birth date of 31.02.1990 is refused at its field', async ({ page, openApp, app }) => {
  await seedTour(app, 'TOURIST-1');
  await openApp();
  await openTour(page, 'TOURIST-1');
  await page.getByRole('button', { name: '+ Добавить туриста' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('Датов');
  const birth = dialog.getByLabel('Дата рождения');
  await birth.pressSequentially('31021990');
  await birth.press('Tab');
  await expect(birth).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(NO_SUCH_DATE)).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(dialog).toBeVisible();
  const tour = (await app.api('tours.list', {})) as { rows: { touristCount: number }[] };
  expect(tour.rows[0]?.touristCount).toBe(0);
});

test('a passport margin of 30 or -5 stays in its cell with the reason and is not saved', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: 'Справочники' }).click();
  await page.getByRole('tab', { name: 'Страны' }).click();
  const margin = page.getByLabel('FRA Запас паспорта, мес.');
  await expect(margin).toHaveValue('3');
  for (const bad of ['30', '-5']) {
    await margin.fill(bad);
    await margin.press('Tab');
    await expect(margin).toHaveValue(bad);
    await expect(margin).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Введите целое число от 0 до 24.')).toBeVisible();
  }
  const countries = (await app.api('countries.list', {})) as { code: string; passportMarginMonths: number }[];
  expect(countries.find((c) => c.code === 'FRA')?.passportMarginMonths).toBe(3);
  await margin.fill('6');
  await margin.press('Tab');
  await expect(page.getByText('Введите целое число от 0 до 24.')).toBeHidden();
  await expect
    .poll(async () => {
      const list = (await app.api('countries.list', {})) as { code: string; passportMarginMonths: number }[];
      return list.find((c) => c.code === 'FRA')?.passportMarginMonths;
    })
    .toBe(6);
});

test('a 300-character surname is kept, counted and refused at the field, never cut to 100', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  const surname = card.getByLabel('Фамилия', { exact: true });
  await surname.fill('Щ'.repeat(85));
  await expect(card.getByTestId('char-counter')).toHaveText('85 / 100');
  await surname.fill('Щ'.repeat(300));
  await expect(surname).toHaveValue('Щ'.repeat(300));
  await expect(card.getByTestId('char-counter')).toHaveText('300 / 100');
  await expect(card.getByText('Не длиннее 100 знаков: сократите текст')).toBeVisible();
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeVisible();
  const list = (await app.api('clients.list', {})) as { rows: unknown[] };
  expect(list.rows).toHaveLength(0);
});

test('notes and preferences count near their 5000 limit; a longer text is refused at the field, not cut', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Заметкина');
  const notes = card.getByLabel('Заметки');
  const notesField = card.locator('.field').filter({ has: page.getByLabel('Заметки') });
  await notes.fill('з'.repeat(3900));
  await expect(notesField.getByTestId('char-counter')).toHaveCount(0);
  await notes.fill('з'.repeat(4500));
  await expect(notesField.getByTestId('char-counter')).toHaveText('4500 / 5000');
  await notes.fill('з'.repeat(5001));
  await expect(notes).toHaveValue('з'.repeat(5001));
  await expect(notesField.getByTestId('char-counter')).toHaveText('5001 / 5000');
  await expect(notesField.getByText('Не длиннее 5000 знаков')).toBeVisible();
  const preferences = card.getByLabel('Предпочтения');
  await preferences.fill('п'.repeat(4200));
  await expect(
    card
      .locator('.field')
      .filter({ has: page.getByLabel('Предпочтения') })
      .getByTestId('char-counter'),
  ).toHaveText('4200 / 5000');
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeVisible();
  expect(((await app.api('clients.list', {})) as { rows: unknown[] }).rows).toHaveLength(0);
  await notes.fill('з'.repeat(5000));
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeHidden();
  const found = (await app.api('clients.lookup', { lastName: 'Заметкина' })) as {
    candidates: { notes: string; preferences: string }[];
  };
  expect(found.candidates[0]?.notes).toHaveLength(5000);
  expect(found.candidates[0]?.preferences).toHaveLength(4200);
});

test('«Россия» typed into citizenship stays whole and becomes RUS; an unknown country is said at the field', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Странова');
  const citizenship = card.getByRole('combobox', { name: 'Гражданство' });
  await citizenship.fill('Атлантида');
  await citizenship.press('Tab');
  await expect(citizenship).toHaveValue('Атлантида');
  await expect(card.getByText(/«Атлантида» — не страна из справочника/)).toBeVisible();
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeVisible();
  await citizenship.fill('Россия');
  await expect(citizenship).toHaveValue('Россия');
  await citizenship.press('Tab');
  await expect(citizenship).toHaveValue('Россия (RUS)');
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeHidden();
  const found = (await app.api('clients.lookup', { lastName: 'Странова' })) as {
    candidates: { citizenship: string }[];
  };
  expect(found.candidates[0]?.citizenship).toBe('RUS');
});
