import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTourInput } from '../../shared/domain/tour';
import { commitRows, touristRow } from '../../bench/commit-rows';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

const newTour = async (voucher: string) =>
  (await t.call('tours.save', { ...emptyTourInput(), voucher, services: [] })).id;

async function touristsOf(tourId: number) {
  return t.backend.db
    .selectFrom('tourists')
    .selectAll()
    .where('tour_id', '=', tourId)
    .orderBy('position')
    .execute();
}

/** A trigger that refuses one surname, so a write fails in the middle of the rows. */
async function refuse(surname: string): Promise<void> {
  if (t.dialect === 'sqlite') {
    await sql
      .raw(
        `CREATE TRIGGER refuse_row BEFORE INSERT ON tourists WHEN NEW.last_name_lat = '${surname}'
         BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
      )
      .execute(t.backend.db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN
         IF NEW.last_name_lat = '${surname}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
         RETURN NEW; END $$ LANGUAGE plpgsql;
       CREATE TRIGGER refuse_row BEFORE INSERT ON tourists FOR EACH ROW EXECUTE FUNCTION refuse_row()`,
    )
    .execute(t.backend.db);
}

describe('the lean import commit (tourists by one prepared statement, surname keys remembered)', () => {
  it('writes every row as the row mapping makes it, in order, and undoes them all', async () => {
    const rows = commitRows(700);
    const tourId = await newTour('LEAN-1');
    const result = await t.call('import.commit', { tourId, serviceIds: [], rows });
    expect(result.touristsAdded).toBe(700);
    const written = await touristsOf(tourId);
    expect(written).toHaveLength(700);
    written.forEach((row, i) => {
      // Every column, the surname keys included, equals the mapping of the draft computed alone.
      expect(row).toMatchObject(touristRow(rows[i]!.draft));
      expect(row.position).toBe(i);
      expect(row.version).toBe(1);
    });
    expect(new Set(written.map((r) => r.id)).size).toBe(700);
    await t.call('import.undo', { batchId: result.batchId });
    expect(await touristsOf(tourId)).toHaveLength(0);
  });

  it('writes nothing when a row fails in the middle of the inserts', async () => {
    const rows = commitRows(400).map((row, i) =>
      i === 250 ? { ...row, draft: { ...row.draft, lastNameLat: 'REFUSEDROW' } } : row,
    );
    await refuse('REFUSEDROW');
    const tourId = await newTour('LEAN-2');
    const undoBefore = (await t.call('undo.list', { limit: 1 }))[0]?.id ?? null;
    const error = await t.callError('import.commit', { tourId, serviceIds: [], rows });
    expect(error.code).toBe('INTERNAL');
    expect(await touristsOf(tourId)).toHaveLength(0);
    expect((await t.call('undo.list', { limit: 1 }))[0]?.id ?? null).toBe(undoBefore);
    // The connection is usable again: the same list without the refused row goes in whole.
    const clean = rows.filter((_, i) => i !== 250);
    expect((await t.call('import.commit', { tourId, serviceIds: [], rows: clean })).touristsAdded).toBe(399);
  });

  it('checks each client to create once, up front: a refused one is named by its grid row', async () => {
    const rows = commitRows(3).map((row, i) => ({ ...row, action: 'create' as const, sourceRow: 40 + i }));
    const bad = rows.map((row, i) =>
      i === 2 ? { ...row, draft: { ...row.draft, passportNumber: '12', citizenship: 'RUS' } } : row,
    );
    const tourId = await newTour('LEAN-3');
    const clientsBefore = (await t.call('clients.list', {})).total;
    const error = await t.callError('import.commit', { tourId, serviceIds: [], rows: bad });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('row 42');
    expect(error.issues?.[0]).toMatchObject({ path: '2.passportNumber', params: { row: 42 } });
    expect(await touristsOf(tourId)).toHaveLength(0);
    expect((await t.call('clients.list', {})).total).toBe(clientsBefore);
    // The same rows, valid: each becomes a regular client (checked once) bound to its tourist.
    const result = await t.call('import.commit', { tourId, serviceIds: [], rows });
    expect(result.clientsCreated).toBe(3);
    const written = await touristsOf(tourId);
    for (const tourist of written) {
      const client = await t.call('clients.get', { id: tourist.client_id ?? 0 });
      expect([client.lastNameLat, client.birthDate]).toEqual([tourist.last_name_lat, tourist.birth_date]);
    }
  });
});
