import type { Locator, Page } from '@playwright/test';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { expect, test, type AppServer } from './fixtures';

async function dragBy(page: Page, handle: Locator, dx: number) {
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
}

const widthOf = async (handle: Locator) => Number(await handle.getAttribute('aria-valuenow'));

async function storedWidth(app: AppServer, table: string, column: string): Promise<number | undefined> {
  const stored = (await app.api('settings.get', { key: `layout.widths.${table}` })) as {
    value: Record<string, number> | null;
  };
  return stored.value?.[column];
}

async function seedClients(app: AppServer, count: number) {
  for (const input of generateClients(count)) await app.api('clients.save', input);
}

async function seedTour(app: AppServer) {
  const tour = (await app.api('tours.save', {
    voucher: 'LY-1',
    arrivalDate: '2027-06-01',
    departureDate: '2027-06-10',
    country: 'FRA',
    resort: '',
    hotel: 'Ritz',
    status: 'confirmed',
    priceMinor: 0,
    costMinor: 0,
    currency: 'EUR',
    notes: '',
    services: [
      { kind: 'accommodation', description: 'Ritz DBL', startDate: null, endDate: null, priceMinor: 0 },
      { kind: 'flight', description: 'SVO-CDG-SVO', startDate: null, endDate: null, priceMinor: 0 },
      { kind: 'transfer', description: 'Group transfer', startDate: null, endDate: null, priceMinor: 0 },
    ],
  })) as { id: number; services: { id: number }[] };
  for (const [lastNameRu, expiry] of [
    ['Соколова', '2027-07-01'],
    ['Петров', '2031-01-01'],
  ] as const)
    await app.api('tourists.save', {
      tourId: tour.id,
      tourist: {
        lastNameRu,
        firstNameRu: 'Анна',
        middleNameRu: '',
        lastNameLat: lastNameRu === 'Петров' ? 'PETROV' : 'SOKOLOVA',
        firstNameLat: 'ANNA',
        gender: null,
        birthDate: '1980-01-01',
        citizenship: 'RUS',
        passportSeries: '75',
        passportNumber: '1234567',
        passportIssueDate: null,
        passportExpiry: expiry,
        passportLastNameLat: 'SOKOLOVA-IVANOVA',
        passportFirstNameLat: 'ANNA',
        internalSeries: '',
        internalNumber: '',
        ticketNumber: '',
        phone: '',
        email: '',
        clientId: null,
        serviceIds: tour.services.map((s) => s.id),
      },
    });
  return tour;
}

test('column widths dragged (or set from the keyboard) are remembered after a reload', async ({
  app,
  openApp,
  page,
}) => {
  await seedClients(app, 5);
  await seedTour(app);
  await openApp();
  const clientsName = page.getByTestId('clients-grid').getByTestId('resize-name');
  const before = await widthOf(clientsName);
  await dragBy(page, clientsName, 150);
  const after = await widthOf(clientsName);
  expect(after).toBeGreaterThan(before + 100);
  const header = page.getByTestId('clients-grid').getByRole('columnheader', { name: 'ФИО' });
  expect((await header.boundingBox())!.width).toBeGreaterThanOrEqual(after - 1);

  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  const hotel = page.getByTestId('tours-table').getByTestId('resize-hotel');
  const hotelBefore = await widthOf(hotel);
  await hotel.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => widthOf(hotel)).toBe(hotelBefore + 32);

  await page.getByTestId('tour-row-LY-1').dblclick();
  const touristName = page.getByTestId('tourists-table').getByTestId('resize-name');
  const touristBefore = await widthOf(touristName);
  await dragBy(page, touristName, -60);
  const touristAfter = await widthOf(touristName);
  expect(touristAfter).toBeLessThan(touristBefore - 40);

  await expect.poll(() => storedWidth(app, 'clients', 'name')).toBe(after);
  await expect.poll(() => storedWidth(app, 'tours', 'hotel')).toBe(hotelBefore + 32);
  await expect.poll(() => storedWidth(app, 'tourists', 'name')).toBe(touristAfter);

  await openApp();
  await expect.poll(() => widthOf(page.getByTestId('clients-grid').getByTestId('resize-name'))).toBe(after);
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await expect
    .poll(() => widthOf(page.getByTestId('tours-table').getByTestId('resize-hotel')))
    .toBe(hotelBefore + 32);
  await page.getByTestId('tour-row-LY-1').dblclick();
  await expect
    .poll(() => widthOf(page.getByTestId('tourists-table').getByTestId('resize-name')))
    .toBe(touristAfter);
});

test('at 1920 px the clients table uses the whole width', async ({ app, openApp, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await seedClients(app, 5);
  await openApp();
  const grid = (await page.getByTestId('clients-grid').boundingBox())!;
  const headers = page.getByTestId('clients-grid').getByRole('columnheader');
  const last = (await headers.last().boundingBox())!;
  const first = (await headers.first().boundingBox())!;
  // No empty band at the right: the last column ends at the grid's edge (less a scrollbar).
  expect(grid.x + grid.width - (last.x + last.width)).toBeLessThan(24);
  expect(first.width).toBeGreaterThan(300);
});

test('tourist rows are one line, with named icon actions reachable from the keyboard', async ({
  app,
  openApp,
  page,
}) => {
  await seedTour(app);
  await openApp();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByTestId('tour-row-LY-1').dblclick();
  const table = page.getByTestId('tourists-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  // Sokolova has a warning (passport too short, Latin unlike the passport's) and three services.
  await expect(rows.first()).toContainText('Паспорт действует до');
  const heights = await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
  for (const h of heights) expect(h).toBeLessThan(36);
  const edit = rows.first().getByRole('button', { name: 'Изменить: Соколова Анна' });
  await expect(edit).toHaveAttribute('title', 'Изменить: Соколова Анна');
  await expect(rows.first().getByRole('button', { name: 'Удалить из тура: Соколова Анна' })).toBeVisible();
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /Соколова Анна/ })).toBeVisible();
});

const COLUMNS = [
  '№',
  'Фамилия',
  'Имя',
  'Surname',
  'Name',
  'Дата рождения',
  'Паспорт',
  'Действует до',
  'Гражданство',
];
const PASSENGERS = [
  COLUMNS,
  ['1', 'Иванова', 'Мария', 'IVANOVA', 'MARIIA', '14.05.1980', '75 1234567', '01.02.2031', 'РФ'],
  ['2', 'Иванов', 'Пётр', 'IVANOV', 'PETR', '31.02.1978', '75 7654321', '12.12.2030', 'РФ'],
];

test('at 1366 px the import grid shows six source columns and keeps a row’s problem in view when scrolled', async ({
  app,
  openApp,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedTour(app);
  await openApp();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByTestId('tour-row-LY-1').dblclick();
  await page.getByRole('button', { name: 'Импорт списка' }).click();
  await expect(page.getByTestId('paste-zone')).toBeFocused();
  await page.evaluate((rows) => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`,
    );
    data.setData('text/plain', rows.map((r) => r.join('\t')).join('\n'));
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, PASSENGERS);
  const grid = page.getByTestId('import-grid');
  await expect(grid.locator('[data-testid^="import-row-"]')).toHaveCount(2);
  const view = (await grid.boundingBox())!;
  for (let c = 0; c < 6; c++) {
    const box = (await grid.getByTestId(`column-${c}`).boundingBox())!;
    expect(box.x, `source column ${c + 1}`).toBeGreaterThanOrEqual(view.x);
    expect(box.x + box.width, `source column ${c + 1}`).toBeLessThanOrEqual(view.x + view.width);
  }

  const ivanov = grid.getByTestId('import-row-1');
  const problems = ivanov.getByTestId('row-problems');
  await expect(problems).toContainText('Не дата: «31.02.1978».');
  await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const cell = (await problems.boundingBox())!;
  expect(cell.x).toBeGreaterThanOrEqual(view.x);
  expect(cell.x + cell.width).toBeLessThanOrEqual(view.x + view.width);
  // The last source column and the result are in view now, the problem still beside them.
  await expect(ivanov.getByRole('gridcell', { name: 'РФ', exact: true })).toBeInViewport();

  await ivanov.getByTestId('row-number').click();
  await expect(page.getByTestId('row-details')).toContainText('Строка 3');
  await expect(page.getByTestId('row-details').getByRole('listitem')).toHaveText(['Не дата: «31.02.1978».']);
});

test('messages sit in the status bar: they never cover the row being worked on, and open the undo journal', async ({
  app,
  openApp,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seedClients(app, 60);
  await openApp();
  // The top bar's hint gives way at this width; hovering it shows it whole.
  await expect(page.getByTestId('topbar-hint')).toHaveAttribute(
    'title',
    'Ctrl+F — поиск, Ctrl+N — новый клиент, Enter — открыть, Esc — закрыть',
  );
  const body = page.getByTestId('clients-grid-body');
  await body.focus();
  await page.keyboard.press('End');
  const selected = body.locator('[role="row"][aria-selected="true"]');
  await expect(selected).toBeInViewport();
  const name = (await selected.locator('[role="gridcell"]').first().textContent()) ?? '';
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog');
  await expect(card).toBeVisible();
  const bar = page.getByTestId('status-bar');
  const barBox = (await bar.boundingBox())!;
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(barBox.y);
  await card.getByRole('button', { name: 'Удалить', exact: true }).click();
  const toast = bar.locator('.toast').first();
  await expect(toast).toContainText(name.split(' ')[0]!);

  // Every row of the list, the selected one included, ends above the message.
  const toastBox = (await toast.boundingBox())!;
  const bodyBox = (await body.boundingBox())!;
  expect(bodyBox.y + bodyBox.height).toBeLessThanOrEqual(toastBox.y);
  const rowBottoms = await body
    .locator('[role="row"]')
    .evaluateAll((rows) =>
      rows.map((r) =>
        Math.min(
          r.getBoundingClientRect().bottom,
          r.parentElement!.parentElement!.getBoundingClientRect().bottom,
        ),
      ),
    );
  for (const bottom of rowBottoms) expect(bottom).toBeLessThanOrEqual(toastBox.y);

  await toast.getByRole('button', { name: 'Журнал' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name.split(' ')[0]!) }).first()).toBeVisible();
});
