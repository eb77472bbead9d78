import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { openTour, seedClient, seedTour, test } from './forms-helpers';

const prompt = (page: Page) => page.getByRole('dialog', { name: 'Несохранённые изменения' });
const choose = (page: Page, answer: 'Сохранить' | 'Не сохранять' | 'Отмена') =>
  prompt(page).getByRole('button', { name: answer, exact: true }).click();

async function pasteList(page: Page, rows: string[][]) {
  const html = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', t!);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    [html, rows.map((r) => r.join('\t')).join('\n')],
  );
}

test('client card: Esc with changes asks; Cancel stays, Save saves, Discard leaves nothing', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Гардова');
  await page.keyboard.press('Escape');
  await expect(prompt(page)).toBeVisible();
  await choose(page, 'Отмена');
  await expect(prompt(page)).toBeHidden();
  await expect(card.getByLabel('Фамилия', { exact: true })).toHaveValue('Гардова');
  await page.keyboard.press('Escape');
  await choose(page, 'Сохранить');
  await expect(card).toBeHidden();
  expect(((await app.api('clients.lookup', { lastName: 'Гардова' })) as { total: number }).total).toBe(1);

  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  await card.getByLabel('Фамилия', { exact: true }).fill('Забытова');
  await card.getByRole('button', { name: 'Закрыть' }).click();
  await choose(page, 'Не сохранять');
  await expect(card).toBeHidden();
  expect(((await app.api('clients.lookup', { lastName: 'Забытова' })) as { total: number }).total).toBe(0);
});

test('tourist dialog: Esc in a half-filled new tourist asks before the work is gone', async ({
  page,
  openApp,
  app,
}) => {
  await seedTour(app, 'GUARD-T');
  await openApp();
  await openTour(page, 'GUARD-T');
  await page.getByRole('button', { name: '+ Добавить туриста' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('Полов');
  await dialog.getByLabel('Имя', { exact: true }).fill('Пётр');
  await page.keyboard.press('Escape');
  await expect(prompt(page)).toBeVisible();
  await choose(page, 'Отмена');
  await expect(dialog.getByLabel('Имя', { exact: true })).toHaveValue('Пётр');
  await page.keyboard.press('Escape');
  await choose(page, 'Сохранить');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('tourists-table')).toContainText('Полов Пётр');
});

test('tour card: leaving after editing the hotel asks; Discard leaves the saved hotel', async ({
  page,
  openApp,
  app,
}) => {
  await seedTour(app, 'GUARD-H');
  await openApp();
  await openTour(page, 'GUARD-H');
  await page.getByLabel('Отель').fill('Ritz');
  await page.getByRole('button', { name: '← К списку туров' }).click();
  await expect(prompt(page)).toBeVisible();
  await choose(page, 'Отмена');
  await expect(page.getByLabel('Отель')).toHaveValue('Ritz');
  await page.getByRole('button', { name: '← К списку туров' }).click();
  await choose(page, 'Не сохранять');
  await expect(page.getByTestId('tours-table')).toContainText('Hôtel du Louvre');
  // Unchanged, the card is left at once.
  await openTour(page, 'GUARD-H');
  await page.getByRole('button', { name: '← К списку туров' }).click();
  await expect(prompt(page)).toBeHidden();
  await expect(page.getByTestId('tours-table')).toBeVisible();
});

test('import screen: Esc after a paste and an assist action asks instead of dropping the list', async ({
  page,
  openApp,
}) => {
  await openApp();
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  const screen = page.getByRole('dialog', { name: 'Импорт в базу постоянных клиентов' });
  await expect(screen.getByTestId('paste-zone')).toBeFocused();
  await pasteList(page, [
    ['Фамилия', 'Имя', 'Дата рождения'],
    ['Иванова', 'Мария', '14.05.1980'],
  ]);
  const rows = screen.locator('[data-testid^="import-row-"]');
  await expect(rows).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(prompt(page)).toBeVisible();
  await choose(page, 'Отмена');
  await expect(rows).toHaveCount(1);
  await screen.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await choose(page, 'Не сохранять');
  await expect(screen).toBeHidden();
});

test('questionnaire: Esc while an answer is typed saves it instead of losing it', async ({
  page,
  openApp,
  app,
}) => {
  const client = await seedClient(app, { lastNameRu: 'Анкетова', firstNameRu: 'Анна' });
  await openApp();
  await page.getByTestId('clients-grid-body').getByText('Анкетова').dblclick();
  await page.getByRole('button', { name: 'Анкета…' }).click();
  const screen = page.getByRole('dialog', { name: 'Анкета' });
  const answer = screen.getByRole('textbox').first();
  await answer.waitFor();
  const key = await answer.getAttribute('id');
  const country = await screen.getByLabel('Страна', { exact: true }).inputValue();
  await answer.fill('тест');
  await page.keyboard.press('Escape');
  await expect(screen).toBeHidden();
  await expect
    .poll(async () => {
      const q = (await app.api('questionnaire.open', {
        subject: { kind: 'client', id: client.id },
        country,
      })) as { answers: { fieldKey: string; source: string }[] };
      return q.answers.find((a) => `answer-${a.fieldKey}` === key)?.source;
    })
    .toBe('тест');
});

async function openDictionaryAdd(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Справочники' }).click();
  await page.getByRole('tab', { name: 'Словарь' }).click();
  await page.getByRole('button', { name: '+ Слово' }).click();
  return page.getByRole('dialog', { name: 'Новое слово в словаре' });
}

test('reference-book dialog: a typed dictionary word is not lost on Esc', async ({ page, openApp }) => {
  await openApp();
  const dialog = await openDictionaryAdd(page);
  await dialog.getByLabel('По-русски').fill('гардероб');
  await page.keyboard.press('Escape');
  await expect(prompt(page)).toBeVisible();
  await choose(page, 'Отмена');
  await expect(dialog.getByLabel('По-русски')).toHaveValue('гардероб');
  await page.keyboard.press('Escape');
  await choose(page, 'Не сохранять');
  await expect(dialog).toBeHidden();
});
