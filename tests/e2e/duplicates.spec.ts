import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emptyClientInput, emptyDocument } from '../../shared/domain/client';
import { emptyTourInput } from '../../shared/domain/tour';
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

  // The pairs are reached by keyboard: Enter on the focused pair opens its merge.
  await pair.focus();
  await page.keyboard.press('Enter');
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

test('the card links a family; adding the child to a tour offers the mother and flags the minor until she is added', async ({
  page,
  openApp,
  app,
}) => {
  const passport = (series: string, number: string, last: string, first: string) => ({
    ...emptyDocument('foreign_passport'),
    series,
    number,
    issueDate: '2022-01-10',
    expiryDate: '2032-01-10',
    lastNameLat: last,
    firstNameLat: first,
  });
  await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Соколова',
    firstNameRu: 'Ирина',
    lastNameLat: 'SOKOLOVA',
    firstNameLat: 'IRINA',
    gender: 'F',
    birthDate: '1984-04-04',
    documents: [passport('75', '3131313', 'SOKOLOVA', 'IRINA')],
  });
  await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Лебедев',
    firstNameRu: 'Миша',
    lastNameLat: 'LEBEDEV',
    firstNameLat: 'MISHA',
    gender: 'M',
    birthDate: '2015-05-05',
    documents: [passport('75', '4141414', 'LEBEDEV', 'MISHA')],
  });
  await app.api('tours.save', {
    ...emptyTourInput(),
    voucher: 'FAM-1',
    arrivalDate: '2027-07-01',
    departureDate: '2027-07-10',
  });
  await openApp();

  // The mother's card: her son is found by his surname and linked as her child.
  await page.getByTestId('clients-grid').getByRole('gridcell', { name: 'Соколова Ирина' }).dblclick();
  const family = page.getByTestId('client-family');
  await expect(family.getByText('Семья и группа не указаны.')).toBeVisible();
  await family.getByRole('textbox', { name: 'Связать с клиентом…' }).fill('лебедев');
  await family
    .getByRole('combobox', { name: 'Связать с клиентом…' })
    .selectOption({ label: 'Лебедев Миша · 05.05.2015' });
  await family.getByRole('combobox', { name: 'Кем приходится' }).selectOption('child');
  await family.getByRole('button', { name: 'Связать' }).click();
  await expect(family.getByRole('listitem')).toHaveText([/Лебедев Миша — ребёнок · 05\.05\.2015/]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await family.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/family-card.png` });
  await page
    .getByRole('dialog', { name: 'Клиент: Соколова Ирина' })
    .getByRole('button', { name: 'Закрыть' })
    .click();

  // The son added to a tour: his mother is offered, and he is flagged as a minor without a parent.
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText('FAM-1').dblclick();
  const addTourist = async (surname: string) => {
    await page.getByRole('button', { name: '+ Добавить туриста' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый турист' });
    await dialog.getByLabel('Фамилия', { exact: true }).fill(surname);
    await dialog.getByLabel('Фамилия', { exact: true }).press('Enter');
    await expect(dialog.getByText('Данные взяты из карточки постоянного клиента.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
  };
  await addTourist('лебедев');
  const notes = page.getByTestId('tour-family-notes');
  await expect(notes.getByRole('status')).toHaveText(
    'С Лебедев Миша обычно едут: Соколова Ирина. Добавьте их в тур, если они едут.',
  );
  await expect(notes.getByRole('note')).toHaveText(
    'Несовершеннолетний без родителя в туре: может понадобиться согласие на выезд. Лебедев Миша',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/family-tour-notes.png` });

  // With his mother in the tour the minor note goes.
  await addTourist('соколова');
  await expect(page.getByTestId('tourists-table')).toContainText('Соколова Ирина');
  await expect(page.getByRole('note').filter({ hasText: 'Несовершеннолетний без родителя' })).toHaveCount(0);
});
