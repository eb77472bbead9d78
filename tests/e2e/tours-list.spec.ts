import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyTouristFields } from '../../shared/domain/tour';
import { expect, test, type AppServer } from './fixtures';
import { saveTour } from './seed-tours';

async function tourist(
  app: AppServer,
  tourId: number,
  fields: Record<string, unknown>,
  serviceIds: number[],
) {
  await app.api('tourists.save', {
    tourId,
    tourist: {
      ...emptyTouristFields(),
      ...fields,
      clientId: null,
      serviceIds,
    },
  });
}

const list = (page: Page) => page.getByTestId('tours-table');
const vouchers = (page: Page) => list(page).locator('tbody tr td:first-child');

async function openTours(page: Page) {
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await expect(list(page)).toBeVisible();
}

test('the tours list sorts and filters by dates, country and status; a typo in a date is said at its field', async ({
  app,
  openApp,
  page,
}) => {
  await saveTour(app, 'GR-1', { arrivalDate: '2027-06-01', departureDate: '2027-06-10' });
  await saveTour(app, 'IT-1', {
    country: 'ITA',
    arrivalDate: '2027-03-01',
    departureDate: '2027-03-08',
    status: 'draft',
  });
  await saveTour(app, 'GR-2', { arrivalDate: '2027-08-01', departureDate: '2027-08-10', status: 'booked' });
  await openApp();
  await openTours(page);
  // Newest first by default.
  await expect(vouchers(page)).toHaveText(['GR-2', 'IT-1', 'GR-1']);
  await expect(page.getByTestId('tours-count')).toHaveText('3 тура');

  await list(page).getByRole('button', { name: 'Заезд' }).click();
  await expect(list(page).getByRole('columnheader', { name: /Заезд/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(vouchers(page)).toHaveText(['IT-1', 'GR-1', 'GR-2']);
  await list(page).getByRole('button', { name: 'Заезд' }).click();
  await expect(vouchers(page)).toHaveText(['GR-2', 'GR-1', 'IT-1']);

  await page.getByTestId('tours-filter-country').selectOption('GRC');
  await expect(vouchers(page)).toHaveText(['GR-2', 'GR-1']);
  await page.getByTestId('tours-filter-status').selectOption('booked');
  await expect(vouchers(page)).toHaveText(['GR-2']);
  await page.getByTestId('tours-filter-status').selectOption('');

  const from = page.getByRole('textbox', { name: 'Заезд с' });
  await from.fill('31022027');
  await expect(page.getByText('Это не дата: введите дд.мм.гггг.')).toBeVisible();
  // The bound is not dropped: the list stays as it was until the date is fixed.
  await expect(vouchers(page)).toHaveText(['GR-2', 'GR-1']);
  await from.fill('01072027');
  await expect(page.getByText('Это не дата: введите дд.мм.гггг.')).toHaveCount(0);
  await expect(vouchers(page)).toHaveText(['GR-2']);

  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await expect(vouchers(page)).toHaveText(['GR-2', 'GR-1', 'IT-1']);
});

test('a tour is deleted with its tourists and comes back with Undo, and again from the undo journal', async ({
  app,
  openApp,
  page,
}) => {
  const saved = await saveTour(app, 'GR-7');
  await tourist(app, saved.id, { lastNameRu: 'Иванова', firstNameRu: 'Мария' }, []);
  await saveTour(app, 'GR-8');
  await openApp();
  await openTours(page);
  page.on('dialog', (dialog) => void dialog.accept());

  await page.getByTestId('tour-row-GR-7').getByRole('button', { name: 'Удалить тур GR-7' }).click();
  await expect(page.getByTestId('tour-row-GR-7')).toHaveCount(0);
  const bar = page.getByTestId('status-bar');
  await expect(bar).toContainText('Тур GR-7 удалён.');
  await bar.getByRole('button', { name: 'Отменить' }).click();
  await expect(page.getByTestId('tour-row-GR-7')).toBeVisible();
  await expect(page.getByTestId('tour-row-GR-7')).toContainText('Иванова Мария');

  // The keyboard way: the row chosen with the arrows, Delete; then the journal from the message.
  await page.getByTestId('tour-row-GR-7').click();
  await page.getByTestId('tours-list').press('Delete');
  await expect(page.getByTestId('tour-row-GR-7')).toHaveCount(0);
  await bar.getByRole('button', { name: 'Журнал' }).click();
  // The newest entry first: this delete, not the one undone above.
  const entry = page.getByRole('row', { name: /Удалён тур GR-7, туристов: 1/ }).first();
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: 'Отменить' }).click();
  await openTours(page);
  await expect(page.getByTestId('tour-row-GR-7')).toContainText('Иванова Мария');
});

test('a tour is copied with its dates moved and its tourists, and opens as the new tour', async ({
  app,
  openApp,
  page,
}) => {
  const saved = await saveTour(app, 'GR-9', {
    arrivalDate: '2027-02-25',
    departureDate: '2027-03-02',
    services: [{ kind: 'accommodation', description: 'DBL', startDate: null, endDate: null, priceMinor: 0 }],
  });
  await tourist(app, saved.id, { lastNameRu: 'Петров', firstNameRu: 'Илья' }, [saved.services[0]!.id]);
  await openApp();
  await openTours(page);
  await page.getByTestId('tour-row-GR-9').getByRole('button', { name: 'Копировать тур GR-9…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Копия тура GR-9' });
  await dialog.getByRole('textbox', { name: 'Номер новой путёвки' }).fill('GR-9'); // taken
  await dialog.getByRole('textbox', { name: 'Сдвинуть даты на дней (минус — раньше)' }).fill('7');
  await expect(dialog.getByTestId('copy-dates')).toHaveText('Новые даты: заезд 04.03.2027, выезд 09.03.2027');
  await dialog.getByRole('button', { name: 'Копировать' }).click();
  await expect(dialog.getByText('Путёвка с таким номером уже есть.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Номер новой путёвки' }).fill('GR-10');
  await dialog.getByRole('button', { name: 'Копировать' }).click();

  await expect(page.getByRole('textbox', { name: 'Номер путёвки' })).toHaveValue('GR-10');
  await expect(page.getByTestId('tourists-table')).toContainText('Петров Илья');
  await page.getByRole('button', { name: /К списку туров/ }).click();
  await expect(page.getByTestId('tour-row-GR-10')).toContainText('04.03.2027');
  await expect(page.getByTestId('tour-row-GR-10')).toContainText('Черновик');
  await expect(page.getByTestId('tour-row-GR-9')).toContainText('25.02.2027');
});

test('the printed tourist list has both scripts, passports and rooming', async ({ app, openApp, page }) => {
  const saved = await saveTour(app, 'GR-11', {
    services: [
      { kind: 'accommodation', description: 'DBL sea view', startDate: null, endDate: null, priceMinor: 0 },
      { kind: 'accommodation', description: 'SGL', startDate: null, endDate: null, priceMinor: 0 },
    ],
  });
  const [dbl, sgl] = saved.services.map((s) => s.id);
  await tourist(
    app,
    saved.id,
    {
      lastNameRu: 'Соколов',
      firstNameRu: 'Олег',
      lastNameLat: 'SOKOLOV',
      firstNameLat: 'OLEG',
      passportSeries: '76',
      passportNumber: '1112223',
      passportExpiry: '2031-01-01',
      birthDate: '1980-05-14',
    },
    [sgl!],
  );
  await tourist(
    app,
    saved.id,
    {
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      lastNameLat: 'SHCHUKINA',
      firstNameLat: 'IULIIA',
      passportSeries: '75',
      passportNumber: '1234567',
      passportExpiry: '2030-02-01',
      birthDate: '1985-03-12',
    },
    [dbl!],
  );
  await tourist(
    app,
    saved.id,
    {
      lastNameRu: 'Щукин',
      firstNameRu: 'Пётр',
      lastNameLat: 'SHCHUKIN',
      firstNameLat: 'PETR',
      passportSeries: '75',
      passportNumber: '7654321',
    },
    [dbl!],
  );
  await tourist(app, saved.id, { lastNameRu: 'Орлова', firstNameRu: 'Анна' }, []);
  let printed = 0;
  await page.exposeFunction('recordTouristListPrint', () => (printed += 1));
  await page.addInitScript(() => {
    const realPrint = window.print.bind(window);
    window.print = () => {
      void (window as unknown as { recordTouristListPrint: () => Promise<void> }).recordTouristListPrint();
      realPrint();
    };
  });
  await openApp();
  await openTours(page);
  await page
    .getByTestId('tour-row-GR-11')
    .getByRole('button', { name: 'Печать списка туристов GR-11' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Список туристов GR-11' });
  await expect(dialog.getByTestId('tourist-list-preview')).toContainText('Щукина Юлия');
  await dialog.getByRole('button', { name: 'Печать…' }).click();
  await expect.poll(() => printed).toBe(1);

  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-list-pdf-'));
  try {
    const file = join(dir, 'list.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(text).toContain('Список туристов, тур GR-11');
    // Room by room: the double (both Shchukins) first, then the single, the unplaced last.
    const order = ['Щукина Юлия', 'Щукин Пётр', 'Соколов Олег', 'Орлова Анна'].map((name) =>
      lines.findIndex((l) => l.includes(name)),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const line = (name: string) => lines.find((l) => l.includes(name)) ?? '';
    expect(line('Щукина Юлия')).toMatch(
      /SHCHUKINA IULIIA\s+12\.03\.1985\s+75 1234567\s+01\.02\.2030\s+1\. DBL sea view/,
    );
    expect(line('Соколов Олег')).toMatch(/SOKOLOV OLEG\s+14\.05\.1980\s+76 1112223\s+01\.01\.2031\s+2\. SGL/);
    expect(line('Орлова Анна')).toContain('не размещён');
    expect(text).toContain('Всего: 4 туриста');
    // Only the list is printed, not the app behind it.
    for (const absent of ['Сбросить фильтры', 'Новый тур', 'Закрыть']) expect(text).not.toContain(absent);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the tours list reads its next pages by cursor as it is scrolled, in order and without a row twice', async ({
  app,
  openApp,
  page,
}) => {
  const count = 250;
  const names = Array.from({ length: count }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`);
  for (const voucher of names) await saveTour(app, voucher);
  await openApp();
  await openTours(page);
  await expect(page.getByTestId('tours-count')).toHaveText(`${count} туров`);
  // Newest first: one page of 100 rows, then the next ones after its cursor as the list scrolls.
  const newestFirst = [...names].reverse();
  await expect(vouchers(page)).toHaveText(newestFirst.slice(0, 100));
  const scrollToEnd = () =>
    page.getByTestId('tours-list').evaluate((box) => box.scrollTo(0, box.scrollHeight));
  await scrollToEnd();
  await expect(vouchers(page)).toHaveCount(200);
  await scrollToEnd();
  await expect(vouchers(page)).toHaveText(newestFirst);
  await page.screenshot({ path: 'test-results/screenshots/tours-list-paged.png' });

  // Another sort starts again from its first page and pages on in that order.
  await list(page).getByRole('button', { name: 'Путёвка' }).click();
  // From the top of the new order, whatever the old one's scroll.
  await expect.poll(() => page.getByTestId('tours-list').evaluate((box) => box.scrollTop)).toBe(0);
  await expect(vouchers(page)).toHaveText(names.slice(0, 100));
  await scrollToEnd();
  await scrollToEnd();
  await expect(vouchers(page)).toHaveText(names);
});
