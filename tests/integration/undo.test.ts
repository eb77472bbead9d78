import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput, emptyTouristFields, type TouristFields } from '../../shared/domain/tour';
import type { TouristDraft } from '../../shared/import';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

const tourInput = (voucher: string) => ({
  ...emptyTourInput(),
  voucher,
  country: 'FRA',
  arrivalDate: '2027-05-01',
  departureDate: '2027-05-10',
  services: [
    { kind: 'flight' as const, description: 'SVO-CDG', startDate: null, endDate: null, priceMinor: 0 },
    { kind: 'insurance' as const, description: 'Insurance', startDate: null, endDate: null, priceMinor: 0 },
  ],
});

const touristInput = (fields: Partial<TouristFields>, clientId: number | null = null) => ({
  ...emptyTouristFields(),
  ...fields,
  clientId,
  serviceIds: [] as number[],
});

const petrova: TouristDraft = {
  lastNameRu: 'Петрова',
  firstNameRu: 'Анна',
  lastNameLat: 'PETROVA',
  firstNameLat: 'ANNA',
  gender: 'F',
  birthDate: '1990-02-02',
  passportNumber: '751112233',
  passportExpiry: '2032-01-01',
};

async function importPetrova(voucher = 'IMP-1') {
  const tour = await t.call('tours.save', tourInput(voucher));
  const result = await t.call('import.commit', {
    tourId: tour.id,
    serviceIds: [tour.services[0]!.id],
    rows: [{ draft: petrova, action: 'create', clientId: null, sourceRow: 4 }],
  });
  const created = (await t.call('clients.list', { search: 'Петрова' })).rows[0]!;
  return { tour, result, created };
}

describe('the undo journal', () => {
  it('undoes a client delete to the same card, documents and search keys, and lists it', async () => {
    const saved = await t.call('clients.save', ivanov());
    const { undoId } = await t.call('clients.delete', { id: saved.id, version: saved.version });
    expect((await t.call('clients.list', { search: 'IVANOV' })).total).toBe(0);

    const listed = await t.call('undo.list', {});
    expect(listed[0]).toMatchObject({
      id: undoId,
      kind: 'clients.delete',
      clerk: 'test clerk',
      summary: { name: 'Иванов Иван' },
      undoneAt: null,
    });

    const undone = await t.call('undo.apply', { id: undoId });
    expect(undone.undoneAt).not.toBeNull();
    const back = await t.call('clients.get', { id: saved.id });
    expect(back.documents).toEqual(saved.documents);
    expect(back.lastNameRu).toBe('Иванов');
    expect((await t.call('clients.list', { search: 'IVANOV' })).rows.map((r) => r.id)).toEqual([saved.id]);
    expect((await t.call('undo.list', {}))[0]!.undoneAt).toBe(undone.undoneAt);
    expect(await t.callError('undo.apply', { id: undoId })).toMatchObject({
      code: 'STALE_VERSION',
      reason: 'undoAlreadyDone',
    });
    expect((await t.callError('undo.apply', { id: 999 })).code).toBe('NOT_FOUND');
  });

  it('refuses to undo an import over a client edited since, and changes nothing', async () => {
    const { tour, result, created } = await importPetrova();
    const card = await t.call('clients.get', { id: created.id });
    await t.call('clients.save', { ...card, phone: '+7 900 000-00-00' });

    expect(await t.callError('import.undo', { batchId: result.batchId })).toMatchObject({
      code: 'STALE_VERSION',
      reason: 'undoLaterEdit',
      params: { table: 'clients' },
    });
    // Nothing was taken back: the tourist and the edited card stay.
    expect((await t.call('tours.get', { id: tour.id })).tourists).toHaveLength(1);
    expect((await t.call('clients.get', { id: created.id })).phone).toBe('+7 900 000-00-00');
  });

  it('refuses to undo an import while later work depends on what it created', async () => {
    const { result, created } = await importPetrova();
    const other = await t.call('tours.save', tourInput('LATER-1'));
    await t.call('tourists.save', {
      tourId: other.id,
      tourist: touristInput({ lastNameRu: 'Петрова', firstNameRu: 'Анна' }, created.id),
    });
    expect(await t.callError('import.undo', { batchId: result.batchId })).toMatchObject({
      code: 'STALE_VERSION',
      reason: 'undoDependents',
      params: { table: 'tourists' },
    });
    expect((await t.call('clients.get', { id: created.id })).lastNameRu).toBe('Петрова');
  });

  it('undoes an import of an untouched list completely, through undo.apply as well', async () => {
    const { tour, result, created } = await importPetrova();
    expect(result).toMatchObject({ touristsAdded: 1, clientsCreated: 1 });
    await t.call('undo.apply', { id: result.batchId });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toEqual([]);
    expect((await t.callError('clients.get', { id: created.id })).code).toBe('NOT_FOUND');
    expect((await t.call('clients.list', { search: 'PETROVA' })).total).toBe(0);
  });

  it('brings a deleted tourist back with the same id, services and questionnaire answers', async () => {
    const tour = await t.call('tours.save', tourInput('DEL-1'));
    const { tourist } = await t.call('tourists.save', {
      tourId: tour.id,
      tourist: {
        ...touristInput({ lastNameRu: 'Смирнова', firstNameRu: 'Ольга', lastNameLat: 'SMIRNOVA' }),
        serviceIds: [tour.services[1]!.id],
      },
    });
    await t.call('questionnaire.save', {
      subject: { kind: 'tourist', id: tourist.id },
      country: 'FRA',
      fieldKey: 'occupation',
      source: 'Главный бухгалтер',
    });
    const { undoId } = await t.call('tourists.delete', { id: tourist.id });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toEqual([]);
    expect((await t.callError('tourists.delete', { id: tourist.id })).code).toBe('NOT_FOUND');

    await t.call('undo.apply', { id: undoId });
    const back = (await t.call('tours.get', { id: tour.id })).tourists;
    expect(back.map((x) => [x.id, x.lastNameLat, x.serviceIds])).toEqual([
      [tourist.id, 'SMIRNOVA', [tour.services[1]!.id]],
    ]);
    const questionnaire = await t.call('questionnaire.open', {
      subject: { kind: 'tourist', id: tourist.id },
      country: 'FRA',
    });
    expect(questionnaire.answers.find((a) => a.fieldKey === 'occupation')?.value).toBe('Chef comptable');
  });

  it('undoes a service binding, and a dictionary delete under the same id', async () => {
    const tour = await t.call('tours.save', tourInput('BIND-1'));
    const { tourist } = await t.call('tourists.save', {
      tourId: tour.id,
      tourist: touristInput({ lastNameRu: 'Орлов' }),
    });
    const bound = await t.call('tourists.bindServices', {
      tourId: tour.id,
      touristIds: [tourist.id],
      serviceIds: [tour.services[0]!.id],
      bind: true,
    });
    expect(bound.tour.tourists[0]!.serviceIds).toEqual([tour.services[0]!.id]);
    await t.call('undo.apply', { id: bound.undoId });
    expect((await t.call('tours.get', { id: tour.id })).tourists[0]!.serviceIds).toEqual([]);

    const word = await t.call('dictionary.save', { ru: 'Дегустатор', en: 'taster', fr: 'goûteur' });
    const deleted = await t.call('dictionary.delete', { id: word.id });
    expect(deleted.ru).toBe('Дегустатор');
    await t.call('undo.apply', { id: deleted.undoId });
    const found = await t.call('dictionary.list', { search: 'дегуст' });
    expect(found.rows.map((r) => [r.id, r.fr])).toEqual([[word.id, 'goûteur']]);
  });

  it('refuses to bring a dictionary word back when the clerk has added it again', async () => {
    const word = await t.call('dictionary.save', { ru: 'Дегустатор', en: 'taster', fr: 'goûteur' });
    const deleted = await t.call('dictionary.delete', { id: word.id });
    await t.call('dictionary.save', { ru: 'дегустатор', en: 'taster', fr: 'dégustateur' });
    expect(await t.callError('undo.apply', { id: deleted.undoId })).toMatchObject({
      code: 'STALE_VERSION',
      reason: 'undoLaterEdit',
    });
  });
});

describe('import rules', () => {
  it('adds a passport from a list only when it is newer than the one the client travels on', async () => {
    const client = await t.call('clients.save', ivanov()); // travels on 75 1234567, valid till 2030-01-10
    const tour = await t.call('tours.save', tourInput('PASS-1'));
    const older: TouristDraft = {
      lastNameLat: 'IVANOV',
      firstNameLat: 'IVAN',
      birthDate: '1980-05-14',
      passportNumber: '701111111',
      passportExpiry: '2027-01-01',
    };
    const newer: TouristDraft = { ...older, passportNumber: '772222222', passportExpiry: '2035-01-01' };
    const result = await t.call('import.commit', {
      tourId: tour.id,
      serviceIds: [],
      rows: [
        { draft: older, action: 'link', clientId: client.id },
        { draft: newer, action: 'link', clientId: client.id },
      ],
    });
    expect(result.passportsAdded).toBe(1);
    const numbers = (await t.call('clients.get', { id: client.id })).documents
      .filter((d) => d.kind === 'foreign_passport')
      .map((d) => d.series + d.number)
      .sort();
    expect(numbers).toEqual(['751234567', '772222222']);
  });

  it('names a refused row by the number the grid shows', async () => {
    const tour = await t.call('tours.save', tourInput('ROWS-1'));
    const error = await t.callError('import.commit', {
      tourId: tour.id,
      serviceIds: [],
      rows: [
        { draft: petrova, action: 'touristOnly', clientId: null, sourceRow: 3 },
        {
          draft: { ...petrova, birthDate: '2030-01-01' },
          action: 'touristOnly',
          clientId: null,
          sourceRow: 8,
        },
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: '1.birthDate', code: 'dateInFuture', params: { row: 8 } }]);
    expect((await t.call('tours.get', { id: tour.id })).tourists).toEqual([]);
  });
});

describe('the lookup', () => {
  it('counts every client of a surname, however many share it, before narrowing by first name', async () => {
    const many = Array.from({ length: 2100 }, (_, i) => ({
      ...ivanov({ firstNameRu: i < 2050 ? 'Иван' : 'Ярослав', firstNameLat: i < 2050 ? 'IVAN' : 'IAROSLAV' }),
      birthDate: null,
      documents: [],
    }));
    await t.backend.clients.insertMany(many);
    const result = await t.call('clients.lookup', { lastName: 'Иванов', firstName: 'Яро' });
    expect(result.total).toBe(50);
    expect(result.candidates.every((c) => c.firstNameRu === 'Ярослав')).toBe(true);
    expect((await t.call('clients.lookup', { lastName: 'IVANOV' })).total).toBe(2100);
  });
});

describe('the audit trail', () => {
  it('records every kind of write with the clerk and never a passport number', async () => {
    const saved = await t.call('clients.save', ivanov());
    const tour = await t.call('tours.save', tourInput('AUD-1'));
    await t.call('tourists.save', { tourId: tour.id, tourist: touristInput({ lastNameRu: 'Орлов' }) });
    await t.call('dictionary.save', { ru: 'Дегустатор', en: 'taster', fr: 'goûteur' });
    const [country] = await t.call('countries.list', {});
    await t.call('countries.save', { ...country!, passportMarginMonths: 4 });
    await t.call('import.commit', {
      tourId: tour.id,
      serviceIds: [],
      rows: [{ draft: petrova, action: 'create', clientId: null }],
    });
    const { undoId } = await t.call('clients.delete', { id: saved.id, version: saved.version });
    await t.call('undo.apply', { id: undoId });

    const rows = await t.backend.db.selectFrom('audit').selectAll().orderBy('id').execute();
    expect(rows.every((r) => r.clerk === 'test clerk')).toBe(true);
    expect(rows.map((r) => `${r.entity}:${r.action}`)).toEqual([
      'client:create',
      'tour:create',
      'tourist:create',
      'dictionary:create',
      'country:update',
      'undo:import',
      'client:delete',
      'undo:clients.delete',
      'undo:undo',
    ]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('1234567');
    expect(text).not.toContain('1112233');
  });
});
