import { mkdirSync, readFileSync } from 'node:fs';
import { emptyClientInput } from '../../shared/domain/client';
import { expect, test } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

test('the backups screen says the base is encrypted and exports it under a passphrase typed twice', async ({
  page,
  openApp,
  app,
}) => {
  await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Шифрова',
    firstNameRu: 'Анна',
    lastNameLat: 'SHIFROVA',
    firstNameLat: 'ANNA',
  });
  await openApp();
  await page.getByRole('button', { name: 'Отмена и копии' }).click();
  await page.getByRole('tab', { name: 'Резервные копии' }).click();
  await expect(page.getByTestId('encryption-status')).toContainText('зашифрованы');
  await page.getByRole('button', { name: 'Выгрузить всю базу…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Выгрузка всей базы' });
  const exportButton = dialog.getByRole('button', { name: 'Выгрузить', exact: true });
  await dialog.getByLabel('Пароль', { exact: true }).fill('short');
  await expect(dialog).toContainText('Не меньше 10 символов.');
  await expect(exportButton).toBeDisabled();
  await dialog.getByLabel('Пароль', { exact: true }).fill('correct horse battery');
  await dialog.getByLabel('Пароль ещё раз').fill('correct horse batter');
  await expect(dialog).toContainText('Пароли не совпадают.');
  await expect(exportButton).toBeDisabled();
  await dialog.getByLabel('Пароль ещё раз').fill('correct horse battery');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/base-export.png` });
  const download = page.waitForEvent('download');
  await exportButton.click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect(bytes.length).toBeGreaterThan(4096);
  expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  expect(bytes.includes(Buffer.from('SHIFROVA'))).toBe(false);
  await expect(page.getByRole('dialog', { name: 'Выгрузка всей базы' })).toHaveCount(0);

  // The file back in, streamed to the app (POST /transfer), replaces a base changed since.
  await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Позднова',
    firstNameRu: 'Ирина',
    lastNameLat: 'POZDNOVA',
    firstNameLat: 'IRINA',
  });
  await page.getByRole('button', { name: 'Загрузить всю базу…' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Загрузка всей базы' });
  await importDialog.getByLabel('Файл выгрузки').setInputFiles(file);
  await importDialog.getByLabel('Пароль', { exact: true }).fill('correct horse battery');
  await importDialog.getByRole('button', { name: 'Загрузить и заменить' }).click();
  await expect(page.getByText(/База загружена/)).toBeVisible();
  const clients = (await app.api('clients.list', {})) as { rows: { lastNameRu: string }[] };
  expect(clients.rows.map((r) => r.lastNameRu)).toEqual(['Шифрова']);
});
