import { mkdirSync } from 'node:fs';
import { addDays, addMonths } from '../../shared/loyalty';
import { emptyClientInput } from '../../shared/domain/client';
import { today } from '../../shared/domain/clock';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { expect, test, type AppServer } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

/** Two clients with trips over the last three years; Антонова's birthday is in two days. */
async function seed(app: AppServer) {
  const day = today();
  const birthday = `1985${addDays(day, 2).slice(4)}`;
  const client = async (lastNameRu: string, lastNameLat: string, birthDate: string) =>
    (
      (await app.api('clients.save', {
        ...emptyClientInput(),
        lastNameRu,
        firstNameRu: 'Тест',
        lastNameLat,
        firstNameLat: 'TEST',
        birthDate,
        phone: '+7 900 000-00-01',
      })) as { id: number }
    ).id;
  const a = await client('Антонова', 'ANTONOVA', birthday);
  const b = await client('Борисов', 'BORISOV', '1970-02-02');
  const trips: [number, number, number, string][] = [
    [a, 30, 200_000, 'TUR'],
    [a, 18, 250_000, 'TUR'],
    [a, 6, 300_000, 'ITA'],
    [b, 14, 90_000, 'EGY'],
  ];
  let n = 0;
  for (const [clientId, monthsAgo, price, country] of trips) {
    n += 1;
    const start = addMonths(day, -monthsAgo);
    const tour = (await app.api('tours.save', {
      ...emptyTourInput(),
      voucher: `L-${n}`,
      country,
      hotel: `Hotel ${n}`,
      arrivalDate: start,
      departureDate: addDays(start, 10),
      status: 'completed',
      priceMinor: price * 100,
      costMinor: Math.round(price * 0.88) * 100,
    })) as { id: number };
    await app.api('tourists.save', {
      tourId: tour.id,
      tourist: {
        ...emptyTouristFields(),
        lastNameRu: clientId === a ? 'Антонова' : 'Борисов',
        firstNameRu: 'Тест',
        clientId,
        serviceIds: [],
      },
    });
    await app.api('feedback.save', {
      clientId,
      tourId: tour.id,
      kind: 'score',
      score: clientId === a ? 10 : 5,
      receivedOn: addDays(start, 12),
    });
  }
  return { a, b };
}

test('the Loyalty screen draws its charts, a matrix cell opens its clients, a worklist item is done with a note', async ({
  page,
  openApp,
  app,
}) => {
  const { a } = await seed(app);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openApp();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Лояльность' }).click();
  await expect(page.getByTestId('loyalty-totals')).toContainText('Клиентов с поездками: 2 · поездок: 4');
  for (const chart of ['ladder', 'matrix', 'segments', 'retention', 'key-clients', 'nps', 'nps-places']) {
    await expect(page.getByTestId(`chart-${chart}`).locator('.loyalty-chart canvas').first()).toBeVisible();
  }
  // Every chart has drawn pixels (a canvas that stayed blank would export as an empty PNG).
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll('.loyalty-chart')].map(
      (box) => box.querySelector('canvas')?.toDataURL().length ?? 0,
    ),
  );
  expect(Math.min(...drawn)).toBeGreaterThan(3000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(800); // ECharts' entry animation
  await page.screenshot({ path: `${SCREENSHOTS}/loyalty.png`, fullPage: true });

  const png = page.waitForEvent('download');
  await page.getByTestId('chart-ladder').getByRole('button', { name: 'PNG' }).click();
  expect((await png).suggestedFilename()).toBe('ladder.png');

  // Антонова holds most of the margin: class A; her yearly margins 24 000, 30 000, 36 000 vary by 16 %: Y.
  await page
    .getByTestId('loyalty-matrix')
    .getByRole('button', { name: 'Открыть клиентов ячейки AY' })
    .click();
  const cell = page.getByRole('dialog', { name: 'Клиенты: AY' });
  await expect(cell.getByTestId('loyalty-clients').getByRole('row')).toHaveCount(2);
  await expect(cell.getByTestId('loyalty-clients')).toContainText('Антонова Тест');
  await cell.getByRole('button', { name: 'Закрыть' }).click();

  await page.getByRole('tab', { name: 'Кому позвонить' }).click();
  const row = page.getByTestId('worklist').locator('tr[data-reason="birthday"]');
  await expect(row).toContainText('Антонова Тест');
  await row.getByRole('button', { name: 'Сделано' }).click();
  const dialog = page.getByRole('dialog', { name: 'Сделано: Антонова Тест' });
  await dialog.getByLabel('Заметка').fill('Поздравили, хочет в Италию');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('worklist').locator('tr[data-reason="birthday"]')).toHaveCount(0);
  const log = (await app.api('contactLog.list', { clientId: a })) as { note: string; action: string }[];
  expect(log).toEqual([expect.objectContaining({ action: 'done', note: 'Поздравили, хочет в Италию' })]);
});

test('a worklist item is postponed to a day typed in the masked box; today and a day that does not exist are refused at the field', async ({
  page,
  openApp,
  app,
}) => {
  const { a } = await seed(app);
  await openApp();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Лояльность' }).click();
  await page.getByRole('tab', { name: 'Кому позвонить' }).click();
  const row = page.getByTestId('worklist').locator('tr[data-reason="birthday"]');
  await row.getByRole('button', { name: 'Отложить' }).click();
  const dialog = page.getByRole('dialog', { name: 'Отложить: Антонова Тест' });
  const until = dialog.getByLabel('До');
  const day = today();
  const dotted = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

  await until.fill(dotted(day));
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toContainText('Напомнить можно не раньше завтрашнего дня');
  await until.fill(`3102${addMonths(day, 12).slice(0, 4)}`);
  await until.blur();
  await expect(dialog).toContainText('Нет такой даты');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await dialog.screenshot({ path: `${SCREENSHOTS}/loyalty-postpone.png` });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  expect(await app.api('contactLog.list', { clientId: a })).toEqual([]);

  const back = addDays(day, 10);
  await until.fill(dotted(back));
  await dialog.getByLabel('Заметка').fill('Перезвонить после отпуска');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('worklist').locator('tr[data-reason="birthday"]')).toHaveCount(0);
  const log = (await app.api('contactLog.list', { clientId: a })) as object[];
  expect(log).toEqual([
    expect.objectContaining({ action: 'postponed', postponedUntil: back, note: 'Перезвонить после отпуска' }),
  ]);
});
