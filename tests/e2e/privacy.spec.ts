import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emptyClientInput } from '../../shared/domain/client';
import { emptyTourInput } from '../../shared/domain/tour';
import { expect, test } from './fixtures';

const rows = (page: Page) =>
  page
    .getByTestId('clients-grid')
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });

const SCREENSHOTS = 'test-results/screenshots';

const client = (lastNameRu: string, lastNameLat: string) => ({
  ...emptyClientInput(),
  lastNameRu,
  firstNameRu: 'Тест',
  lastNameLat,
  firstNameLat: 'TEST',
  citizenship: 'RUS',
});

test('a consent is recorded on the card, the data exported, and the person forgotten with an act', async ({
  page,
  openApp,
  app,
}) => {
  await app.api('clients.save', client('Жиглова', 'ZHIGLOVA'));
  await app.api('clients.save', client('Иванов', 'IVANOV'));
  await openApp();
  await rows(page).filter({ hasText: 'Жиглова' }).dblclick();
  const card = page.getByRole('dialog', { name: 'Клиент: Жиглова Тест' });
  const privacy = card.getByTestId('client-privacy');
  await expect(privacy.getByText('Согласие на обработку персональных данных не записано.')).toBeVisible();
  await privacy.getByLabel('Дата').fill('12.03.2026');
  await privacy.getByLabel('Документ').fill('Согласие № 15');
  await privacy.getByRole('button', { name: 'Записать согласие' }).click();
  await expect(privacy.getByRole('listitem')).toHaveCount(1);
  await expect(privacy.getByRole('listitem')).toContainText('Обработка персональных данных дано 12.03.2026');
  await expect(privacy.getByRole('listitem')).toContainText('Согласие № 15');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await privacy.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/client-privacy.png` });
  const download = page.waitForEvent('download');
  await privacy.getByRole('button', { name: 'Выгрузить данные клиента' }).click();
  const file = await (await download).path();
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    client: { last_name_ru: string };
    consents: unknown[];
  };
  expect(data.client.last_name_ru).toBe('Жиглова');
  expect(data.consents).toHaveLength(1);

  await privacy.getByRole('button', { name: 'Забыть клиента…' }).click();
  await page
    .getByRole('dialog', { name: 'Забыть клиента' })
    .getByRole('button', { name: 'Забыть навсегда' })
    .click();
  const act = page.getByTestId('destruction-act');
  await expect(act).toContainText('Субъект: Жиглова Тест');
  await expect(act).toContainText('согласий: 1');
  await page.screenshot({ path: `${SCREENSHOTS}/destruction-act.png` });
  await page.getByRole('button', { name: 'Закрыть' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Иванов');
});

test('the undo journal takes back an import and a delete after their messages are gone', async ({
  page,
  openApp,
  app,
}) => {
  const tour = (await app.api('tours.save', { ...emptyTourInput(), voucher: 'J-1' })) as { id: number };
  await app.api('import.commit', {
    tourId: tour.id,
    serviceIds: [],
    rows: [{ draft: { lastNameRu: 'Орлова', firstNameRu: 'Анна' }, action: 'create', clientId: null }],
  });
  await app.api('clients.save', client('Борисова', 'BORISOVA'));
  await openApp();
  await rows(page).filter({ hasText: 'Борисова' }).dblclick();
  await page
    .getByRole('dialog', { name: 'Клиент: Борисова Тест' })
    .getByRole('button', { name: 'Удалить', exact: true })
    .click();
  await expect(rows(page)).toHaveCount(1);
  // A new page: the message with its Undo button is gone.
  await page.reload();
  await page.getByTestId('clients-count').waitFor();

  await page.getByRole('button', { name: 'Отмена и копии' }).click();
  const journal = page.getByRole('table', { name: 'Последние действия' });
  await expect(journal.getByRole('row')).toHaveCount(3);
  const deleteRow = journal.getByRole('row').filter({ hasText: 'Удалён клиент Борисова Тест' });
  await deleteRow.getByRole('button', { name: 'Отменить' }).click();
  await expect(deleteRow.getByText('отменено')).toBeVisible();
  const importRow = journal.getByRole('row').filter({ hasText: 'Импорт в тур J-1' });
  await expect(importRow).toContainText('туристов 1, новых клиентов 1');
  await importRow.getByRole('button', { name: 'Отменить' }).click();
  await expect(importRow.getByText('отменено')).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/undo-journal.png` });

  await page.getByRole('button', { name: 'Клиенты' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Борисова');
});

test('a backup made now is restored after a later change, and the app shows the restored base', async ({
  page,
  openApp,
  app,
}) => {
  await app.api('clients.save', client('Первый', 'PERVYI'));
  await openApp();
  await page.getByRole('button', { name: 'Отмена и копии' }).click();
  await page.getByRole('tab', { name: 'Резервные копии' }).click();
  await page.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  const list = page.getByRole('table', { name: 'Резервные копии' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('вручную');
  await expect(list).toContainText('клиентов 1, туров 0, туристов 0');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/backups.png` });
  await app.api('clients.save', client('Второй', 'VTOROI'));
  await list.getByRole('button', { name: 'Восстановить…' }).click();
  await page
    .getByRole('dialog', { name: 'Восстановление базы из копии' })
    .getByRole('button', { name: 'Восстановить' })
    .click();
  await expect(page.getByText('База восстановлена.', { exact: false })).toBeVisible();
  await page.getByTestId('clients-count').waitFor();
  await page.getByRole('button', { name: 'Клиенты' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Первый');
});
