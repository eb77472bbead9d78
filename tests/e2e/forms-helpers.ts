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
