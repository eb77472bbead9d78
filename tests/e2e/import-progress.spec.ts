import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';

/** A list big enough that reading it takes a few of the screen's progress polls (every 250 ms). */
async function bigList(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Список');
  sheet.addRow(['Фамилия', 'Имя', 'Дата рождения', 'Загранпаспорт', 'Гражданство', 'Примечание']);
  for (let r = 0; r < rows; r++) {
    sheet.addRow([
      `Иванова${r}`,
      'Мария',
      new Date(Date.UTC(1960 + (r % 40), r % 12, 1 + (r % 28))),
      `75 ${String(1_000_000 + r)}`,
      'RUS',
      `Комната ${r % 500}, трансфер ${r % 7 ? 'групповой' : 'индивидуальный'}`,
    ]);
  }
  sheet.getColumn(3).numFmt = 'dd.mm.yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a large .xlsx shows how far it has been read, then its preview', async ({ page, openApp }) => {
  test.setTimeout(180_000);
  const file = await bigList(120_000);
  await openApp();
  await page.getByRole('button', { name: 'Импорт' }).click();
  const screen = page.getByRole('dialog', { name: 'Импорт в базу постоянных клиентов' });
  await expect(screen.getByTestId('paste-zone')).toBeFocused();

  // Every percentage the reading banner shows, as the clerk sees it change. Recorded in the page,
  // because the banner may come and go between two of the test's own looks.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __percents: number[] }).__percents = seen;
    new MutationObserver(() => {
      const banner = document.querySelector('[data-testid="import-reading"]');
      const percent = /(\d+)%$/.exec(banner?.textContent ?? '')?.[1];
      if (percent !== undefined && seen.at(-1) !== Number(percent)) seen.push(Number(percent));
      if (banner && banner.getAttribute('aria-valuenow') !== percent && percent !== undefined) {
        seen.push(-1); // the progress bar's value and its text disagree
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await screen.getByTestId('import-file').setInputFiles({
    name: 'big-list.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  const reading = screen.getByTestId('import-reading');
  await expect(reading).toContainText('Читаю файл «big-list.xlsx»…');
  await page.screenshot({ path: test.info().outputPath('reading.png') });

  // Then the preview: the first rows of the list, the dates as the cells showed them.
  const first = screen.locator('[data-testid^="import-row-"]').first();
  await expect(first).toBeVisible({ timeout: 120_000 });
  await expect(reading).toBeHidden();
  await expect(first).toContainText('Иванова0');
  await expect(first).toContainText('01.01.1960');
  await page.screenshot({ path: test.info().outputPath('preview.png') });

  // The worker's own reports reached the screen: a percentage between the start and the end was
  // shown, and the shown percentages only rose.
  const percents = await page.evaluate(() => (window as unknown as { __percents: number[] }).__percents);
  expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(percents.every((p) => p >= 0 && p < 100)).toBe(true);
});
