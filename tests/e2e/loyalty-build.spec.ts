import { mkdirSync } from 'node:fs';
import { addMonths } from '../../shared/loyalty';
import { emptyClientInput } from '../../shared/domain/client';
import { today } from '../../shared/domain/clock';
import { emptyTouristFields } from '../../shared/domain/tour';
import { expect, test } from './fixtures';
import { saveTour } from './seed-tours';

const SCREENSHOTS = 'test-results/screenshots';
/** More stale tours than a loyalty read computes inline (loyalty-refresh.ts INLINE_TOURS = 2,000). */
const EMPTY_TOURS = 2_001;

test("the Loyalty screen shows the background build's progress, then the figures by themselves", async ({
  page,
  openApp,
  app,
}) => {
  test.setTimeout(240_000);
  const client = (await app.api('clients.save', {
    ...emptyClientInput(),
    lastNameRu: 'Строева',
    firstNameRu: 'Анна',
    lastNameLat: 'STROEVA',
    firstNameLat: 'ANNA',
  })) as { id: number };
  for (let i = 1; i <= 3; i++) {
    const tour = await saveTour(app, `B-${i}`, {
      arrivalDate: addMonths(today(), -6 * i),
      departureDate: addMonths(today(), -6 * i),
      status: 'completed',
      currency: 'RUB',
      priceMinor: 100_000_00,
      costMinor: 80_000_00,
    });
    await app.api('tourists.save', {
      tourId: tour.id,
      tourist: {
        ...emptyTouristFields(),
        lastNameRu: 'Строева',
        firstNameRu: 'Анна',
        clientId: client.id,
        serviceIds: [],
      },
    });
  }
  // Fifty requests at a time, as the other big e2e seeds: every new tour is marked stale.
  for (let start = 0; start < EMPTY_TOURS; start += 50) {
    const batch = Array.from({ length: Math.min(50, EMPTY_TOURS - start) }, (_, i) => start + i);
    await Promise.all(batch.map((n) => saveTour(app, `E-${n}`)));
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp();
  await page.getByRole('navigation', { name: 'main' }).getByRole('button', { name: 'Лояльность' }).click();
  // The first answer starts the build and says how far it is; the screen asks again each second.
  // It stays until the next answer, a second later, so it is read and photographed before it goes.
  const progress = page.getByText(/Идёт расчёт показателей лояльности: (туры|клиенты) \d+ из \d+/);
  await expect(progress).toContainText(new RegExp(`туры \\d+ из ${EMPTY_TOURS + 3}\\.`));
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/loyalty-building.png` });

  await expect(page.getByTestId('loyalty-totals')).toContainText('Клиентов с поездками: 1 · поездок: 3', {
    timeout: 120_000,
  });
  await expect(progress).toHaveCount(0);
});
