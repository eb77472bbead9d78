import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput, emptyTouristFields, type TourInput } from '../../shared/domain/tour';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

const tour = (voucher: string, extra: Partial<TourInput> = {}): TourInput => ({
  ...emptyTourInput(),
  voucher,
  country: 'FRA',
  arrivalDate: '2027-05-01',
  departureDate: '2027-05-10',
  ...extra,
});

async function seedTours() {
  await t.call('tours.save', tour('FR-1', { arrivalDate: '2027-05-01', status: 'booked' }));
  await t.call('tours.save', tour('IT-1', { country: 'ITA', arrivalDate: '2027-03-01', status: 'draft' }));
  await t.call(
    'tours.save',
    tour('FR-2', { arrivalDate: '2027-07-01', departureDate: '2027-07-09', status: 'draft' }),
  );
  await t.call('tours.save', tour('XX-0', { arrivalDate: null, departureDate: null, status: 'draft' }));
  const withPeople = await t.call(
    'tours.save',
    tour('ES-1', { country: 'ESP', arrivalDate: '2027-01-15', status: 'confirmed' }),
  );
  for (const lastNameRu of ['Иванов', 'Петров'])
    await t.call('tourists.save', {
      tourId: withPeople.id,
      tourist: { ...emptyTouristFields(), lastNameRu, clientId: null, serviceIds: [] },
    });
}

const vouchers = async (query: Record<string, unknown>) =>
  (await t.call('tours.list', query)).rows.map((r) => r.voucher);

describe('the tours list', () => {
  it('filters by country, status and arrival dates, and says how many match', async () => {
    await seedTours();
    expect(await vouchers({ country: 'fra', sort: 'voucher', direction: 'asc' })).toEqual([
      'FR-1',
      'FR-2',
      'XX-0',
    ]);
    expect(await vouchers({ status: 'draft', sort: 'voucher', direction: 'asc' })).toEqual([
      'FR-2',
      'IT-1',
      'XX-0',
    ]);
    const spring = await t.call('tours.list', {
      arrivalFrom: '2027-02-01',
      arrivalTo: '2027-06-30',
      sort: 'arrivalDate',
      direction: 'asc',
    });
    expect(spring.rows.map((r) => r.voucher)).toEqual(['IT-1', 'FR-1']);
    expect(spring.total).toBe(2);
    expect(await vouchers({ country: 'FRA', status: 'booked' })).toEqual(['FR-1']);
  });

  it('sorts by any listed column both ways, tours without the value last', async () => {
    await seedTours();
    expect(await vouchers({ sort: 'arrivalDate', direction: 'asc' })).toEqual([
      'ES-1',
      'IT-1',
      'FR-1',
      'FR-2',
      'XX-0',
    ]);
    expect(await vouchers({ sort: 'arrivalDate', direction: 'desc' })).toEqual([
      'FR-2',
      'FR-1',
      'IT-1',
      'ES-1',
      'XX-0',
    ]);
    expect((await vouchers({ sort: 'touristCount', direction: 'desc' }))[0]).toBe('ES-1');
    // Ties in the sorted column keep the id order of the chosen direction.
    expect(await vouchers({ sort: 'country', direction: 'asc' })).toEqual([
      'ES-1',
      'FR-1',
      'FR-2',
      'XX-0',
      'IT-1',
    ]);
    // Without a sort: the newest created first, as before.
    expect((await vouchers({}))[0]).toBe('ES-1');
  });
});

describe('deleting a tour', () => {
  it('removes the tour with its services, tourists and answers, and the undo brings back the same rows', async () => {
    const client = await t.call('clients.save', ivanov());
    const saved = await t.call(
      'tours.save',
      tour('FR-9', {
        services: [
          {
            kind: 'accommodation',
            description: 'DBL',
            startDate: '2027-05-01',
            endDate: '2027-05-10',
            priceMinor: 0,
          },
        ],
      }),
    );
    const { tourist } = await t.call('tourists.save', {
      tourId: saved.id,
      tourist: {
        ...emptyTouristFields(),
        lastNameRu: 'Иванов',
        firstNameRu: 'Иван',
        clientId: client.id,
        serviceIds: [saved.services[0]!.id],
      },
    });
    await t.call('questionnaire.save', {
      subject: { kind: 'tourist', id: tourist.id },
      country: 'FRA',
      fieldKey: 'purpose',
      source: 'туризм',
    });
    const before = await t.call('tours.get', { id: saved.id });
    const answersBefore = await t.call('questionnaire.open', {
      subject: { kind: 'tourist', id: tourist.id },
      country: 'FRA',
    });

    const stale = await t.callError('tours.delete', { id: saved.id, version: saved.version + 1 });
    expect(stale.code).toBe('STALE_VERSION');
    const { undoId } = await t.call('tours.delete', { id: saved.id, version: saved.version });
    expect((await t.callError('tours.get', { id: saved.id })).code).toBe('NOT_FOUND');
    expect((await t.call('tours.list', {})).rows).toEqual([]);
    const journal = await t.call('undo.list', {});
    expect(journal.find((e) => e.id === undoId)).toMatchObject({
      kind: 'tours.delete',
      summary: { voucher: 'FR-9', tourists: 1 },
    });

    await t.call('undo.apply', { id: undoId });
    const back = await t.call('tours.get', { id: saved.id });
    expect({ ...back, version: 0 }).toEqual({ ...before, version: 0 });
    const answersBack = await t.call('questionnaire.open', {
      subject: { kind: 'tourist', id: tourist.id },
      country: 'FRA',
    });
    expect(answersBack.answers).toEqual(answersBefore.answers);
  });
});

describe('copying a tour', () => {
  it('moves every date by the chosen days, takes the tourists bound to the copied services, and leaves the source as it was', async () => {
    const source = await t.call(
      'tours.save',
      tour('FR-5', {
        arrivalDate: '2027-02-25',
        departureDate: '2027-03-02',
        hotel: 'Ritz',
        status: 'confirmed',
        priceMinor: 100_00,
        services: [
          {
            kind: 'accommodation',
            description: 'DBL Ritz',
            startDate: '2027-02-25',
            endDate: '2027-03-02',
            priceMinor: 50_00,
          },
          { kind: 'flight', description: 'SVO-CDG', startDate: '2027-02-25', endDate: null, priceMinor: 0 },
        ],
      }),
    );
    for (const [lastNameRu, service] of [
      ['Иванов', 0],
      ['Петрова', 1],
    ] as const)
      await t.call('tourists.save', {
        tourId: source.id,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu,
          passportNumber: '751234567',
          clientId: null,
          serviceIds: [source.services[service]!.id],
        },
      });
    const original = await t.call('tours.get', { id: source.id });

    const copy = await t.call('tours.copy', {
      id: source.id,
      voucher: 'FR-6',
      shiftDays: 7,
      withTourists: true,
    });
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({
      voucher: 'FR-6',
      arrivalDate: '2027-03-04',
      departureDate: '2027-03-09',
      hotel: 'Ritz',
      status: 'draft',
      priceMinor: 100_00,
    });
    expect(copy.services.map((s) => [s.description, s.startDate, s.endDate])).toEqual([
      ['DBL Ritz', '2027-03-04', '2027-03-09'],
      ['SVO-CDG', '2027-03-04', null],
    ]);
    // Every field of each tourist is the original's; only the ids, tour and service links are new.
    const fieldsOf = ({
      id: _id,
      tourId: _tour,
      serviceIds: _s,
      ...rest
    }: (typeof original.tourists)[number]) => rest;
    expect(copy.tourists.map(fieldsOf)).toEqual(original.tourists.map(fieldsOf));
    expect(copy.tourists.map((x) => x.lastNameRu)).toEqual(['Иванов', 'Петрова']);
    expect(copy.tourists.map((x) => x.serviceIds)).toEqual([[copy.services[0]!.id], [copy.services[1]!.id]]);
    expect(copy.tourists.map((x) => x.id)).not.toContain(original.tourists[0]!.id);
    expect(await t.call('tours.get', { id: source.id })).toEqual(original);

    const back = await t.call('tours.copy', {
      id: source.id,
      voucher: 'FR-4',
      shiftDays: -30,
      withTourists: false,
    });
    expect([back.arrivalDate, back.departureDate, back.tourists]).toEqual(['2027-01-26', '2027-01-31', []]);
  });

  it('refuses a voucher already taken or empty, at the voucher field, and writes nothing', async () => {
    const source = await t.call('tours.save', tour('FR-5'));
    const taken = await t.callError('tours.copy', {
      id: source.id,
      voucher: 'FR-5',
      shiftDays: 0,
      withTourists: true,
    });
    expect(taken).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'voucher', code: 'voucherTaken' }] });
    const empty = await t.callError('tours.copy', {
      id: source.id,
      voucher: ' ',
      shiftDays: 1,
      withTourists: true,
    });
    expect(empty).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'voucher', code: 'voucherRequired' }],
    });
    expect((await t.call('tours.list', {})).total).toBe(1);
  });
});
