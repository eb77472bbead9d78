import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { expect } from './fixtures';
import { seedClient, test } from './forms-helpers';

interface Preview {
  fields: { field: string; options: { value: string | null }[]; chosen: number }[];
}
interface TourWithTourists {
  id: number;
  services: { id: number }[];
  tourists: { id: number; serviceIds: number[] }[];
}

/**
 * Issue 12 item 4: the journal lists a merge and a bulk edit with their time and what they changed,
 * and each is undone from it on a fresh page, long after its message is gone.
 */
test('the undo journal lists a merge and a bulk services edit with time and what changed, and undoes them', async ({
  page,
  openApp,
  app,
}) => {
  const keep = await seedClient(app, { lastNameRu: 'Слиянова', firstNameRu: 'Ольга', phone: '+7 900 1' });
  const merge = await seedClient(app, {
    lastNameRu: 'Слиянова',
    firstNameRu: 'Ольга',
    email: 'o@example.com',
  });
  const preview = (await app.api('duplicates.mergePreview', {
    keepId: keep.id,
    mergeId: merge.id,
  })) as Preview;
  await app.api('duplicates.merge', {
    keepId: keep.id,
    keepVersion: keep.version,
    mergeId: merge.id,
    mergeVersion: merge.version,
    values: Object.fromEntries(preview.fields.map((f) => [f.field, f.options[f.chosen]!.value])),
  });

  const { id: tourId } = (await app.api('tours.save', {
    ...emptyTourInput(),
    voucher: 'BULK-1',
    services: [{ kind: 'transfer', description: 'Аэропорт', startDate: null, endDate: null, priceMinor: 0 }],
  })) as { id: number };
  for (const lastNameRu of ['Первая', 'Вторая'])
    await app.api('tourists.save', {
      tourId,
      tourist: { ...emptyTouristFields(), lastNameRu, clientId: null, serviceIds: [] },
    });
  const tour = (await app.api('tours.get', { id: tourId })) as TourWithTourists;
  await app.api('tourists.bindServices', {
    tourId,
    touristIds: tour.tourists.map((t) => t.id),
    serviceIds: tour.services.map((s) => s.id),
    bind: true,
  });
  const bound = async () =>
    ((await app.api('tours.get', { id: tourId })) as TourWithTourists).tourists.map(
      (t) => t.serviceIds.length,
    );
  expect(await bound()).toEqual([1, 1]);

  // A page opened now shows no message of these actions: only the journal can undo them.
  await openApp();
  await expect(page.getByRole('status').getByRole('button', { name: 'Отменить' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Отмена и копии' }).click();
  const journal = page.getByRole('table', { name: 'Последние действия' });
  const bulkRow = journal.getByRole('row').filter({ hasText: 'Изменены услуги туристов: 2' });
  const mergeRow = journal
    .getByRole('row')
    .filter({ hasText: 'Карточки объединены: Слиянова Ольга → Слиянова Ольга' });
  await expect(bulkRow).toBeVisible();
  await expect(mergeRow).toBeVisible();
  // The time is the first cell, as the clerk's locale shows it (dd.mm.yyyy, hh:mm).
  await expect(bulkRow.getByRole('cell').first()).toHaveText(/^\d{2}\.\d{2}\.\d{2,4}, \d{2}:\d{2}$/);

  await bulkRow.getByRole('button', { name: 'Отменить' }).click();
  await expect(bulkRow.getByText('отменено')).toBeVisible();
  expect(await bound()).toEqual([0, 0]);
  await mergeRow.getByRole('button', { name: 'Отменить' }).click();
  await expect(mergeRow.getByText('отменено')).toBeVisible();
  const found = (await app.api('clients.lookup', { lastName: 'Слиянова' })) as { total: number };
  expect(found.total).toBe(2);
});
