import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test, type AppServer } from './fixtures';

const base = {
  middleNameRu: '',
  gender: null,
  birthPlace: '',
  citizenship: 'RUS',
  phone: '',
  email: '',
  address: '',
  notes: '',
  preferences: '',
  cardLast4: '',
};
const passport = (series: string, number: string, expiryDate: string, last: string, first: string) => ({
  kind: 'foreign_passport',
  issuingCountry: 'RUS',
  series,
  number,
  issueDate: '2020-01-10',
  expiryDate,
  issuedBy: '',
  lastNameLat: last,
  firstNameLat: first,
  archived: false,
});

async function seedClients(app: AppServer) {
  const save = (c: object) =>
    app.api('clients.save', { ...base, ...c }) as Promise<{ id: number; version: number }>;
  const ivan = await save({
    lastNameRu: 'Иванов',
    firstNameRu: 'Иван',
    lastNameLat: 'IVANOV',
    firstNameLat: 'IVAN',
    birthDate: '1980-05-14',
    documents: [passport('75', '1234567', '2030-01-10', 'IVANOV', 'IVAN')],
  });
  const igor = await save({
    lastNameRu: 'Иванов',
    firstNameRu: 'Игорь',
    lastNameLat: 'IVANOV',
    firstNameLat: 'IGOR',
    birthDate: '1990-02-02',
    documents: [passport('76', '7654321', '2031-03-03', 'IVANOV', 'IGOR')],
  });
  const anna = await save({
    lastNameRu: 'Петрова',
    firstNameRu: 'Анна',
    lastNameLat: 'PETROVA',
    firstNameLat: 'ANNA',
    birthDate: '1985-07-07',
    phone: '+7 900 111-11-11',
    documents: [passport('75', '5555555', '2032-01-01', 'PETROVA', 'ANNA')],
  });
  return { ivan, igor, anna };
}

async function createTourInUi(page: Page) {
  await page.getByRole('button', { name: 'Туры' }).click();
  await page.getByRole('button', { name: '+ Новый тур' }).click();
  await page.getByLabel('Номер путёвки').fill('FR-2027-01');
  await page.getByRole('combobox', { name: 'Страна' }).fill('фран');
  await page.getByRole('option', { name: /FRA/ }).click();
  await page.getByLabel('Отель').fill('Hôtel du Louvre');
  await page.getByLabel('Заезд').fill('01.05.2027');
  await page.getByLabel('Выезд').fill('10.05.2027');
  await page.getByRole('button', { name: '+ Добавить услугу' }).click();
  await page.getByRole('button', { name: '+ Добавить услугу' }).click();
  await page.getByTestId('service-1').getByLabel('Вид').selectOption('flight');
  await page.getByTestId('service-1').getByLabel('Описание').fill('SVO-CDG-SVO');
  await page.getByRole('button', { name: 'Сохранить тур' }).click();
  await expect(page.getByRole('heading', { name: 'Тур FR-2027-01' })).toBeVisible();
}

const touristsTable = (page: Page) => page.getByTestId('tourists-table');

test('a clerk builds a tour from the regular-client base (R1-R3)', async ({ page, openApp, app }) => {
  const clients = await seedClients(app);
  await openApp();
  await createTourInUi(page);

  // One match: every field is filled in from the client's card.
  await page.getByRole('button', { name: '+ Добавить туриста' }).click();
  let dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('петрова');
  await dialog.getByLabel('Фамилия', { exact: true }).press('Enter');
  await expect(dialog.getByText('Данные взяты из карточки постоянного клиента.')).toBeVisible();
  await expect(dialog.getByLabel('Имя', { exact: true })).toHaveValue('Анна');
  await expect(dialog.getByLabel('Номер загранпаспорта')).toHaveValue('5555555');
  await expect(dialog.getByLabel('Действует до')).toHaveValue('01.01.2032');
  await expect(dialog.getByRole('button', { name: 'Редактировать постоянного клиента' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  // The card has no sex and the clerk typed no name after the card filled it: nothing is proposed,
  // so Save asks nothing about copying to the card.
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('dialog', { name: 'Данные туриста отличаются от карточки клиента' }),
  ).toHaveCount(0);
  await expect(touristsTable(page)).toContainText('Петрова Анна');

  // Several matches: the search dialog narrows them by passport number; the clerk picks one.
  await page.keyboard.press('Insert');
  dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('IVANOV');
  await dialog.getByRole('button', { name: 'Найти в базе' }).click();
  const lookup = page.getByRole('dialog', { name: /Поиск в базе постоянных клиентов/ });
  await expect(lookup.getByTestId('lookup-candidates').locator('tbody tr')).toHaveCount(2);
  await lookup.getByLabel('Загранпаспорт').fill('76 7654321');
  await expect(lookup.getByTestId('lookup-candidates').locator('tbody tr')).toHaveCount(1);
  await expect(lookup.getByText('Подходят: 1')).toBeVisible();
  await lookup.getByRole('button', { name: 'Выбрать' }).click();
  await expect(dialog.getByLabel('Имя', { exact: true })).toHaveValue('Игорь');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(touristsTable(page)).toContainText('Иванов Игорь');

  // No match: a new tourist, added to the regular clients on save (R2).
  await page.keyboard.press('Insert');
  dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('Сидоров');
  await dialog.getByLabel('Фамилия', { exact: true }).press('Enter');
  await expect(
    dialog.getByText('В базе нет клиента «Сидоров»: вводите данные нового туриста.'),
  ).toBeVisible();
  await dialog.getByLabel('Имя', { exact: true }).fill('Олег');
  await dialog.getByLabel('Фамилия латиницей').fill('SIDOROV');
  await dialog.getByLabel('Имя латиницей').fill('OLEG');
  await dialog.getByLabel('Номер загранпаспорта').fill('77 1112233');
  await dialog.getByLabel('Действует до').fill('01.02.2027');
  await dialog.getByRole('button', { name: 'Добавить в постоянные клиенты' }).click();
  await expect(dialog.getByText('Будет добавлен в постоянные клиенты при сохранении.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  const found = (await app.api('clients.lookup', { lastName: 'Сидоров' })) as { total: number };
  expect(found.total).toBe(1);

  // The passport-validity check: France needs 3 months after the return (10.05.2027).
  await expect(touristsTable(page).getByRole('row', { name: /Сидоров Олег/ })).toContainText(
    'Паспорт действует до 01.02.2027, а нужен до 10.08.2027',
  );
  await touristsTable(page)
    .getByRole('row', { name: /Сидоров Олег/ })
    .getByRole('button', { name: 'Изменить' })
    .click();
  dialog = page.getByRole('dialog', { name: 'Турист: Сидоров Олег' });
  await expect(dialog.getByRole('button', { name: 'Редактировать постоянного клиента' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Закрыть' }).click();

  // R3: the tourist now differs from the card; only the ticked field goes back to the client.
  await touristsTable(page)
    .getByRole('row', { name: /Петрова Анна/ })
    .dblclick();
  dialog = page.getByRole('dialog', { name: 'Турист: Петрова Анна' });
  await dialog.getByLabel('Телефон').fill('+7 999 222-22-22');
  await dialog.getByLabel('Номер загранпаспорта').fill('7777777');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  const overwrite = page.getByRole('dialog', { name: 'Данные туриста отличаются от карточки клиента' });
  const rows = overwrite.getByTestId('overwrite-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('+7 999 222-22-22');
  await expect(rows.nth(0)).toContainText('+7 900 111-11-11');
  await overwrite.getByLabel('Загранпаспорт').uncheck();
  await overwrite.getByRole('button', { name: 'Обновить отмеченные' }).click();
  await expect(page.getByText('Карточка постоянного клиента обновлена.')).toBeVisible();
  const anna = (await app.api('clients.get', { id: clients.anna.id })) as {
    phone: string;
    documents: { number: string }[];
  };
  expect(anna.phone).toBe('+7 999 222-22-22');
  expect(anna.documents.map((d) => d.number)).toEqual(['5555555']);

  // The client card shows the trip and who travelled with her.
  await page.getByRole('button', { name: 'Клиенты' }).first().click();
  await page.getByLabel('Поиск по фамилии').fill('петрова');
  await page.getByTestId('clients-grid').getByRole('gridcell', { name: 'Петрова Анна' }).dblclick();
  const history = page.getByTestId('client-history');
  await expect(history).toContainText('FR-2027-01');
  await expect(history).toContainText('Иванов Игорь · 1 поездка');
});

test('find a tour by a Latin name typed in Cyrillic, bind services in bulk, export to Excel', async ({
  page,
  openApp,
  app,
}) => {
  const tour = (await app.api('tours.save', {
    voucher: 'IT-777',
    arrivalDate: '2027-07-01',
    departureDate: '2027-07-08',
    country: 'ITA',
    resort: 'Рим',
    hotel: 'Hotel Roma',
    status: 'confirmed',
    priceMinor: 0,
    costMinor: 0,
    currency: 'EUR',
    notes: '',
    services: [
      {
        kind: 'accommodation',
        description: 'Hotel Roma',
        startDate: '2027-07-01',
        endDate: '2027-07-08',
        priceMinor: 0,
      },
      {
        kind: 'excursion',
        description: 'Колизей',
        startDate: '2027-07-03',
        endDate: '2027-07-03',
        priceMinor: 0,
      },
    ],
  })) as { id: number };
  for (const [last, first, number] of [
    ['SHCHUKINA', 'IULIIA', '751234567'],
    ['TSVETKOV', 'OLEG', '767654321'],
  ] as const) {
    await app.api('tourists.save', {
      tourId: tour.id,
      tourist: {
        lastNameRu: '',
        firstNameRu: '',
        middleNameRu: '',
        lastNameLat: last,
        firstNameLat: first,
        gender: null,
        birthDate: null,
        citizenship: 'RUS',
        passportSeries: '',
        passportNumber: number,
        passportIssueDate: null,
        passportExpiry: '2035-01-01',
        passportLastNameLat: last,
        passportFirstNameLat: first,
        internalSeries: '',
        internalNumber: '',
        ticketNumber: '',
        phone: '',
        email: '',
        clientId: null,
        serviceIds: [],
      },
    });
  }
  await app.api('tours.save', {
    voucher: 'FR-1',
    arrivalDate: '2027-05-01',
    departureDate: null,
    country: 'FRA',
    resort: '',
    hotel: '',
    status: 'draft',
    priceMinor: 0,
    costMinor: 0,
    currency: 'EUR',
    notes: '',
    services: [],
  });
  await openApp();
  await page.getByRole('button', { name: 'Туры' }).click();
  await expect(page.getByRole('button', { name: '+ Новый тур' })).toBeVisible();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('dialog', { name: 'Поиск тура' });
  await find.getByLabel('Фамилия туриста (любым алфавитом)').fill('Щукина');
  await expect(find.getByTestId('tours-table').locator('tbody tr')).toHaveCount(1);
  await expect(find.getByText('Найден 1 тур')).toBeVisible();
  await find.getByLabel('Фамилия туриста (любым алфавитом)').press('Enter');
  await expect(page.getByRole('heading', { name: 'Тур IT-777' })).toBeVisible();

  await page.getByRole('button', { name: 'Выбрать всех' }).click();
  await page.getByLabel('Услуга для выбранных…').selectOption({ label: 'Колизей' });
  await page.getByRole('button', { name: 'Привязать', exact: true }).click();
  await expect(touristsTable(page).getByText('Колизей')).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'TSVETKOV OLEG' }).uncheck();
  await page.getByRole('button', { name: 'Отвязать' }).click();
  await expect(touristsTable(page).getByText('Колизей')).toHaveCount(1);

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Отчёт Excel' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('tourists-IT-777.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(3);
  expect(sheet.getRow(2).getCell(5).value).toBe('SHCHUKINA');
  // Колизей was unbound from the selected SHCHUKINA and stays with TSVETKOV.
  expect(sheet.getRow(2).getCell(17).value).toBe('');
  expect(sheet.getRow(3).getCell(5).value).toBe('TSVETKOV');
  expect(sheet.getRow(3).getCell(17).value).toBe('Колизей');
  await page.screenshot({ path: 'test-results/screenshots/tour-card.png' });
});
