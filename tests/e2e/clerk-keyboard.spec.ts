import { expect } from './fixtures';
import {
  answerUnsaved,
  dispatchWithLayout,
  openTour,
  pressWithLayout,
  seedClient,
  seedTour,
  test,
} from './forms-helpers';

const RU_CTRL_F = { key: 'а', code: 'KeyF', keyCode: 70, ctrl: true };
const RU_CTRL_N = { key: 'т', code: 'KeyN', keyCode: 78, ctrl: true };
const RU_CTRL_S = { key: 'ы', code: 'KeyS', keyCode: 83, ctrl: true };

test('a client opened by Enter or double-click gets the focus, and Esc gives it back to the list', async ({
  page,
  openApp,
  app,
}) => {
  await seedClient(app, { lastNameRu: 'Альфова', firstNameRu: 'Анна' });
  await seedClient(app, { lastNameRu: 'Бетова', firstNameRu: 'Вера' });
  await openApp();
  const grid = page.getByTestId('clients-grid-body');
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Клиент: Бетова Вера' });
  await expect(card.getByLabel('Фамилия', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(grid).toBeFocused();

  await grid.getByText('Альфова').dblclick();
  const other = page.getByRole('dialog', { name: 'Клиент: Альфова Анна' });
  await expect(other.getByLabel('Фамилия', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(other).toBeHidden();
  await expect(grid).toBeFocused();
});

test('Enter goes to the next field; Ctrl+Enter and Ctrl+S (any layout) save', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Энтерова');
  await page.keyboard.press('Enter');
  await expect(card.getByLabel('Имя', { exact: true })).toBeFocused();
  await page.keyboard.type('Ольга');
  await page.keyboard.press('Enter');
  await expect(card.getByLabel('Отчество')).toBeFocused();
  await expect(card).toBeVisible();
  expect(((await app.api('clients.lookup', { lastName: 'Энтерова' })) as { total: number }).total).toBe(0);
  await page.keyboard.press('Control+Enter');
  await expect(card).toBeHidden();
  expect(((await app.api('clients.lookup', { lastName: 'Энтерова' })) as { total: number }).total).toBe(1);

  await dispatchWithLayout(page, RU_CTRL_N);
  const second = page.getByRole('dialog', { name: 'Новый клиент' });
  await expect(second.getByLabel('Фамилия', { exact: true })).toBeFocused();
  await page.keyboard.type('Раскладкова');
  await dispatchWithLayout(page, RU_CTRL_S);
  await expect(second).toBeHidden();
  expect(((await app.api('clients.lookup', { lastName: 'Раскладкова' })) as { total: number }).total).toBe(1);
});

test('Ctrl+F works with the Russian layout (key «а», code KeyF) on the clients and tours screens', async ({
  page,
  openApp,
}) => {
  await openApp();
  await page.getByTestId('clients-grid-body').focus();
  await pressWithLayout(page, RU_CTRL_F);
  await expect(page.getByLabel('Поиск по фамилии')).toBeFocused();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByTestId('tours-table').or(page.getByText('Туры не найдены.')).first().waitFor();
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await pressWithLayout(page, RU_CTRL_F);
  const find = page.getByRole('dialog', { name: 'Поиск тура' });
  await expect(find).toBeVisible();
  await expect(find.getByLabel('Номер путёвки')).toBeFocused();
});

test('masked dates: 01011990 becomes 01.01.1990; two-digit years are past for birth, future for travel', async ({
  page,
  openApp,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  const birth = card.getByLabel('Дата рождения');
  await birth.pressSequentially('01011990');
  await expect(birth).toHaveValue('01.01.1990');
  await birth.fill('');
  await birth.pressSequentially('010190');
  await expect(birth).toHaveValue('01.01.90');
  await birth.press('Tab');
  await expect(birth).toHaveValue('01.01.1990');
  await birth.fill('');
  await birth.pressSequentially('150530');
  await birth.press('Tab');
  await expect(birth).toHaveValue('15.05.1930');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, 'Не сохранять');

  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByRole('button', { name: '+ Новый тур' }).click();
  const arrival = page.getByLabel('Заезд');
  await arrival.pressSequentially('150530');
  await arrival.press('Tab');
  await expect(arrival).toHaveValue('15.05.2030');
});

test('country picker: type-ahead on Russian, English and French names and codes; Enter picks', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Пикерова');
  const citizenship = card.getByRole('combobox', { name: 'Гражданство' });
  for (const [typed, option] of [
    ['герм', 'DEU Германия'],
    ['Germ', 'DEU Германия'],
    ['allem', 'DEU Германия'],
    ['fra', 'FRA Франция'],
  ] as const) {
    await citizenship.fill(typed);
    await expect(card.getByRole('listbox', { name: 'Гражданство' }).getByRole('option').first()).toHaveText(
      option,
    );
  }
  await citizenship.fill('герм');
  await citizenship.press('Enter');
  await expect(citizenship).toHaveValue('Германия (DEU)');
  await expect(card.getByRole('listbox')).toBeHidden();
  await page.keyboard.press('Control+s');
  await expect(card).toBeHidden();
  const found = (await app.api('clients.lookup', { lastName: 'Пикерова' })) as {
    candidates: { citizenship: string }[];
  };
  expect(found.candidates[0]?.citizenship).toBe('DEU');
});

test('the card accepts the passport 751234567 and shows it split as 75 1234567', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Паспортова');
  await card.getByRole('button', { name: '+ Добавить документ' }).click();
  const doc = card.getByTestId('document-0');
  await doc.getByLabel('Номер').fill('751234567');
  await doc.getByLabel('Номер').press('Tab');
  await expect(doc.getByLabel('Серия')).toHaveValue('75');
  await expect(doc.getByLabel('Номер')).toHaveValue('1234567');
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeHidden();

  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  await card.getByLabel('Фамилия', { exact: true }).fill('Пробелова');
  await card.getByRole('button', { name: '+ Добавить документ' }).click();
  await doc.getByLabel('Номер').fill('75 7654321');
  await card.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(card).toBeHidden();
  const saved = (await app.api('clients.lookup', { lastName: 'Пробелова' })) as {
    candidates: { documents: { series: string; number: string }[] }[];
  };
  expect(saved.candidates[0]?.documents[0]).toMatchObject({ series: '75', number: '7654321' });
});

test('the tourist dialog proposes the Latin and the sex from the Cyrillic name', async ({
  page,
  openApp,
  app,
}) => {
  await seedTour(app, 'LATIN-1');
  await openApp();
  await openTour(page, 'LATIN-1');
  await page.getByRole('button', { name: '+ Добавить туриста' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('Щукина');
  await dialog.getByLabel('Имя', { exact: true }).fill('Юлия');
  await dialog.getByLabel('Имя', { exact: true }).press('Tab');
  await expect(dialog.getByLabel('Фамилия латиницей')).toHaveValue('SHCHUKINA');
  await expect(dialog.getByLabel('Имя латиницей')).toHaveValue('IULIIA');
  await expect(dialog.getByLabel('Пол')).toHaveValue('F');
});

test('Enter on a tourist row opens it (never re-saves it); Esc returns to the row', async ({
  page,
  openApp,
  app,
}) => {
  const tour = await seedTour(app, 'ROW-1');
  await app.api('tourists.save', {
    tourId: tour.id,
    tourist: {
      lastNameRu: 'Строкова',
      firstNameRu: 'Ирина',
      middleNameRu: '',
      lastNameLat: 'STROKOVA',
      firstNameLat: 'IRINA',
      gender: 'F',
      birthDate: null,
      citizenship: 'RUS',
      passportSeries: '',
      passportNumber: '',
      passportIssueDate: null,
      passportExpiry: null,
      passportLastNameLat: '',
      passportFirstNameLat: '',
      internalSeries: '',
      internalNumber: '',
      ticketNumber: '',
      phone: '',
      email: '',
      clientId: null,
      serviceIds: [],
    },
  });
  await openApp();
  await openTour(page, 'ROW-1');
  const table = page.getByTestId('tourists-table');
  await table.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Турист: Строкова Ирина' });
  await expect(dialog.getByLabel('Фамилия', { exact: true })).toBeFocused();
  const version = async () => {
    const got = (await app.api('tours.get', { id: tour.id })) as { tourists: { version: number }[] };
    return got.tourists[0]?.version;
  };
  await page.waitForTimeout(300);
  expect(await version()).toBe(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(table).toBeFocused();
});

test('after a refused duplicate in the dictionary dialog the focus stays in it and Esc still works', async ({
  page,
  openApp,
}) => {
  await openApp();
  await page.getByRole('button', { name: 'Справочники' }).click();
  await page.getByRole('tab', { name: 'Словарь' }).click();
  await page.getByRole('button', { name: '+ Слово' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое слово в словаре' });
  await dialog.getByLabel('По-русски').fill('шпунтиковый');
  await dialog.getByLabel('По-английски').fill('shpuntik');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '+ Слово' }).click();
  await dialog.getByLabel('По-русски').fill('шпунтиковый');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Это слово уже есть в словаре.')).toBeVisible();
  await expect(dialog.getByLabel('По-русски')).toBeFocused();
  await page.keyboard.press('Escape');
  await answerUnsaved(page, 'Не сохранять');
  await expect(dialog).toBeHidden();
});

test('the tour destination is a country picker: Russian, English, French names and codes', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByRole('button', { name: '+ Новый тур' }).click();
  await page.getByLabel('Номер путёвки').fill('DEST-1');
  const destination = page.getByRole('combobox', { name: 'Страна' });
  const list = page.getByRole('listbox', { name: 'Страна' });
  for (const typed of ['итал', 'Ital', 'itali', 'ITA'])
    await destination
      .fill(typed)
      .then(() => expect(list.getByRole('option').first()).toHaveText('ITA Италия'));
  await destination.fill('Нарния');
  await destination.press('Tab');
  await expect(page.getByText('«Нарния» — не страна из справочника')).toBeVisible();
  await page.getByRole('button', { name: 'Сохранить тур' }).click();
  await expect(page.getByRole('heading', { name: 'Новый тур' })).toBeVisible();
  await destination.fill('итал');
  await destination.press('Enter');
  await expect(destination).toHaveValue('Италия (ITA)');
  await page.getByRole('button', { name: 'Сохранить тур' }).click();
  await expect(page.getByRole('heading', { name: 'Тур DEST-1' })).toBeVisible();
  const tours = (await app.api('tours.list', {})) as { rows: { country: string }[] };
  expect(tours.rows[0]?.country).toBe('ITA');
});

test('Enter in the last field goes to Save, and one more Enter saves (tourist dialog, tour card)', async ({
  page,
  openApp,
  app,
}) => {
  const tour = await seedTour(app, 'LAST-1');
  await openApp();
  await openTour(page, 'LAST-1');
  await page.getByLabel('Примечания').fill('у окна');
  await page.getByLabel('Примечания').press('Enter');
  const saveTour = page.getByRole('button', { name: 'Сохранить тур' });
  await expect(saveTour).toBeFocused();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => ((await app.api('tours.get', { id: tour.id })) as { notes: string }).notes)
    .toBe('у окна');

  await page.getByRole('button', { name: '+ Добавить туриста' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('Последнева');
  await dialog.getByLabel('Эл. почта').fill('last@example.com');
  await dialog.getByLabel('Эл. почта').press('Enter');
  await expect(dialog.getByRole('button', { name: 'Сохранить', exact: true })).toBeFocused();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('tourists-table')).toContainText('Последнева');
});

test('a tourist filled from a card without a sex gets none proposed unless the clerk edits the name', async ({
  page,
  openApp,
  app,
}) => {
  await seedClient(app, { lastNameRu: 'Безполова', firstNameRu: 'Мария', lastNameLat: 'BEZPOLOVA' });
  const tour = await seedTour(app, 'SEX-1');
  await openApp();
  await openTour(page, 'SEX-1');
  await page.getByRole('button', { name: '+ Добавить туриста' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый турист' });
  const surname = dialog.getByLabel('Фамилия', { exact: true });
  await surname.fill('Безполова');
  await surname.press('Enter');
  await expect(dialog.getByText('Данные взяты из карточки постоянного клиента.')).toBeVisible();
  await surname.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Пол')).toHaveValue('');
  await expect(dialog.getByLabel('Имя латиницей')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('dialog', { name: 'Данные туриста отличаются от карточки клиента' }),
  ).toHaveCount(0);
  const saved = (await app.api('tours.get', { id: tour.id })) as { tourists: { gender: string | null }[] };
  expect(saved.tourists[0]?.gender).toBeNull();

  // The clerk types a name: proposals follow what was typed, as for a new tourist.
  await page.getByTestId('tourists-table').getByText('Безполова').dblclick();
  const edit = page.getByRole('dialog', { name: 'Турист: Безполова Мария' });
  await edit.getByLabel('Отчество').fill('Ивановна');
  await edit.getByLabel('Отчество').press('Tab');
  await expect(edit.getByLabel('Пол')).toHaveValue('F');
  await expect(edit.getByLabel('Имя латиницей')).toHaveValue('MARIIA');
});
