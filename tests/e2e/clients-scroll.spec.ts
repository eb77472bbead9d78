import { generateClients } from '../../electron/backend/demo/generate-clients';
import { expect, test } from './fixtures';

const COUNT = 3_000;
/** useClientPages' MAX_PAGES: pages of 100 rows kept in memory. */
const MAX_PAGES = 12;

interface ListPage {
  rows: { lastNameRu: string; firstNameRu: string }[];
}

test('the clients list scrolls to the end and back: far pages are dropped and fetched again', async ({
  app,
  openApp,
  page,
}) => {
  test.setTimeout(240_000);
  const clients = generateClients(COUNT, 3);
  for (let i = 0; i < COUNT; i += 1_000) {
    await app.api('import.commit', {
      tourId: null,
      rows: clients.slice(i, i + 1_000).map((c) => ({
        draft: {
          lastNameRu: c.lastNameRu,
          firstNameRu: c.firstNameRu,
          lastNameLat: c.lastNameLat,
          firstNameLat: c.firstNameLat,
          ...(c.gender ? { gender: c.gender } : {}),
          ...(c.birthDate ? { birthDate: c.birthDate } : {}),
          citizenship: c.citizenship,
        },
        action: 'create',
        clientId: null,
      })),
    });
  }
  const first = ((await app.api('clients.list', { limit: 1 })) as ListPage).rows[0]!;
  const last = ((await app.api('clients.list', { limit: 1, direction: 'desc' })) as ListPage).rows[0]!;

  const listBodies: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/clients.list')) listBodies.push(request.postData() ?? '');
  });
  await openApp();
  const grid = page.getByTestId('clients-grid');
  const body = page.getByTestId('clients-grid-body');
  await expect(grid).toHaveAttribute('aria-rowcount', String(COUNT));
  await expect(page.locator('[role=row][aria-rowindex="1"]')).toContainText(first.lastNameRu);

  // Down to the end, about 85 rows at a time, as a wheel would: every step's rows are filled.
  let mostPages = 0;
  const height = await body.evaluate((el) => el.scrollHeight);
  for (let top = 2_400; top < height + 2_400; top += 2_400) {
    await body.evaluate((el, y) => (el.scrollTop = y), top);
    await expect(page.locator('.placeholder-bar')).toHaveCount(0);
    mostPages = Math.max(mostPages, Number(await grid.getAttribute('data-loaded-pages')));
  }
  await expect(page.locator(`[role=row][aria-rowindex="${COUNT}"]`)).toContainText(last.lastNameRu);
  expect(mostPages).toBeGreaterThan(1);
  expect(mostPages).toBeLessThanOrEqual(MAX_PAGES);
  // The pages came by cursor, each after the previous one; the total was counted once.
  expect(listBodies.filter((b) => b.includes('"after"')).length).toBeGreaterThanOrEqual(COUNT / 100 - 2);
  expect(listBodies.filter((b) => b.includes('"count":true'))).toHaveLength(1);

  // Back to the top with one jump: page 0 was dropped, so it is fetched again, and shows the same rows.
  const before = listBodies.length;
  await body.evaluate((el) => (el.scrollTop = 0));
  await expect(page.locator('[role=row][aria-rowindex="1"]')).toContainText(first.lastNameRu);
  await expect(page.locator('.placeholder-bar')).toHaveCount(0);
  expect(listBodies.slice(before).some((b) => b.includes('"offset":0'))).toBe(true);
  expect(Number(await grid.getAttribute('data-loaded-pages'))).toBeLessThanOrEqual(MAX_PAGES);

  // A jump to the middle lands on the right rows.
  const middle = ((await app.api('clients.list', { limit: 1, offset: 1_500 })) as ListPage).rows[0]!;
  await body.evaluate((el) => (el.scrollTop = 1_500 * 28));
  await expect(page.locator('[role=row][aria-rowindex="1501"]')).toContainText(`${middle.lastNameRu}`);
});
