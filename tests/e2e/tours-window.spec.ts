import { expect, test } from './fixtures';
import { saveTour } from './seed-tours';

/** tour-pager.ts: pages of 100 tours, at most 10 of them in memory. */
const COUNT = 1_150;
const MAX_PAGES = 10;

test('the tours list drops pages far from view and reads them again when scrolled back', async ({
  app,
  openApp,
  page,
}) => {
  test.setTimeout(240_000);
  const names = Array.from({ length: COUNT }, (_, i) => `W-${String(i + 1).padStart(4, '0')}`);
  // Fifty at a time without waiting for each answer; the list shows them newest (highest id) first.
  const saved: { voucher: string; id: number }[] = [];
  for (let i = 0; i < COUNT; i += 50)
    saved.push(
      ...(await Promise.all(
        names.slice(i, i + 50).map(async (voucher) => ({ voucher, id: (await saveTour(app, voucher)).id })),
      )),
    );
  const newestFirst = saved.sort((a, b) => b.id - a.id).map((s) => s.voucher);
  await openApp();
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  const box = page.getByTestId('tours-list');
  const vouchers = page.getByTestId('tours-table').locator('tbody tr:not(.spacer-row) td:first-child');
  await expect(vouchers.first()).toHaveText(newestFirst[0]!);

  // Down to the end a screen at a time, as a wheel would: never more than 10 pages in memory.
  let mostPages = 0;
  for (let step = 0; step < 200; step++) {
    const atEnd = await box.evaluate((el) => {
      el.scrollTop += el.clientHeight;
      return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    });
    mostPages = Math.max(mostPages, Number(await box.getAttribute('data-loaded-pages')));
    if (atEnd && (await vouchers.last().textContent()) === newestFirst[COUNT - 1]) break;
    await page.waitForTimeout(30);
  }
  await expect(vouchers.last()).toHaveText(newestFirst[COUNT - 1]!);
  expect(mostPages).toBeLessThanOrEqual(MAX_PAGES);
  // The column headers stay at the top of the scrolled list.
  const headTop = await page.getByTestId('tours-table').locator('thead th').first().boundingBox();
  const boxTop = await box.boundingBox();
  expect(Math.abs(headTop!.y - boxTop!.y)).toBeLessThanOrEqual(2);
  await expect(vouchers.first()).not.toHaveText(newestFirst[0]!);
  await page.screenshot({ path: 'test-results/screenshots/tours-list-window.png' });

  // Back to the top: the first page, dropped on the way down, is read again by its cursor.
  await box.evaluate((el) => el.scrollTo(0, 0));
  await expect(vouchers.first()).toHaveText(newestFirst[0]!);
  await expect(page.getByTestId('tours-table').locator('tbody tr').first()).toBeInViewport();
  const inDom = await vouchers.allTextContents();
  expect(new Set(inDom).size).toBe(inDom.length);
  expect(inDom.length).toBeLessThanOrEqual(MAX_PAGES * 100);
  // The rows in memory are the list's own rows in its order, whichever pages they are.
  const positions = inDom.map((v) => newestFirst.indexOf(v));
  expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
});
