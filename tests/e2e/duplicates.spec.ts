import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emptyClientInput, emptyDocument } from '../../shared/domain/client';
import { expect, test } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

const rows = (page: Page) =>
  page
    .getByTestId('clients-grid')
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });

test('a card and its passport-Latin twin are found, merged field by field, and the merge undone', async ({
  page,
  openApp,
  app,
}) => {
  const cyrillic = (await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Щукина',
    firstNameRu: 'Юлия',
    birthDate: '1990-02-03',
    phone: '+7 916 111-22-33',
  })) as { id: number };
  await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameLat: 'SHCHUKINA',
    firstNameLat: 'YULIYA',
    birthDate: '1990-02-03',
    email: 'yulia@example.com',
    documents: [
      {
        ...emptyDocument('foreign_passport'),
        series: '75',
        number: '7654321',
        issueDate: '2024-01-10',
        expiryDate: '2034-01-10',
        lastNameLat: 'SHCHUKINA',
        firstNameLat: 'IULIIA',
      },
    ],
  });
  await app.api('clients.save', { ...emptyClientInput(), lastNameRu: 'Петров', firstNameRu: 'Пётр' });
  await openApp();

  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Дубликаты' }).click();
  const screen = page.getByTestId('duplicates-screen');
  const pair = screen.getByTestId('duplicate-pair');
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('Щукина Юлия');
  await expect(pair).toContainText('SHCHUKINA YULIYA');
  await expect(pair).toContainText('то же имя и дата рождения');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/duplicates.png` });

  await pair.getByRole('button', { name: 'Объединить…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Объединить две карточки одного человека' });
  // The Latin first name defaults to the newest passport's print, not the card's informal spelling.
  await expect(dialog.locator('tr[data-field="firstNameLat"] input:checked + span')).toHaveText('IULIIA');
  await expect(dialog.locator('tr[data-field="email"]')).toContainText('yulia@example.com');
  await page.screenshot({ path: `${SCREENSHOTS}/duplicates-merge.png` });
  await dialog.getByRole('button', { name: 'Объединить', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(screen.getByText('Вероятных дубликатов нет.')).toBeVisible();

  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Клиенты' }).click();
  await expect(rows(page)).toHaveCount(2);
  await page
    .getByRole('navigation', { name: 'main' })
    .getByRole('button', { name: 'Отмена и копии' })
    .click();
  const entry = page.getByRole('row').filter({ hasText: 'Карточки объединены' });
  await expect(entry).toHaveCount(1);
  await entry.getByRole('button', { name: 'Отменить' }).click();
  await expect(page.getByText(/Отменено: Карточки объединены/)).toBeVisible();

  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Клиенты' }).click();
  await expect(rows(page)).toHaveCount(3);
  const restored = (await app.api('clients.get', { id: cyrillic.id })) as {
    email: string;
    lastNameLat: string;
  };
  expect(restored).toMatchObject({ email: '', lastNameLat: '' });
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Дубликаты' }).click();
  await expect(page.getByTestId('duplicate-pair')).toHaveCount(1);
});
