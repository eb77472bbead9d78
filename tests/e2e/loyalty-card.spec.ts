import { mkdirSync } from 'node:fs';
import { emptyClientInput } from '../../shared/domain/client';
import { today } from '../../shared/domain/clock';
import { formatDate } from '../../shared/domain/dates';
import { addDays, addMonths } from '../../shared/loyalty';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { expect, test, type AppServer } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

// Each test seeds through the API and opens two screens: on a shared, loaded machine 30 s is too short.
test.setTimeout(120_000);

/** Антонова and Борисов travelled together last month on LC-1; Антонова already had one call. */
async function seed(app: AppServer) {
  const day = today();
  const client = async (lastNameRu: string, lastNameLat: string) =>
    (
      (await app.api('clients.save', {
        ...emptyClientInput(),
        lastNameRu,
        firstNameRu: 'Тест',
        lastNameLat,
        firstNameLat: 'TEST',
        birthDate: '1980-03-03',
        phone: '+7 900 000-00-02',
      })) as { id: number }
    ).id;
  const a = await client('Антонова', 'ANTONOVA');
  const b = await client('Борисов', 'BORISOV');
  const start = addMonths(day, -1);
  const tour = (await app.api('tours.save', {
    ...emptyTourInput(),
    voucher: 'LC-1',
    country: 'TUR',
    hotel: 'Rixos Downtown',
    arrivalDate: start,
    departureDate: addDays(start, 7),
    status: 'completed',
    priceMinor: 300_000_00,
    costMinor: 260_000_00,
  })) as { id: number };
  for (const [clientId, lastNameRu] of [
    [a, 'Антонова'],
    [b, 'Борисов'],
  ] as const) {
    await app.api('tourists.save', {
      tourId: tour.id,
      tourist: { ...emptyTouristFields(), lastNameRu, firstNameRu: 'Тест', clientId, serviceIds: [] },
    });
  }
  await app.api('worklist.act', {
    key: `tripAnniversary:${a}:${start}`,
    clientId: a,
    reason: 'tripAnniversary',
    action: 'postponed',
    note: 'Перезвонить после отпуска',
    postponeUntil: addDays(day, 10),
  });
  return { a, b, tourId: tour.id };
}

test('F2 on a tour tourist takes a score in seconds and a complaint with its date; the payer is chosen beside it', async ({
  page,
  openApp,
  app,
}) => {
  const { a, b, tourId } = await seed(app);
  await openApp();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByTestId('tours-table').getByRole('row', { name: /LC-1/ }).dblclick();
  await expect(page.getByRole('heading', { name: 'Тур LC-1' })).toBeVisible();

  await page.getByLabel('Плательщик').selectOption({ label: 'Антонова Тест' });
  await expect(page.getByText('Плательщик сохранён')).toBeVisible();
  expect(await app.api('tours.getPayer', { tourId })).toEqual({ tourId, payerClientId: a });

  // A score: F2 on the selected tourist, "1" then "0" is 10, Enter saves.
  const tourists = page.getByTestId('tourists-table');
  await tourists.getByRole('row', { name: /Борисов Тест/ }).click();
  await tourists.focus();
  await page.keyboard.press('F2');
  let dialog = page.getByRole('dialog', { name: 'Отзыв: Борисов Тест' });
  await expect(dialog.getByRole('radio', { name: '0', exact: true })).toBeFocused();
  await page.keyboard.press('1');
  await page.keyboard.press('0');
  await expect(dialog.getByRole('radio', { name: '10' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Отзыв сохранён: Борисов Тест')).toBeVisible();
  expect(await app.api('feedback.list', { clientId: b, tourId })).toEqual([
    expect.objectContaining({ kind: 'score', score: 10, receivedOn: today() }),
  ]);

  // A complaint: its date is typed in the masked box, and a day that does not exist is refused there.
  await tourists.getByRole('row', { name: /Антонова Тест/ }).click();
  await tourists.focus();
  await page.keyboard.press('F2');
  dialog = page.getByRole('dialog', { name: 'Отзыв: Антонова Тест' });
  await dialog.getByRole('radio', { name: '3', exact: true }).click();
  await dialog.getByLabel('Вид').selectOption({ label: 'Жалоба' });
  // A text past its 5,000 characters is kept as pasted, named at its field, and nothing is saved.
  await dialog.getByLabel('Что сказал клиент').fill('опоздал '.repeat(626));
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Не длиннее 5000 знаков', { exact: false })).toBeVisible();
  await expect(dialog.getByLabel('Что сказал клиент')).toHaveValue('опоздал '.repeat(626));
  expect(await app.api('feedback.list', { clientId: a, tourId })).toEqual([]);
  await dialog.getByLabel('Что сказал клиент').fill('Трансфер опоздал на два часа');
  await dialog.getByLabel('Получен').fill('31.02.2026');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Нет такой даты. Введите в виде дд.мм.гггг.')).toBeVisible();
  expect(await app.api('feedback.list', { clientId: a, tourId })).toEqual([]);
  const received = addDays(today(), -2);
  await dialog.getByLabel('Получен').fill(formatDate(received));
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.api('feedback.list', { clientId: a, tourId })).toEqual([
    expect.objectContaining({
      kind: 'complaint',
      score: 3,
      text: 'Трансфер опоздал на два часа',
      status: 'open',
      receivedOn: received,
    }),
  ]);
});

test("the card records who recommended the client, and shows the referrer's referrals and contact log", async ({
  page,
  openApp,
  app,
}) => {
  const { a, b } = await seed(app);
  await openApp();
  const grid = page.getByTestId('clients-grid');
  await grid.getByRole('gridcell', { name: 'Борисов Тест' }).dblclick();
  let section = page.getByTestId('client-loyalty');
  await expect(section).toContainText('По рекомендации: Никого');
  await expect(section).toContainText('Контактов пока не было.');
  await section.getByLabel('Фамилия клиента, который порекомендовал').fill('Антон');
  await section.getByRole('button', { name: 'Выбрать: Антонова Тест' }).click();
  await expect(section).toContainText('По рекомендации: Антонова Тест');
  // The chosen match's button is gone; the focus stays in the card, so Esc still closes it.
  await expect(section.getByLabel('Фамилия клиента, который порекомендовал')).toBeFocused();
  expect(await app.api('referrals.get', { clientId: b })).toEqual({
    referrer: { clientId: a, name: 'Антонова Тест' },
    referred: [],
  });

  await page.keyboard.press('Escape');
  // A card whose form differs from the stored record asks before closing; nothing was typed in it here.
  const discard = page.getByRole('button', { name: 'Не сохранять' });
  await page.waitForTimeout(500);
  if (await discard.isVisible()) await discard.click();
  await expect(section).toBeHidden();
  await grid.getByRole('gridcell', { name: 'Антонова Тест' }).dblclick();
  section = page.getByTestId('client-loyalty');
  // Борисов travelled (LC-1), so his recommendation counts toward Антонова's advocacy.
  await expect(section).toContainText('Этот клиент порекомендовал: Борисов Тест (ездил)');
  const log = section.getByTestId('contact-log').getByRole('listitem');
  await expect(log).toHaveCount(1);
  await expect(log).toContainText(
    `Годовщина поездки · отложено до ${formatDate(addDays(today(), 10))} — Перезвонить после отпуска`,
  );
  mkdirSync(SCREENSHOTS, { recursive: true });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/loyalty-card.png` });
});

test('the period and thresholds are typed in masked boxes and a bad value is named at its field', async ({
  page,
  openApp,
  app,
}) => {
  await seed(app);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openApp();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Лояльность' }).click();
  const totals = page.getByTestId('loyalty-totals');
  await expect(totals).toContainText('Клиентов с поездками: 2 · поездок: 2');
  const params = page.getByRole('form', { name: 'Период и пороги' });
  await params.getByLabel('На дату').fill('31022026');
  await expect(params.getByLabel('На дату')).toHaveValue('31.02.2026');
  await params.getByLabel('Окно, месяцев').fill('0');
  await params.getByLabel('B до, %').fill('50');
  await params.getByRole('button', { name: 'Показать' }).click();
  await expect(params.getByText('Нет такой даты. Введите в виде дд.мм.гггг.')).toBeVisible();
  await expect(params.getByText('Целое число от 1 до 240.')).toBeVisible();
  await expect(params.getByText('Не меньше предыдущего порога (80).')).toBeVisible();
  await expect(totals).toContainText('Клиентов с поездками: 2 · поездок: 2');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await params.screenshot({ path: `${SCREENSHOTS}/loyalty-params-errors.png` });

  // Two months ago LC-1 had not started: nobody travelled in the window up to then.
  const asOf = addMonths(today(), -2);
  await params.getByLabel('На дату').fill(formatDate(asOf));
  await params.getByLabel('Окно, месяцев').fill('12');
  await params.getByLabel('B до, %').fill('95');
  await params.getByRole('button', { name: 'Показать' }).click();
  await expect(params.getByRole('alert')).toHaveCount(0);
  await expect(totals).toContainText('Клиентов с поездками: 0 · поездок: 0');
  await expect(totals).toContainText(formatDate(asOf));
});
