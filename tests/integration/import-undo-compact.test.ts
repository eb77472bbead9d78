import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput } from '../../shared/domain/tour';
import type { TouristDraft } from '../../shared/import';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

const SURNAMES = ['Петрова', 'Сидорова', 'Орлова', 'Волкова', 'Зайцева'];

/** A list of `count` different tourists, each with a passport of its own. */
function drafts(count: number): TouristDraft[] {
  return Array.from({ length: count }, (_, i) => ({
    lastNameRu: SURNAMES[i % SURNAMES.length]!,
    firstNameRu: 'Анна',
    gender: 'F' as const,
    birthDate: `19${String(50 + (i % 40)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    passportNumber: String(750000000 + i),
    passportExpiry: '2032-01-01',
  }));
}

async function importList(count: number, action: 'create' | 'touristOnly') {
  const tour = await t.call('tours.save', {
    ...emptyTourInput(),
    voucher: `CMP-${count}-${action}`,
    services: [
      { kind: 'flight' as const, description: 'SVO-CDG', startDate: null, endDate: null, priceMinor: 0 },
      { kind: 'insurance' as const, description: 'Insurance', startDate: null, endDate: null, priceMinor: 0 },
    ],
  });
  const result = await t.call('import.commit', {
    tourId: tour.id,
    serviceIds: [tour.services[0]!.id],
    rows: drafts(count).map((draft) => ({ draft, action, clientId: null })),
  });
  return { tour, result };
}

async function journalBytes(entryId: number): Promise<number> {
  const items = await t.backend.db
    .selectFrom('undo_items')
    .select(['row_key', 'before_rows', 'after_rows'])
    .where('entry_id', '=', entryId)
    .execute();
  return items.reduce((n, i) => n + i.row_key.length + i.before_rows.length + i.after_rows.length, 0);
}

describe('the undo journal entry of an import', () => {
  it('keeps what a 400-row import created as ranges, not copies, and still undoes all of it', async () => {
    const { tour, result } = await importList(400, 'create');
    expect(result).toMatchObject({ touristsAdded: 400, clientsCreated: 400 });
    // A copy of 400 clients, their documents, search keys and tourists would be hundreds of kB.
    expect(await journalBytes(result.batchId)).toBeLessThan(2_000);

    const undone = await t.call('import.undo', { batchId: result.batchId });
    expect(undone).toEqual({ touristsRemoved: 400, clientsRemoved: 400, passportsRemoved: 0 });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toEqual([]);
    const left = await t.backend.db
      .selectFrom('clients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    for (const table of ['documents', 'client_search_keys', 'tourist_services'] as const) {
      const rows = await t.backend.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(rows.n), table).toBe(0);
    }
  });

  it('refuses the undo when an imported tourist was saved since, and changes nothing', async () => {
    const { tour, result } = await importList(20, 'touristOnly');
    const saved = await t.call('tours.get', { id: tour.id });
    const tourist = saved.tourists[7]!;
    await t.call('tourists.save', {
      tourId: tour.id,
      tourist: { ...tourist, phone: '+7 900 000-00-00' },
    });
    expect(await t.callError('import.undo', { batchId: result.batchId })).toMatchObject({
      code: 'STALE_VERSION',
      reason: 'undoLaterEdit',
      params: { table: 'tourists' },
    });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toHaveLength(20);
  });

  it('refuses the undo when the imported tourists were bound to another service since', async () => {
    const { tour, result } = await importList(10, 'touristOnly');
    const saved = await t.call('tours.get', { id: tour.id });
    const ids = saved.tourists.map((x) => x.id);
    // The same number of links, to another service: a count alone would not see it.
    await t.call('tourists.bindServices', {
      tourId: tour.id,
      touristIds: ids,
      serviceIds: [tour.services[0]!.id],
      bind: false,
    });
    await t.call('tourists.bindServices', {
      tourId: tour.id,
      touristIds: ids,
      serviceIds: [tour.services[1]!.id],
      bind: true,
    });
    expect(await t.callError('import.undo', { batchId: result.batchId })).toMatchObject({
      code: 'STALE_VERSION',
      reason: 'undoLaterEdit',
      params: { table: 'tourist_services' },
    });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toHaveLength(10);
  });

  it('refuses the undo when one of the imported tourists was removed since', async () => {
    const { tour, result } = await importList(5, 'touristOnly');
    const saved = await t.call('tours.get', { id: tour.id });
    await t.call('tourists.delete', { id: saved.tourists[2]!.id });
    // Its service links went with it, and undo checks the links first (it works backwards).
    expect(await t.callError('import.undo', { batchId: result.batchId })).toMatchObject({
      reason: 'undoLaterEdit',
      params: { table: 'tourist_services' },
    });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toHaveLength(4);
  });
  it("forgets a person an import created: the import's entry goes, the others stay undoable", async () => {
    const { tour, result } = await importList(3, 'create');
    const client = (await t.call('clients.list', { search: 'Петрова' })).rows[0]!;
    const other = await importList(2, 'touristOnly');

    const act = await t.call('clients.forget', { id: client.id });
    expect(act.undoEntriesRemoved).toBe(1);
    const entries = await t.backend.db.selectFrom('undo_entries').select('id').execute();
    expect(entries.map((e) => e.id)).not.toContain(result.batchId);
    expect(entries.map((e) => e.id)).toContain(other.result.batchId);
    expect((await t.call('tours.get', { id: tour.id })).tourists).toHaveLength(3);
    expect(await t.call('import.undo', { batchId: other.result.batchId })).toMatchObject({
      touristsRemoved: 2,
    });
  });
});
