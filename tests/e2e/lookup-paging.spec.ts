import { formatDate } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { saveTour } from './seed-tours';

/** More namesakes than one lookup page (the dialog reads 100 at a time). */
const COUNT = 260;

interface LookupAnswer {
  total: number;
  candidates: { firstNameRu: string; birthDate: string | null }[];
  next: string | null;
}

test('the lookup dialog reads the next pages of namesakes as it scrolls, down to the last one', async ({
  app,
  openApp,
  page,
}) => {
  test.setTimeout(120_000);
  const names = ['Алексей', 'Борис', 'Вадим', 'Глеб', 'Денис', 'Егор', 'Иван', 'Кирилл', 'Лев', 'Марк'];
  await app.api('import.commit', {
    tourId: null,
    rows: Array.from({ length: COUNT }, (_, i) => ({
      draft: {
        lastNameRu: 'Кузнецов',
        firstNameRu: names[i % names.length],
        lastNameLat: 'KUZNETSOV',
        firstNameLat: 'X',
        birthDate: new Date(Date.UTC(1950, 0, 1 + i * 37)).toISOString().slice(0, 10),
        citizenship: 'RUS',
      },
      action: 'create',
      clientId: null,
    })),
  });
  // The last namesake in the lookup's own order, read through the API page by page.
  const all: LookupAnswer['candidates'] = [];
  let after: string | null = null;
  do {
    const answer = (await app.api('clients.lookup', {
      lastName: 'Кузнецов',
      limit: 200,
      after,
    })) as LookupAnswer;
    all.push(...answer.candidates);
    after = answer.next;
  } while (after !== null);
  expect(all).toHaveLength(COUNT);
  const last = all[COUNT - 1]!;

  await saveTour(app, 'LOOK-1');
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/clients.lookup')) lookups.push(request.postData() ?? '');
  });
  await openApp();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText('LOOK-1').dblclick();
  await page.getByRole('button', { name: '+ Добавить туриста' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый турист' });
  await dialog.getByLabel('Фамилия', { exact: true }).fill('Кузнецов');
  await dialog.getByLabel('Фамилия', { exact: true }).press('Enter');
  const lookup = page.getByRole('dialog', { name: /Поиск в базе постоянных клиентов/ });
  await expect(lookup.getByText(`Подходят: ${COUNT}`)).toBeVisible();
  const table = lookup.getByTestId('lookup-candidates');
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT));
  // Only the rows in view are in the DOM.
  expect(await table.locator('tbody tr:not(.spacer-row)').count()).toBeLessThan(60);

  // Scrolled as a wheel would, a screen at a time: each screen's rows are filled from the next pages.
  const scroll = lookup.getByTestId('lookup-scroll');
  const height = await scroll.evaluate((el) => el.scrollHeight);
  for (let top = 300; top < height + 300; top += 300) {
    await scroll.evaluate((el, y) => (el.scrollTop = y), top);
    await expect(table.locator('.placeholder-bar')).toHaveCount(0);
  }
  const lastRow = table.locator(`tbody tr[aria-rowindex="${COUNT + 1}"]`);
  await expect(lastRow).toContainText(`Кузнецов ${last.firstNameRu}`);
  await expect(lastRow).toContainText(formatDate(last.birthDate));
  await page.screenshot({ path: 'test-results/screenshots/lookup-paging.png' });
  // Pages after the first were read by cursor, never by reading the whole list again.
  const paged = lookups.filter((body) => (JSON.parse(body) as { after?: string | null }).after);
  expect(paged.length).toBeGreaterThanOrEqual(2);

  await lastRow.click();
  await lookup.getByRole('button', { name: 'Выбрать' }).click();
  await expect(dialog.getByLabel('Имя', { exact: true })).toHaveValue(last.firstNameRu);
  await expect(dialog.getByLabel('Дата рождения')).toHaveValue(formatDate(last.birthDate));
});
