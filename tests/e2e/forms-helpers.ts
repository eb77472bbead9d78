import type { Page } from '@playwright/test';
import { emptyClientInput } from '../../shared/domain/client';
import { emptyTourInput } from '../../shared/domain/tour';
import { test as base, type AppServer } from './fixtures';

/**
 * The fixtures' test, with the encrypted base's one-time recovery-key window put off ("Later")
 * whenever it shows, so a test of the forms works on the screens behind it.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    await page.addLocatorHandler(page.getByRole('dialog', { name: 'Ключ восстановления базы' }), (dialog) =>
      dialog.getByRole('button', { name: 'Позже' }).click(),
    );
    await use(page);
  },
});

const TOUR_BASE = {
  ...emptyTourInput(),
  arrivalDate: '2027-05-01',
  departureDate: '2027-05-10',
  country: 'FRA',
  hotel: 'Hôtel du Louvre',
};
export function seedClient(app: AppServer, fields: Record<string, unknown>) {
  return app.api('clients.save', { ...emptyClientInput(), ...fields }) as Promise<{
    id: number;
    version: number;
  }>;
}

export function seedTour(app: AppServer, voucher: string) {
  return app.api('tours.save', { ...TOUR_BASE, voucher }) as Promise<{ id: number }>;
}

/** Opens a tour's card from the tours list by its voucher. */
export async function openTour(page: Page, voucher: string) {
  await page.getByRole('button', { name: 'Туры', exact: true }).click();
  await page.getByTestId('tours-table').getByText(voucher).dblclick();
  await page.getByRole('heading', { name: `Тур ${voucher}` }).waitFor();
}

/**
 * The same key with the other layout as a DOM event at the focused element (for shortcuts the
 * browser itself would take first when sent as input, such as Ctrl+N).
 */
export async function dispatchWithLayout(page: Page, init: { key: string; code: string; ctrl?: boolean }) {
  await page.evaluate(({ key, code, ctrl }) => {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key, code, ctrlKey: ctrl ?? false, bubbles: true, cancelable: true }),
    );
  }, init);
}

/**
 * A key press as the keyboard sends it with another layout active: the physical key (code) and the
 * character it types differ, e.g. Ctrl + the key marked F with the Russian layout gives key «а», code KeyF.
 */
export async function pressWithLayout(
  page: Page,
  { key, code, keyCode, ctrl = false }: { key: string; code: string; keyCode: number; ctrl?: boolean },
) {
  const cdp = await page.context().newCDPSession(page);
  const modifiers = ctrl ? 2 : 0;
  for (const type of ['rawKeyDown', 'keyUp'] as const)
    await cdp.send('Input.dispatchKeyEvent', {
      type,
      modifiers,
      key,
      code,
      windowsVirtualKeyCode: keyCode,
      nativeVirtualKeyCode: keyCode,
    });
  await cdp.detach();
}

/** The unsaved-work question every editor asks on leaving with changes. */
export const unsavedPrompt = (page: Page) => page.getByRole('dialog', { name: 'Несохранённые изменения' });

/** Answers the unsaved-work question. */
export const answerUnsaved = (page: Page, answer: 'Сохранить' | 'Не сохранять' | 'Отмена') =>
  unsavedPrompt(page).getByRole('button', { name: answer, exact: true }).click();

/** A table pasted from Excel or Word into the focused element (HTML and tab-separated text). */
export async function pasteTable(page: Page, rows: string[][]) {
  const html = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', t!);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    [html, rows.map((r) => r.join('\t')).join('\n')],
  );
}
