import type { Country } from '../../shared/domain/tour';
import { expect, test } from './fixtures';

test('the countries book is read page by page after each cursor, down to its last country', async ({
  app,
  openApp,
  page,
}) => {
  test.setTimeout(120_000);
  // More countries than a page (100): names starting with Я come last in the book's order.
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let i = 0; i < 130; i++)
    await app.api('countries.save', {
      code: `Q${letters[1 + Math.floor(i / 26)]}${letters[i % 26]}`,
      nameRu: `Яхонтия ${String(i).padStart(3, '0')}`,
      nameEn: `Yakhontia ${i}`,
      nameFr: `Yakhontie ${i}`,
      passportMarginMonths: 3,
      questionnaireLanguage: 'en',
      formKey: null,
    });
  const whole = (await app.api('countries.list', {})) as Country[];
  expect(whole.length).toBeGreaterThan(130);
  const last = whole[whole.length - 1]!;
  expect(last.nameRu).toBe('Яхонтия 129');

  const pages: { after: string | null }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/countries.page'))
      pages.push(JSON.parse(request.postData() ?? '{}') as { after: string | null });
  });
  await openApp();
  await page.getByRole('button', { name: 'Справочники' }).click();
  await page.getByRole('tab', { name: 'Страны' }).click();
  const table = page.getByRole('table', { name: 'Страны' });
  await expect(table.getByLabel(`${last.code} По-французски`)).toHaveValue(last.nameFr);
  await expect(table.getByLabel('ITA По-французски')).toHaveValue('Italie');
  await expect(table.locator('tbody tr')).toHaveCount(whole.length + 1);
  // The first page from the start, every other one after the previous page's cursor.
  expect(pages.length).toBe(Math.ceil(whole.length / 100));
  expect(pages[0]!.after).toBeNull();
  expect(pages.slice(1).every((p) => typeof p.after === 'string')).toBe(true);
});
