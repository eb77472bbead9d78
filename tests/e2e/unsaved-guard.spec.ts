import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import {
  answerUnsaved,
  openTour,
  pasteTable,
  seedClient,
  seedTour,
  test,
  unsavedPrompt,
} from './forms-helpers';

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
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(unsavedPrompt(page)).toBeHidden();
  await expect(card.getByLabel('Фамилия', { exact: true })).toHaveValue('Гардова');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, 'Сохранить');
  await expect(card).toBeHidden();
  expect(((await app.api('clients.lookup', { lastName: 'Гардова' })) as { total: number }).total).toBe(1);

  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  await card.getByLabel('Фамилия', { exact: true }).fill('Забытова');
  await card.getByRole('button', { name: 'Закрыть' }).click();
  await answerUnsaved(page, 'Не сохранять');
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
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(dialog.getByLabel('Имя', { exact: true })).toHaveValue('Пётр');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, 'Сохранить');
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
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(page.getByLabel('Отель')).toHaveValue('Ritz');
  await page.getByRole('button', { name: '← К списку туров' }).click();
  await answerUnsaved(page, 'Не сохранять');
  await expect(page.getByTestId('tours-table')).toContainText('Hôtel du Louvre');
  // Unchanged, the card is left at once.
  await openTour(page, 'GUARD-H');
  await page.getByRole('button', { name: '← К списку туров' }).click();
  await expect(unsavedPrompt(page)).toBeHidden();
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
  await pasteTable(page, [
    ['Фамилия', 'Имя', 'Дата рождения'],
    ['Иванова', 'Мария', '14.05.1980'],
  ]);
  const rows = screen.locator('[data-testid^="import-row-"]');
  await expect(rows).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(rows).toHaveCount(1);
  await screen.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await answerUnsaved(page, 'Не сохранять');
  await expect(screen).toBeHidden();
});

test('questionnaire: leaving with an answer typed asks; Cancel keeps it, Discard drops it, Save saves it', async ({
  page,
  openApp,
  app,
}) => {
  const client = await seedClient(app, { lastNameRu: 'Анкетова', firstNameRu: 'Анна' });
  await openApp();
  await page.getByTestId('clients-grid-body').getByText('Анкетова').dblclick();
  const card = page.getByRole('dialog', { name: 'Клиент: Анкетова Анна' });
  await card.getByRole('button', { name: 'Анкета…' }).click();
  const screen = page.getByRole('dialog', { name: 'Анкета' });
  const answer = screen.getByRole('textbox').first();
  await answer.waitFor();
  const key = await answer.getAttribute('id');
  const country = await screen.getByLabel('Страна', { exact: true }).inputValue();
  const stored = async () => {
    const q = (await app.api('questionnaire.open', {
      subject: { kind: 'client', id: client.id },
      country,
    })) as { answers: { fieldKey: string; source: string; origin: string }[] };
    const found = q.answers.find((a) => `answer-${a.fieldKey}` === key);
    return found?.origin === 'answer' ? found.source : null;
  };

  await answer.fill('черновик');
  await page.keyboard.press('Escape');
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(screen).toBeVisible();
  await expect(answer).toHaveValue('черновик');
  expect(await stored()).toBeNull();
  // Close with the mouse asks too: the box is not saved by the click that leaves it.
  await screen.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await answerUnsaved(page, 'Не сохранять');
  await expect(screen).toBeHidden();
  expect(await stored()).toBeNull();

  await card.getByRole('button', { name: 'Анкета…' }).click();
  await answer.fill('тест');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, 'Сохранить');
  await expect(screen).toBeHidden();
  await expect.poll(stored).toBe('тест');

  // Nothing typed: Esc leaves at once.
  await card.getByRole('button', { name: 'Анкета…' }).click();
  await expect(answer).toHaveValue('тест');
  await answer.focus();
  await page.keyboard.press('Escape');
  await expect(unsavedPrompt(page)).toBeHidden();
  await expect(screen).toBeHidden();
});

test('countries book: a new country being typed is not lost on leaving the screen or the tab', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.getByRole('button', { name: 'Справочники' }).click();
  await page.getByRole('tab', { name: 'Страны' }).click();
  const table = page.getByRole('table', { name: 'Страны' });
  await table.getByLabel('Код', { exact: true }).fill('ZZA');
  await table.getByLabel('ZZA Название', { exact: true }).fill('Загорье');
  await page.getByRole('button', { name: 'Клиенты', exact: true }).click();
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(table.getByLabel('Код', { exact: true })).toHaveValue('ZZA');
  await expect(table.getByLabel('ZZA Название', { exact: true })).toHaveValue('Загорье');

  await page.getByRole('tab', { name: 'Словарь' }).click();
  await answerUnsaved(page, 'Не сохранять');
  await expect(page.getByRole('button', { name: '+ Слово' })).toBeVisible();
  const codes = async () => ((await app.api('countries.list', {})) as { code: string }[]).map((c) => c.code);
  expect(await codes()).not.toContain('ZZA');

  await page.getByRole('tab', { name: 'Страны' }).click();
  await expect(table.getByLabel('Код', { exact: true })).toHaveValue('');
  await table.getByLabel('Код', { exact: true }).fill('ZZB');
  await table.getByLabel('ZZB Название', { exact: true }).fill('Забугорье');
  await page.getByRole('button', { name: 'Клиенты', exact: true }).click();
  await answerUnsaved(page, 'Сохранить');
  await expect(page.getByTestId('clients-count')).toBeVisible();
  expect(await codes()).toContain('ZZB');
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
  await expect(unsavedPrompt(page)).toBeVisible();
  await answerUnsaved(page, 'Отмена');
  await expect(dialog.getByLabel('По-русски')).toHaveValue('гардероб');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, 'Не сохранять');
  await expect(dialog).toBeHidden();
});
