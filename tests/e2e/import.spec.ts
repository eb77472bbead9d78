import type { Page } from '@playwright/test';
import { expect, test, type AppServer } from './fixtures';

async function createTour(app: AppServer) {
  return (await app.api('tours.save', {
    voucher: 'GR-900',
    arrivalDate: '2027-06-01',
    departureDate: '2027-06-10',
    country: 'GRC',
    resort: 'Крит',
    hotel: 'Aldemar',
    status: 'confirmed',
    priceMinor: 0,
    costMinor: 0,
    currency: 'EUR',
    notes: '',
    services: [
      { kind: 'accommodation', description: 'Aldemar', startDate: null, endDate: null, priceMinor: 0 },
    ],
  })) as { id: number };
}

async function paste(page: Page, html: string, text: string) {
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', t!);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    [html, text],
  );
}

async function drag(page: Page, from: string, to: string) {
  const source = await page.getByTestId(from).boundingBox();
  const target = await page.getByTestId(to).boundingBox();
  if (!source || !target) throw new Error('nothing to drag');
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2 + 10, { steps: 5 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 });
  await page.mouse.up();
}

const EXCEL_LIKE = `<html><head><style>td{mso-number-format:"\\@";}</style></head><body><table>
<!--StartFragment--><tr><td colspan=4>Группа на Крит</td></tr>
<tr><td>Турист</td><td>Имя по-русски</td><td>Д.р.</td><td>Паспорт</td><td>Годен до</td></tr>
<tr><td>IVANOVA/MARIA MRS</td><td>Мария</td><td>14.05.1980</td><td>75 1234567</td><td>01.01.2031</td></tr>
<tr><td>PETROV/PAVEL MSTR(CHD/05MAR16)</td><td>Павел</td><td>31.02.2016</td><td>76 7654321</td><td>01.01.2030</td></tr>
<tr><td>Итого: 2</td></tr><!--EndFragment--></table><script>window.__pwned = true</script></body></html>`;

test('a pasted list becomes tourists of the tour: mapping by drag, a fixed cell, commit, undo', async ({
  page,
  openApp,
  app,
}) => {
  await createTour(app);
  await openApp();
  await page.getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText('GR-900').dblclick();
  await page.getByRole('button', { name: 'Импорт списка' }).click();
  const screen = page.getByRole('dialog', { name: 'Импорт списка в тур GR-900' });
  await expect(screen.getByTestId('paste-zone')).toBeFocused();
  await paste(page, EXCEL_LIKE, 'Турист\tИмя по-русски\n');

  const rows = screen.locator('[data-testid^="import-row-"]');
  await expect(rows).toHaveCount(2);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await expect(screen.getByText('Пропущено строк (заголовки, итоги, пустые): 2')).toBeVisible();
  await expect(screen.getByTestId('slot-fullNameLat')).toContainText('← Турист');
  // The unknown header's column holds known first names: it is read as the first name. Dragged
  // onto another field it moves there, and dragged back it returns.
  await expect(screen.getByTestId('slot-firstNameRu')).toContainText('← Имя по-русски');
  await drag(page, 'column-1', 'slot-lastNameRu');
  await expect(screen.getByTestId('slot-lastNameRu')).toContainText('← Имя по-русски');
  await expect(screen.getByTestId('slot-firstNameRu')).not.toContainText('←');
  await drag(page, 'column-1', 'slot-firstNameRu');
  await expect(screen.getByTestId('slot-firstNameRu')).toContainText('← Имя по-русски');
  await expect(screen.getByTestId('slot-lastNameRu')).not.toContainText('←');

  // The impossible birth date blocks loading until the cell is fixed.
  await expect(rows.nth(1)).toContainText('Не дата: «31.02.2016».');
  await expect(screen.getByRole('button', { name: 'Загрузить 2' })).toBeDisabled();
  await rows.nth(1).getByRole('gridcell', { name: '31.02.2016', exact: true }).dblclick();
  await rows.nth(1).getByRole('textbox').fill('28.02.2016');
  await rows.nth(1).getByRole('textbox').press('Enter');
  await expect(rows.nth(1)).not.toContainText('Не дата');

  // Assist: the Russian surnames from the Latin, undoable.
  await screen.getByRole('button', { name: 'Латиница → русский' }).click();
  await expect(rows.nth(0)).toContainText('Иванова Мария · IVANOVA MARIA');
  await screen.getByRole('button', { name: 'Отменить (Ctrl+Z)' }).click();
  await expect(rows.nth(0)).not.toContainText('Иванова Мария');
  await screen.getByRole('button', { name: 'Латиница → русский' }).click();

  await screen.getByRole('button', { name: 'Загрузить 2' }).click();
  await expect(page.getByText('Загружено туристов: 2, новых клиентов: 0, новых паспортов: 0.')).toBeVisible();
  const tourists = page.getByTestId('tourists-table');
  await expect(tourists).toContainText('Иванова Мария');
  await expect(tourists).toContainText('Петров Павел');
  await expect(tourists).toContainText('28.02.2016');
  await expect(tourists.getByText('Aldemar')).toHaveCount(2);

  await page.getByRole('button', { name: 'Отменить импорт' }).click();
  await expect(page.getByText('Импорт отменён: удалено туристов 2, клиентов 0.')).toBeVisible();
  await expect(page.getByText('Туристов пока нет.')).toBeVisible();
});

// A list as Word puts it on the clipboard: a title above the table, so the grid's row numbers are
// not the rows' positions.
const FUTURE_BIRTH = `<html><body><p>Список группы</p><table class=MsoTableGrid>
<tr><td colspan=4><p class=MsoNormal>Группа на Крит</p></td></tr>
<tr><td><p>Фамилия</p></td><td><p>Имя</p></td><td><p>Дата рождения</p></td><td><p>Загранпаспорт</p></td></tr>
<tr><td><p>Иванова</p></td><td><p>Мария</p></td><td><p>14.05.1980</p></td><td><p>75 1234567</p></td></tr>
<tr><td><p>Петров</p></td><td><p>Павел</p></td><td><p>01.02.2031</p></td><td><p>76 7654321</p></td></tr>
</table></body></html>`;

test('a birth date in the future is flagged in the preview, at its cell and row number, before Load', async ({
  page,
  openApp,
  app,
}) => {
  await createTour(app);
  await openApp();
  await page.getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText('GR-900').dblclick();
  await page.getByRole('button', { name: 'Импорт списка' }).click();
  const screen = page.getByRole('dialog', { name: 'Импорт списка в тур GR-900' });
  await expect(screen.getByTestId('paste-zone')).toBeFocused();
  // Writer and Word put one cell per line in the text: it must not be read instead of the table.
  await paste(page, FUTURE_BIRTH, 'Группа на Крит\nФамилия\nИмя\nДата рождения\nЗагранпаспорт\n');

  const rows = screen.locator('[data-testid^="import-row-"]');
  await expect(rows).toHaveCount(2);
  const petrov = rows.nth(1);
  // The grid numbers the row as the table does (title 1, header 2): the future date is in row 4.
  await expect(petrov.getByTestId('row-number')).toHaveText('4');
  await expect(petrov).toContainText('Дата в будущем: «01.02.2031».');
  await expect(petrov.getByRole('gridcell', { name: '01.02.2031', exact: true })).toHaveClass(/cell-error/);
  await expect(rows.nth(0).locator('.cell-error')).toHaveCount(0);
  await expect(screen.getByText('Ошибок: 1')).toBeVisible();
  await expect(screen.getByRole('button', { name: 'Загрузить 2' })).toBeDisabled();

  await petrov.getByRole('gridcell', { name: '01.02.2031', exact: true }).dblclick();
  await petrov.getByRole('textbox').fill('01.02.2013');
  await petrov.getByRole('textbox').press('Enter');
  await expect(petrov).not.toContainText('Дата в будущем');
  await expect(screen.getByText('Ошибок: 0')).toBeVisible();
  await screen.getByRole('button', { name: 'Загрузить 2' }).click();
  await expect(page.getByText('Загружено туристов: 2, новых клиентов: 0, новых паспортов: 0.')).toBeVisible();
  await expect(page.getByTestId('tourists-table')).toContainText('01.02.2013');
});

const MANIFEST = `<table><tr><td>NO</td><td>NAME</td><td>DOB</td><td>DOCS</td><td>ROOM</td></tr>
<tr><td>1</td><td>IVANOVA/MARIA MRS(INF/ANNA/12JAN25)</td><td>12MAR85</td><td>751234567</td><td>DBL+INF</td></tr>
<tr><td>2</td><td>PETROV/ILYA MSTR</td><td>05JUL16</td><td>761112233</td><td>DBL</td></tr></table>`;

test('an infant inside the mother’s manifest element is a row of its own, loaded as a tourist', async ({
  page,
  openApp,
  app,
}) => {
  await createTour(app);
  await openApp();
  await page.getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText('GR-900').dblclick();
  await page.getByRole('button', { name: 'Импорт списка' }).click();
  const screen = page.getByRole('dialog', { name: 'Импорт списка в тур GR-900' });
  await expect(screen.getByTestId('paste-zone')).toBeFocused();
  await paste(page, MANIFEST, '');

  const rows = screen.locator('[data-testid^="import-row-"]');
  await expect(rows).toHaveCount(3);
  await expect(screen.getByTestId('row-number')).toHaveText(['2', '2a', '3']);
  await expect(rows.nth(0)).toContainText('IVANOVA MARIA · F · 12.03.1985 · 751234567');
  await expect(rows.nth(1)).toContainText('IVANOVA ANNA · F · 12.01.2025 · INF');
  // The room type is shown and said not to be stored.
  await expect(rows.nth(0)).toContainText('Размещение: DBL+INF (не сохраняется)');
  await expect(screen.getByTestId('slot-roomType')).toContainText('(не сохраняется)');
  await screen.getByRole('button', { name: 'Загрузить 3' }).click();
  await expect(page.getByText('Загружено туристов: 3, новых клиентов: 0, новых паспортов: 0.')).toBeVisible();
  await expect(page.getByTestId('tourists-table')).toContainText('IVANOVA ANNA');
});

test('bad input gets a clear message and changes nothing', async ({ page, openApp, app }) => {
  await createTour(app);
  await openApp();
  await page.getByRole('button', { name: 'Импорт' }).click();
  const screen = page.getByRole('dialog', { name: 'Импорт в базу постоянных клиентов' });
  await expect(screen.getByTestId('paste-zone')).toBeFocused();
  await paste(page, '', 'x'.repeat(21_000_000));
  await expect(screen.getByText('Слишком большой объём')).toBeVisible();
  // Control characters are no table (they are dropped as text copied from a PDF brings them).
  await paste(page, '', '\u0000\u0001\u0002');
  await expect(screen.getByText('В буфере обмена нет таблицы.')).toBeVisible();
  await paste(page, '', '\u0000\u0001\u0002\t75 1234567');
  await expect(screen.locator('[data-testid^="import-row-"]')).toHaveCount(1);
  await expect(screen.getByText('Нет фамилии.')).toBeVisible();
  await expect(screen.getByRole('button', { name: /Загрузить/ })).toBeDisabled();
  await screen
    .getByTestId('import-file')
    .setInputFiles({ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('garbage') });
  await expect(screen.getByText('Файл повреждён или не соответствует своему расширению.')).toBeVisible();
  await screen
    .getByTestId('import-file')
    .setInputFiles({ name: 'list.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
  await expect(
    screen.getByText(
      'Поддерживаются файлы Excel (.xlsx, .xls), LibreOffice (.ods), таблицы Word (.docx) и .csv.',
    ),
  ).toBeVisible();
  await screen.getByTestId('import-file').setInputFiles({
    name: 'broken.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('PK\u0003\u0004garbage'),
  });
  await expect(screen.getByText('Файл повреждён или не соответствует своему расширению.')).toBeVisible();
  const wide = Array.from({ length: 200 }, (_, i) => `c${i}`).join('\t');
  await paste(page, '', `${wide}\n${wide}`);
  await expect(screen.locator('.import-head .import-th')).toHaveCount(100);
  await expect(
    screen.getByText('Слишком большой объём: не больше 20 000 строк и 100 колонок за раз.'),
  ).toBeVisible();
  expect(((await app.api('clients.list', {})) as { total: number }).total).toBe(0);
});

test('a list imported into the base makes regular clients; a tour takes tourists from an earlier tour', async ({
  page,
  openApp,
  app,
}) => {
  await createTour(app);
  const earlier = (await app.api('tours.save', {
    voucher: 'OLD-1',
    arrivalDate: '2026-01-01',
    departureDate: '2026-01-08',
    country: 'TUR',
    resort: '',
    hotel: '',
    status: 'completed',
    priceMinor: 0,
    costMinor: 0,
    currency: 'RUB',
    notes: '',
    services: [],
  })) as { id: number };
  await app.api('tourists.save', {
    tourId: earlier.id,
    tourist: {
      lastNameRu: 'Соколова',
      firstNameRu: 'Ольга',
      middleNameRu: '',
      lastNameLat: 'SOKOLOVA',
      firstNameLat: 'OLGA',
      gender: 'F',
      birthDate: '1975-03-03',
      citizenship: 'RUS',
      passportSeries: '75',
      passportNumber: '3334445',
      passportIssueDate: null,
      passportExpiry: '2033-01-01',
      passportLastNameLat: 'SOKOLOVA',
      passportFirstNameLat: 'OLGA',
      internalSeries: '',
      internalNumber: '',
      ticketNumber: '',
      phone: '',
      email: '',
      clientId: null,
      serviceIds: [],
    },
  });

  await openApp();
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  const base = page.getByRole('dialog', { name: 'Импорт в базу постоянных клиентов' });
  await expect(base.getByTestId('paste-zone')).toBeFocused();
  await paste(
    page,
    '',
    'Фамилия\tИмя\tДата рождения\nКузнецов\tАндрей\t01.02.1983\nОрлова\tВера\t03.04.1990\n',
  );
  await expect(base.locator('[data-testid^="import-row-"]')).toHaveCount(2);
  await expect(base.locator('[data-testid^="import-row-"]').first().getByRole('combobox')).toHaveValue(
    'create',
  );
  await base.getByRole('button', { name: 'Загрузить 2' }).click();
  await expect(page.getByText('Загружено туристов: 0, новых клиентов: 2, новых паспортов: 0.')).toBeVisible();
  await expect(page.getByTestId('clients-count')).toHaveText('2 клиента');

  // The same people pasted again are recognised: linked, not created twice.
  await page.getByRole('button', { name: 'Импорт', exact: true }).click();
  const again = page.getByRole('dialog', { name: 'Импорт в базу постоянных клиентов' });
  await expect(again.getByTestId('paste-zone')).toBeFocused();
  await paste(page, '', 'Фамилия\tИмя\tДата рождения\nKUZNETSOV\tANDREI\t01.02.1983\n');
  await expect(again.locator('[data-testid^="import-row-"]').first().getByRole('combobox')).toHaveValue(
    /^link:/,
  );
  // Closing after a paste asks before dropping the work; nothing is to be loaded here.
  await again.getByRole('button', { name: 'Закрыть' }).click();
  await page
    .getByRole('dialog', { name: 'Несохранённые изменения' })
    .getByRole('button', { name: 'Не сохранять', exact: true })
    .click();
  await expect(again).toBeHidden();
  await expect(page.getByTestId('clients-count')).toHaveText('2 клиента');

  await page.getByRole('button', { name: 'Туры' }).click();
  await page.getByTestId('tours-table').getByText('GR-900').dblclick();
  await page.getByRole('button', { name: 'Импорт списка' }).click();
  await page.getByRole('button', { name: 'Из другого тура…' }).click();
  const find = page.getByRole('dialog', { name: 'Поиск тура' });
  await find.getByLabel('Номер путёвки').fill('OLD');
  await expect(find.getByTestId('tours-table').locator('tbody tr')).toHaveCount(1);
  await find.getByRole('button', { name: 'Открыть' }).click();
  const screen = page.getByRole('dialog', { name: 'Импорт списка в тур GR-900' });
  await expect(screen.locator('[data-testid^="import-row-"]')).toHaveCount(1);
  await expect(screen.locator('[data-testid^="import-row-"]').first()).toContainText(
    'Соколова Ольга · SOKOLOVA OLGA · F · 03.03.1975 · 753334445',
  );
  await screen.getByRole('button', { name: 'Загрузить 1' }).click();
  await expect(page.getByTestId('tourists-table')).toContainText('Соколова Ольга');
});
