import { expect, test } from './fixtures';

test('the card proposes Latin from Cyrillic and Cyrillic from Latin, and guards the passport Latin', async ({
  page,
  openApp,
}) => {
  await openApp();
  await page.keyboard.press('Insert');
  const card = page.getByRole('dialog', { name: 'Новый клиент' });

  // Cyrillic typed: on leaving the field the ICAO Latin and the sex are filled in.
  await card.getByLabel('Фамилия', { exact: true }).fill('Соловьёва');
  await card.getByLabel('Имя', { exact: true }).fill('Наталья');
  await card.getByLabel('Отчество').fill('Петровна');
  await card.getByLabel('Отчество').press('Tab');
  await expect(card.getByLabel('Фамилия латиницей')).toHaveValue('SOLOVEVA');
  await expect(card.getByLabel('Имя латиницей')).toHaveValue('NATALIA');
  await expect(card.getByLabel('Пол')).toHaveValue('F');

  // An older spelling is accepted as it is; a Latin no scheme explains is flagged.
  await card.getByLabel('Имя латиницей').fill('NATALYA');
  await expect(card.getByText(/Не получается из «Наталья»/)).toBeHidden();
  await card.getByLabel('Фамилия латиницей').fill('SALAVEVA');
  await expect(
    card.getByText('Не получается из «Соловьёва» ни по одной системе транслитерации. По ИКАО: SOLOVEVA.'),
  ).toBeVisible();

  // Replacing a filled Latin asks first; "no" keeps the passport spelling.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await card.getByRole('button', { name: 'Заменить на SOLOVEVA' }).click();
  await expect(card.getByLabel('Фамилия латиницей')).toHaveValue('SALAVEVA');
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('«SALAVEVA» на «SOLOVEVA»');
    void dialog.accept();
  });
  await card.getByRole('button', { name: 'Заменить на SOLOVEVA' }).click();
  await expect(card.getByLabel('Фамилия латиницей')).toHaveValue('SOLOVEVA');

  // A new passport starts with the client's Latin; a passport Latin that matches no scheme is flagged.
  await card.getByRole('button', { name: '+ Добавить документ' }).click();
  const passport = page.getByTestId('document-0');
  await expect(passport.getByLabel('Фамилия в документе')).toHaveValue('SOLOVEVA');
  await expect(passport.getByLabel('Имя в документе')).toHaveValue('NATALYA');
  await passport.getByLabel('Фамилия в документе').fill('SOLOVIOVA');
  await expect(passport.getByText(/Не совпадает с «Соловьёва» ни по одной системе/)).toBeVisible();
  await passport.getByLabel('Фамилия в документе').fill("SOLOV'EVA"); // MVD-310
  await expect(passport.getByText(/Не совпадает/)).toBeHidden();
  await passport.getByLabel('Серия').fill('75');
  await passport.getByLabel('Номер').fill('1234567');
  await card.getByRole('button', { name: 'Сохранить' }).click();
  await expect(card).toBeHidden();

  // Latin only: the card offers Cyrillic spellings to pick, best first.
  await page.keyboard.press('Insert');
  const second = page.getByRole('dialog', { name: 'Новый клиент' });
  await second.getByLabel('Фамилия латиницей').fill('SHCHUKINA');
  await second.getByLabel('Имя латиницей').fill('YULIYA');
  await expect(second.getByRole('button', { name: 'Щукина' })).toBeVisible();
  await second.getByRole('button', { name: 'Щукина' }).click();
  await second.getByRole('button', { name: 'Юлия', exact: true }).click();
  await expect(second.getByLabel('Фамилия', { exact: true })).toHaveValue('Щукина');
  await expect(second.getByLabel('Имя', { exact: true })).toHaveValue('Юлия');
  await second.getByRole('button', { name: 'Сохранить' }).click();
  await expect(second).toBeHidden();

  // Either is found by any spelling of the surname.
  const search = page.getByLabel('Поиск по фамилии');
  for (const [typed, found] of [
    ['schukina', 'Щукина Юлия'],
    ['Щук', 'Щукина Юлия'],
    ["SOLOV'YEVA", 'Соловьёва Наталья Петровна'],
    ['solovyova', 'Соловьёва Наталья Петровна'],
  ] as const) {
    await search.fill(typed);
    await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
    await expect(page.getByTestId('clients-grid').getByRole('gridcell').first()).toHaveText(found);
  }
});
