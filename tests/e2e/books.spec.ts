import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import type { Country } from '../../shared/domain/tour';
import type { DictionaryRow, FormSummary, QuestionnaireForm } from '../../shared/questionnaire/model';
import { expect, test, type AppServer } from './fixtures';

const SCHENGEN = 'Анкета на шенгенскую визу (Регламент (ЕС) 2019/1155, 33 поля)';
const SCHENGEN_2023 = 'Анкета на шенгенскую визу (Регламент (ЕС) 2023/2667, 34 поля)';
const JAPAN = 'Анкета на визу в Японию';

async function openBook(page: Page, tab: 'Страны' | 'Анкеты и поля' | 'Словарь') {
  await page.getByRole('button', { name: 'Справочники' }).click();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

const countries = (app: AppServer) => app.api('countries.list', {}) as Promise<Country[]>;
const forms = (app: AppServer) => app.api('forms.list', {}) as Promise<FormSummary[]>;
const words = (app: AppServer, search: string) =>
  (app.api('dictionary.list', { search }) as Promise<{ rows: DictionaryRow[] }>).then((page) => page.rows);

/** The toasts at the bottom of the window. */
const toasts = (page: Page) => page.getByRole('status');

async function deleteWord(page: Page, ru: string) {
  await page
    .getByRole('table', { name: 'Словарь для перевода' })
    .getByRole('row')
    .filter({ has: page.getByLabel(`${ru} По-французски`, { exact: true }) })
    .getByRole('button', { name: 'Удалить' })
    .click();
}

/** Saves a download where the test can read it again, and returns its path. */
async function keep(download: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'tourdesk-book-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

test('countries: a French name, questionnaire language and passport margin edited in place are saved and still there after a reload', async ({
  app,
  openApp,
  page,
}) => {
  await openApp();
  await openBook(page, 'Страны');
  const table = page.getByRole('table', { name: 'Страны' });
  await expect(table.getByLabel('ITA По-французски')).toHaveValue('Italie');

  // Three edits in a row, as fast as a clerk tabbing through the row: none may undo another.
  await table.getByLabel('ITA По-французски').fill('République italienne');
  await table.getByLabel('ITA По-французски').press('Tab');
  await table.getByLabel('ITA Язык анкеты').selectOption({ label: 'французский' });
  await table.getByLabel('ITA Запас паспорта, мес.').fill('6');
  await table.getByLabel('ITA Запас паспорта, мес.').press('Tab');
  await expect(toasts(page)).toContainText('Страна «Италия» сохранена');
  await expect
    .poll(async () => (await countries(app)).find((c) => c.code === 'ITA'))
    .toMatchObject({ nameFr: 'République italienne', questionnaireLanguage: 'fr', passportMarginMonths: 6 });

  await page.reload();
  await page.getByTestId('clients-count').waitFor();
  await openBook(page, 'Страны');
  await expect(table.getByLabel('ITA По-французски')).toHaveValue('République italienne');
  await expect(table.getByLabel('ITA Язык анкеты')).toHaveValue('fr');
  await expect(table.getByLabel('ITA Запас паспорта, мес.')).toHaveValue('6');
  // Only Italy changed.
  await expect(table.getByLabel('FRA По-французски')).toHaveValue('France');
  await expect(table.getByLabel('ESP Запас паспорта, мес.')).toHaveValue('3');
});

test('countries: the book exported as JSON comes back through the file input with the edits made in the file', async ({
  app,
  openApp,
  page,
}) => {
  await openApp();
  await openBook(page, 'Страны');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Выгрузить JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('countries.json');
  const file = await keep(download);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as Country[];
  expect(exported).toEqual(await countries(app));
  expect(exported.find((c) => c.code === 'PRT')).toMatchObject({
    nameFr: 'Portugal',
    passportMarginMonths: 3,
  });

  const edited = exported.map((c) =>
    c.code === 'PRT' ? { ...c, nameFr: 'République portugaise', passportMarginMonths: 4 } : c,
  );
  writeFileSync(file, JSON.stringify(edited));
  await page.getByLabel('Загрузить из файла…').setInputFiles(file);
  await expect(toasts(page)).toContainText(`Загружено стран: ${edited.length}`);
  const table = page.getByRole('table', { name: 'Страны' });
  await expect(table.getByLabel('PRT По-французски')).toHaveValue('République portugaise');
  await expect(table.getByLabel('PRT Запас паспорта, мес.')).toHaveValue('4');
  expect((await countries(app)).find((c) => c.code === 'PRT')).toMatchObject({
    nameFr: 'République portugaise',
    passportMarginMonths: 4,
  });

  // The spreadsheet export is a real .xlsx that the same input reads back.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Выгрузить XLSX' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toBe('countries.xlsx');
  await page.getByLabel('Загрузить из файла…').setInputFiles(await keep(xlsx));
  await expect(toasts(page).getByText(`Загружено стран: ${edited.length}`)).toHaveCount(2);
  await expect(table.getByLabel('PRT По-французски')).toHaveValue('République portugaise');
});

test('forms: a choice field added through the field dialog, with its option, shows in the form and opens again as saved', async ({
  app,
  openApp,
  page,
}) => {
  await openApp();
  await openBook(page, 'Анкеты и поля');
  await page
    .getByRole('combobox', { name: 'Анкета', exact: true })
    .selectOption({ label: `${SCHENGEN} (72)` });
  await expect(page.getByText('Страны: AUT, BEL')).toBeVisible();

  await page.getByRole('button', { name: '+ Поле' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое поле анкеты' });
  await dialog.getByLabel('№', { exact: true }).fill('34');
  await dialog.getByLabel('Ключ', { exact: true }).fill('insurance_company');
  await dialog.getByLabel('Название по-русски', { exact: true }).fill('Страховая компания');
  await dialog.getByLabel('По-английски', { exact: true }).fill('Insurance company');
  await dialog.getByLabel('По-французски', { exact: true }).fill("Compagnie d'assurance");
  await dialog.getByLabel('Тип', { exact: true }).selectOption({ label: 'Выбор из списка' });
  await dialog.getByLabel('Обязательное').check();

  // A choice field without options is refused, and the dialog says why.
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Для поля с выбором нужен хотя бы один вариант.');

  await dialog.getByRole('button', { name: '+ Вариант' }).click();
  await dialog.getByLabel('Код 1', { exact: true }).fill('ingosstrakh');
  await dialog.getByLabel('Название по-русски 1', { exact: true }).fill('Ингосстрах');
  await dialog.getByLabel('По-английски 1', { exact: true }).fill('Ingosstrakh');
  await dialog.getByLabel('По-французски 1', { exact: true }).fill('Ingosstrakh');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('table', { name: 'Анкеты и поля' }).getByRole('row').filter({
    hasText: 'insurance_company',
  });
  await expect(row).toContainText('34');
  await expect(row).toContainText('Страховая компания');
  await expect(row).toContainText("Compagnie d'assurance");
  await expect(row).toContainText('Выбор из списка (1)');
  await expect(row).toContainText('✓');
  await expect(
    page.getByRole('combobox', { name: 'Анкета', exact: true }).locator('option:checked'),
  ).toHaveText(`${SCHENGEN} (73)`);

  await row.getByRole('button', { name: 'Изменить' }).click();
  const again = page.getByRole('dialog', { name: 'Поле анкеты insurance_company' });
  await expect(again.getByLabel('Тип', { exact: true })).toHaveValue('choice');
  await expect(again.getByLabel('Код 1', { exact: true })).toHaveValue('ingosstrakh');
  await expect(again.getByLabel('Название по-русски 1', { exact: true })).toHaveValue('Ингосстрах');
  await again.getByRole('button', { name: 'Отмена' }).click();
  await expect(again).toBeHidden();

  const schengen = (await forms(app)).find((f) => f.key === 'schengen_2019');
  const form = (await app.api('forms.get', { id: schengen?.id })) as QuestionnaireForm;
  expect(form.fields.find((f) => f.key === 'insurance_company')).toMatchObject({
    number: '34',
    type: 'choice',
    required: true,
    label: { ru: 'Страховая компания', en: 'Insurance company', fr: "Compagnie d'assurance" },
    options: [{ code: 'ingosstrakh', label: { ru: 'Ингосстрах', en: 'Ingosstrakh', fr: 'Ingosstrakh' } }],
  });
});

test('dictionary: search, add a word, edit it in place, delete it and bring it back with undo', async ({
  app,
  openApp,
  page,
}) => {
  await openApp();
  await openBook(page, 'Словарь');
  const search = page.getByLabel('Поиск по-русски, по-английски или по-французски');
  const table = page.getByRole('table', { name: 'Словарь для перевода' });

  // Any of the three languages finds the entry.
  await search.fill('avocat');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByLabel('адвокат По-английски')).toHaveValue('lawyer');
  await expect(page.getByText('Слов: 1', { exact: true })).toBeVisible();

  await search.fill('парапланеризм');
  await expect(page.getByText('Слов: 0', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '+ Слово' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое слово в словаре' });
  await expect(dialog.getByLabel('По-русски')).toHaveValue('парапланеризм');
  await dialog.getByLabel('По-английски').fill('paragliding');
  await dialog.getByLabel('По-французски').fill('parapente');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toContainText('Слово «парапланеризм» добавлено');
  await expect(table.getByLabel('парапланеризм По-французски')).toHaveValue('parapente');
  await expect(page.getByText('Слов: 1', { exact: true })).toBeVisible();

  const french = table.getByLabel('парапланеризм По-французски');
  await french.fill('parapente de loisir');
  await french.press('Tab');
  await expect
    .poll(async () => (await words(app, 'парапланеризм')).map((w) => w.fr))
    .toEqual(['parapente de loisir']);
  await search.fill('');
  await search.fill('парапланеризм');
  await expect(table.getByLabel('парапланеризм По-французски')).toHaveValue('parapente de loisir');

  const [saved] = await words(app, 'парапланеризм');
  await deleteWord(page, 'парапланеризм');
  await expect(toasts(page)).toContainText('Слово «парапланеризм» удалено');
  await expect(french).toHaveCount(0);
  await expect(page.getByText('Слов: 0', { exact: true })).toBeVisible();
  expect(await words(app, 'парапланеризм')).toEqual([]);

  // Undo brings back the very row (same id), with the edit made before the delete.
  await toasts(page).getByRole('button', { name: 'Вернуть' }).click();
  await expect(toasts(page)).toContainText('Слово «парапланеризм» возвращено');
  await expect(french).toHaveValue('parapente de loisir');
  await expect(table.getByLabel('парапланеризм По-английски')).toHaveValue('paragliding');
  expect((await words(app, 'парапланеризм')).map((w) => [w.id, w.ru, w.en, w.fr])).toEqual([
    [saved?.id, 'парапланеризм', 'paragliding', 'parapente de loisir'],
  ]);
});

test('dictionary: undo of a delete is refused with a message once the same word has been added anew', async ({
  app,
  openApp,
  page,
}) => {
  await openApp();
  await openBook(page, 'Словарь');
  await page.getByLabel('Поиск по-русски, по-английски или по-французски').fill('адвокат');
  const table = page.getByRole('table', { name: 'Словарь для перевода' });
  await expect(table.getByLabel('адвокат По-французски')).toHaveValue('avocat');
  await deleteWord(page, 'адвокат');
  await expect(toasts(page)).toContainText('Слово «адвокат» удалено');

  await page.getByRole('button', { name: '+ Слово' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое слово в словаре' });
  await expect(dialog.getByLabel('По-русски')).toHaveValue('адвокат');
  await dialog.getByLabel('По-английски').fill('attorney');
  await dialog.getByLabel('По-французски').fill('avocat-conseil');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(toasts(page)).toContainText('Слово «адвокат» добавлено');

  await toasts(page).getByRole('button', { name: 'Вернуть' }).click();
  await expect(toasts(page)).toContainText(
    'Отменить нельзя: слово словаря — после этого действия запись изменили.',
  );
  // The clerk's new entry stays as typed.
  await expect(table.getByLabel('адвокат По-французски')).toHaveValue('avocat-conseil');
  expect((await words(app, 'адвокат')).map((w) => [w.en, w.fr])).toEqual([['attorney', 'avocat-conseil']]);
});

test('forms: deleting a form says what goes with it, leaves its countries without a form, and its exported file brings it back', async ({
  app,
  openApp,
  page,
}) => {
  await openApp();
  await openBook(page, 'Анкеты и поля');
  const picker = page.getByRole('combobox', { name: 'Анкета', exact: true });
  await picker.selectOption({ label: `${JAPAN} (61)` });
  await expect(page.getByText('Страны: JPN')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Выгрузить JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('form-japan.json');
  const file = await keep(download);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { key: string; fields: unknown[] };
  expect(exported.key).toBe('japan');
  expect(exported.fields).toHaveLength(61);

  // The clerk reads the question and says no: nothing happens.
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Удалить анкету' }).click();
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain(`Удалить анкету «${JAPAN}»?`);
  expect(questions[0]).toContain('все её поля (61) и варианты ответов');
  expect(questions[0]).toContain('Без анкеты останутся страны: JPN.');
  expect(questions[0]).toContain('Ответы, уже введённые в анкеты туристов, останутся в базе');
  expect((await forms(app)).map((f) => f.key)).toContain('japan');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Удалить анкету' }).click();
  await expect(toasts(page)).toContainText(`Анкета «${JAPAN}» удалена`);
  await expect(picker.locator('option')).toHaveText([`${SCHENGEN} (72)`, `${SCHENGEN_2023} (72)`]);
  expect((await forms(app)).map((f) => f.key)).toEqual(['schengen_2019', 'schengen_2023']);
  expect((await countries(app)).find((c) => c.code === 'JPN')?.formKey).toBeNull();

  await page.getByRole('tab', { name: 'Страны' }).click();
  await expect(page.getByLabel('JPN Анкета', { exact: true })).toHaveValue('');

  // The exported file restores the form with all its fields.
  await page.getByRole('tab', { name: 'Анкеты и поля' }).click();
  await page.getByLabel('Загрузить из файла…').setInputFiles(file);
  await expect(toasts(page)).toContainText('Загружено анкет: 1, полей: 61');
  await expect(picker.locator('option')).toHaveText([
    `${JAPAN} (61)`,
    `${SCHENGEN} (72)`,
    `${SCHENGEN_2023} (72)`,
  ]);
});

test('forms: deleting a form that is already gone is refused with a message, and the list catches up', async ({
  app,
  openApp,
  page,
}) => {
  await openApp();
  await openBook(page, 'Анкеты и поля');
  const picker = page.getByRole('combobox', { name: 'Анкета', exact: true });
  await picker.selectOption({ label: `${JAPAN} (61)` });
  // Another window deletes it while this one still shows it.
  const japan = (await forms(app)).find((f) => f.key === 'japan');
  await app.api('forms.delete', { id: japan?.id });

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Удалить анкету' }).click();
  await expect(toasts(page)).toContainText(
    `Анкета «${JAPAN}» не удалена: её уже нет в справочнике (возможно, её удалили в другом окне).`,
  );
  await expect(picker.locator('option')).toHaveText([`${SCHENGEN} (72)`, `${SCHENGEN_2023} (72)`]);
});
