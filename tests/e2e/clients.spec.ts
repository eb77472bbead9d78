import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sessionCookieOf } from '../helpers/session-cookie';
import { expect, test } from './fixtures';

const SCREENSHOTS = 'test-results/screenshots';

async function fillDocument(page: Page, index: number, values: Record<string, string>, kind?: string) {
  const doc = page.getByTestId(`document-${index}`);
  if (kind) await doc.getByLabel('Вид').selectOption({ label: kind });
  for (const [label, value] of Object.entries(values))
    await doc.getByLabel(label, { exact: true }).fill(value);
}

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Поиск по фамилии')).toBeFocused();
  await page.keyboard.type(text);
}

function rows(page: Page) {
  return page
    .getByTestId('clients-grid')
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });
}

test('a clerk creates a client with two passports, finds it in both scripts, edits it', async ({
  page,
  openApp,
}) => {
  await openApp();
  await expect(page.getByText('Клиентов пока нет')).toBeVisible();

  await page.getByRole('button', { name: '+ Новый клиент' }).click();
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Щукина');
  await card.getByLabel('Имя', { exact: true }).fill('Юлия');
  await card.getByLabel('Отчество').fill('Андреевна');
  await card.getByRole('button', { name: 'Латиница по ИКАО' }).click();
  await expect(card.getByLabel('Фамилия латиницей')).toHaveValue('SHCHUKINA');
  await expect(card.getByLabel('Имя латиницей')).toHaveValue('IULIIA');
  await card.getByLabel('Пол').selectOption('F');
  await card.getByLabel('Дата рождения').fill('14.05.1985');
  await card.getByLabel('Телефон').fill('+7 916 000-11-22');

  await card.getByRole('button', { name: '+ Добавить документ' }).click();
  await fillDocument(page, 0, {
    Серия: '75',
    Номер: '1234567',
    Выдан: '10.01.2020',
    'Действует до': '10.01.2030',
    'Фамилия в документе': 'SHCHUKINA',
    'Имя в документе': 'IULIIA',
  });
  await card.getByRole('button', { name: '+ Добавить документ' }).click();
  await fillDocument(
    page,
    1,
    {
      Серия: '72',
      Номер: '7654321',
      Выдан: '01.02.2009',
      'Действует до': '01.02.2014',
      'Фамилия в документе': 'SHCHUKINA',
      'Имя в документе': 'YULIYA',
    },
    'Загранпаспорт',
  );
  await page.getByTestId('document-1').getByLabel('Архивный').check();
  await card.getByRole('button', { name: 'Сохранить' }).click();

  await expect(card).toBeHidden();
  await expect(page.getByText('Клиент сохранён.')).toBeVisible();
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await expect(rows(page).first()).toContainText('Щукина Юлия Андреевна');
  await expect(rows(page).first()).toContainText('75 1234567');

  // Latin typed, Cyrillic found; then Cyrillic typed.
  await search(page, 'shchuk');
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await page.getByLabel('Поиск по фамилии').fill('');
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Поиск по фамилии').fill('Щук');
  await expect(page.getByTestId('clients-count')).toHaveText('1 клиент');
  await page.getByLabel('Поиск по фамилии').fill('YULI');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  await page.getByLabel('Поиск по фамилии').fill('SHCHUKINA');
  await expect(rows(page)).toHaveCount(1);

  // Enter opens the found client; edit and save.
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Клиент: Щукина Юлия Андреевна' });
  await expect(edit.getByTestId('document-1')).toContainText('Архивный');
  await expect(edit.getByTestId('document-0').getByLabel('Номер')).toHaveValue('1234567');
  await edit.getByLabel('Телефон').fill('+7 916 999-99-99');
  await edit.getByLabel('Телефон').press('Control+s');
  await expect(edit).toBeHidden();
  await expect(rows(page).first()).toContainText('+7 916 999-99-99');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.getByLabel('Поиск по фамилии').fill('');
  await rows(page).first().dblclick();
  await expect(page.getByRole('dialog')).toBeVisible();
  // The contacts' boxes stand on one line: a longer label above a narrow box does not wrap and lower it.
  const phoneBox = await page.getByRole('dialog').getByLabel('Телефон').boundingBox();
  const cardBox = await page.getByRole('dialog').getByLabel('Последние цифры карты').boundingBox();
  expect(cardBox?.y).toBe(phoneBox?.y);
  const seriesBox = await page
    .getByRole('dialog')
    .getByTestId('document-0')
    .getByLabel('Серия')
    .boundingBox();
  expect(seriesBox?.width).toBeLessThan(100);
  await page.screenshot({ path: `${SCREENSHOTS}/client-card.png` });
});

test('a bad passport number and an impossible date are shown at their fields and nothing is saved', async ({
  page,
  openApp,
  app,
}) => {
  await openApp();
  await page.keyboard.press('Insert');
  const card = page.getByRole('dialog', { name: 'Новый клиент' });
  await card.getByLabel('Фамилия', { exact: true }).fill('Петров');
  await card.getByLabel('Дата рождения').fill('31.02.2020');
  await card.getByRole('button', { name: '+ Добавить документ' }).click();
  await fillDocument(page, 0, { Серия: '75', Номер: '12345' });
  await card.getByRole('button', { name: 'Сохранить' }).click();
  await expect(card.getByText('Нет такой даты. Введите в виде дд.мм.гггг.')).toBeVisible();
  await expect(card.getByText('Загранпаспорт РФ: серия 2 цифры и номер 7 цифр')).toBeVisible();
  await expect(card.getByLabel('Дата рождения')).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText('Исправьте отмеченные поля: 2.')).toBeVisible();
  expect(((await app.api('clients.list', {})) as { total: number }).total).toBe(0);

  await card.getByLabel('Дата рождения').fill('28.02.2020');
  await fillDocument(page, 0, { Номер: '1234567' });
  // A right-to-left override pasted with the surname would show it reversed: refused at the field.
  await card.getByLabel('Фамилия', { exact: true }).fill('Пет\u202Eров');
  await card.getByRole('button', { name: 'Сохранить' }).click();
  await expect(card.getByText('В тексте недопустимый символ U+202E')).toBeVisible();
  await expect(card.getByLabel('Фамилия', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(((await app.api('clients.list', {})) as { total: number }).total).toBe(0);

  await card.getByLabel('Фамилия', { exact: true }).fill('Петров');
  await card.getByRole('button', { name: 'Сохранить' }).click();
  await expect(card).toBeHidden();
  expect(((await app.api('clients.list', {})) as { total: number }).total).toBe(1);
});

test('a stale edit from a second window is refused with a message', async ({
  page,
  openApp,
  app,
  browser,
}) => {
  await app.api('clients.save', {
    lastNameRu: 'Иванов',
    firstNameRu: 'Иван',
    middleNameRu: '',
    lastNameLat: 'IVANOV',
    firstNameLat: 'IVAN',
    gender: 'M',
    birthDate: '1980-01-01',
    birthPlace: '',
    citizenship: 'RUS',
    phone: '111',
    email: '',
    address: '',
    notes: '',
    preferences: '',
    documents: [],
  });
  await openApp();
  const second = await (await browser.newContext()).newPage();
  await openApp(second);

  for (const p of [page, second]) await rows(p).first().dblclick();
  const first = page.getByRole('dialog');
  await first.getByLabel('Телефон').fill('222');
  await first.getByRole('button', { name: 'Сохранить' }).click();
  await expect(first).toBeHidden();

  const stale = second.getByRole('dialog');
  await stale.getByLabel('Телефон').fill('333');
  await stale.getByRole('button', { name: 'Сохранить' }).click();
  await expect(stale.getByRole('alert').first()).toContainText('Этого клиента уже изменил кто-то другой');
  await stale.getByRole('button', { name: 'Открыть заново' }).click();
  await expect(stale.getByLabel('Телефон')).toHaveValue('222');
  await second.context().close();
});

test('delete with undo, keyboard navigation and the screenshot of the list', async ({
  page,
  openApp,
  app,
}) => {
  for (const [ru, lat] of [
    ['Алексеев', 'ALEKSEEV'],
    ['Борисова', 'BORISOVA'],
    ['Воробьёв', 'VOROBEV'],
  ] as const) {
    await app.api('clients.save', {
      lastNameRu: ru,
      firstNameRu: 'Тест',
      middleNameRu: '',
      lastNameLat: lat,
      firstNameLat: 'TEST',
      gender: null,
      birthDate: null,
      birthPlace: '',
      citizenship: 'RUS',
      phone: '',
      email: '',
      address: '',
      notes: '',
      preferences: '',
      documents: [],
    });
  }
  await openApp();
  await expect(rows(page)).toHaveCount(3);
  await page.getByTestId('clients-grid-body').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Клиент: Борисова Тест' });
  await card.getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByText('Клиент Борисова Тест удалён.')).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Отменить' }).click();
  await expect(page.getByText('Клиент Борисова Тест восстановлен.')).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(1)).toContainText('Борисова');

  // Esc closes a card; sorting by the Latin name descending puts VOROBEV first.
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog', { name: 'Новый клиент' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: 'Латиницей' }).click();
  await page.getByRole('button', { name: 'Латиницей' }).click();
  await expect(rows(page).first()).toContainText('VOROBEV');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/clients-list.png` });
});

test('filters, column choice and the remembered language', async ({ page, openApp, app }) => {
  const base = {
    firstNameRu: 'Тест',
    middleNameRu: '',
    lastNameLat: '',
    firstNameLat: '',
    gender: null,
    birthPlace: '',
    phone: '',
    email: '',
    address: '',
    notes: '',
    preferences: '',
  };
  const month = String(new Date().getMonth() + 1).padStart(2, '0');
  const soon = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
  await app.api('clients.save', {
    ...base,
    lastNameRu: 'Казахова',
    citizenship: 'KAZ',
    birthDate: `1990-${month}-10`,
    documents: [],
  });
  await app.api('clients.save', {
    ...base,
    lastNameRu: 'Скоров',
    citizenship: 'RUS',
    birthDate: '1980-01-01',
    documents: [
      {
        kind: 'foreign_passport',
        issuingCountry: 'RUS',
        series: '75',
        number: '1112223',
        issueDate: '2016-01-01',
        expiryDate: soon,
        issuedBy: '',
        lastNameLat: '',
        firstNameLat: '',
        archived: false,
      },
    ],
  });
  await openApp();
  await expect(rows(page)).toHaveCount(2);
  // The filter, not the citizenship column's width handle («Ширина столбца «Гражданство»»).
  await page.getByRole('group', { name: 'Фильтры' }).getByLabel('Гражданство').selectOption('KAZ');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Казахова');
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await page.getByLabel('Паспорт истекает').selectOption('3');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Скоров');
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await page.getByLabel('День рождения в этом месяце').check();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Казахова');

  await page.getByRole('button', { name: 'Колонки ▾' }).click();
  await page.getByRole('menu').getByLabel('Эл. почта').check();
  await expect(page.getByRole('columnheader', { name: 'Эл. почта' })).toBeVisible();

  await page.getByLabel('Язык').selectOption('en');
  await expect(page.getByRole('button', { name: '+ New client' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: '+ New client' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Email' })).toBeVisible();
  await page.getByRole('button', { name: 'About' }).click();
  await expect(page.getByTestId('about-db-path')).toHaveText(app.dbPath);
  await expect(page.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+$/);
});

test('sign-in: the page holds no secret, an address works once, the API needs the cookie and the own origin', async ({
  app,
  browser,
  openApp,
  page,
}) => {
  await openApp();
  const [cookie] = await page.context().cookies();
  expect(cookie).toMatchObject({
    name: sessionCookieOf(app.url),
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
  });
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const html = await page.evaluate(async () => (await fetch('/')).text());
  expect(html).toContain('<div id="root">');
  expect(html).not.toContain(cookie?.value ?? '-');

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(app.url);
  await expect(stranger).toHaveURL(`${app.url}login`);
  await expect(stranger.getByText('Вход в TourDesk — только через его запуск')).toBeVisible();
  const used = await app.signInUrl();
  await stranger.goto(used);
  await stranger.getByTestId('clients-count').waitFor();
  const late = await (await browser.newContext()).newPage();
  await late.goto(used);
  await expect(late.getByText('Этот адрес входа уже использован или устарел')).toBeVisible();
  await expect(late).toHaveURL(`${app.url}login`);

  const call = (headers: Record<string, string>) =>
    fetch(`${app.url}api/clients.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
  const own = app.url.replace(/\/$/, '');
  const session = `${sessionCookieOf(app.url)}=${cookie?.value ?? ''}`;
  const refused = await call({ origin: own });
  expect(refused.status).toBe(401);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await call({ cookie: session, origin: 'http://evil.example' })).status).toBe(403);
  expect((await call({ cookie: session, origin: own })).status).toBe(200);
  for (const p of [stranger, late]) await p.context().close();
});
