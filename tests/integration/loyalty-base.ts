import { emptyDocument } from '../../shared/domain/client';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { loyaltyDb } from '../../electron/backend/repositories/loyalty-schema';
import { ivanov } from '../helpers/fixtures';
import type { TempBackend } from '../helpers/temp-backend';

export interface KnownBase {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  tours: Record<'t1' | 't2' | 't3' | 't4' | 't5' | 'e1' | 'e2' | 'e3', number>;
}

const rub = (whole: number) => whole * 100;

/**
 * A small base with known trips, for "today" 2026-11-23 (see loyalty.test.ts for every figure):
 * A (Анна) pays T1 for herself and B, travels T2 (priced by its 210 000 service) and T3, and recommended C;
 * C and D share T4 (no payer); D has T5 booked to Thailand with a passport that ends too soon and
 * an open complaint; E made three trips up to 2023; F is D's spouse and has no trip.
 */
export async function buildKnownBase(t: TempBackend): Promise<KnownBase> {
  const client = async (
    lastNameRu: string,
    lastNameLat: string,
    birthDate: string,
    passport: string,
    expiry: string,
  ) =>
    (
      await t.call(
        'clients.save',
        ivanov({
          lastNameRu,
          lastNameLat,
          firstNameRu: 'Тест',
          firstNameLat: 'TEST',
          middleNameRu: '',
          birthDate,
          phone: `+7 900 000-00-${passport.slice(-2)}`,
          email: `${lastNameLat.toLowerCase()}@example.com`,
          documents: [
            {
              ...emptyDocument('foreign_passport'),
              series: '75',
              number: passport,
              issueDate: '2020-01-10',
              expiryDate: expiry,
              lastNameLat,
              firstNameLat: 'TEST',
            },
          ],
        }),
      )
    ).id;
  const a = await client('Антонова', 'ANTONOVA', '1985-11-26', '1000001', '2030-01-10');
  const b = await client('Борисов', 'BORISOV', '1970-02-02', '1000002', '2030-01-10');
  const c = await client('Карпова', 'KARPOVA', '1990-12-20', '1000003', '2030-01-10');
  const d = await client('Денисов', 'DENISOV', '1975-04-04', '1000004', '2027-03-01');
  const e = await client('Егорова', 'EGOROVA', '1960-08-08', '1000005', '2035-01-10');
  const f = await client('Денисова', 'DENISOVA', '1977-09-09', '1000006', '2030-01-10');

  const tour = async (
    voucher: string,
    country: string,
    hotel: string,
    start: string,
    end: string,
    price: number,
    cost: number,
    travellers: number[],
    extra: { status?: 'booked' | 'completed'; servicePrice?: number } = {},
  ) => {
    const saved = await t.call('tours.save', {
      ...emptyTourInput(),
      voucher,
      country,
      hotel,
      arrivalDate: start,
      departureDate: end,
      status: extra.status ?? 'completed',
      priceMinor: rub(price),
      costMinor: rub(cost),
      services: extra.servicePrice
        ? [
            {
              kind: 'excursion' as const,
              description: 'Excursion',
              startDate: start,
              endDate: start,
              priceMinor: rub(extra.servicePrice),
            },
          ]
        : [],
    });
    for (const clientId of travellers) {
      const person = await t.call('clients.get', { id: clientId });
      await t.call('tourists.save', {
        tourId: saved.id,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu: person.lastNameRu,
          firstNameRu: person.firstNameRu,
          lastNameLat: person.lastNameLat,
          firstNameLat: person.firstNameLat,
          gender: person.gender,
          birthDate: person.birthDate,
          clientId,
          serviceIds: [],
        },
      });
    }
    return saved.id;
  };
  const t1 = await tour('T1', 'TUR', 'Maxx Royal', '2024-03-10', '2024-03-20', 100_000, 90_000, [a, b]);
  // No price of its own: the services' 210 000 are the revenue.
  const t2 = await tour('T2', 'TUR', 'Maxx Royal', '2025-03-05', '2025-03-15', 0, 170_000, [a], {
    servicePrice: 210_000,
  });
  const t3 = await tour('T3', 'TUR', 'Maxx Royal', '2026-03-01', '2026-03-10', 150_000, 120_000, [a]);
  const t4 = await tour('T4', 'EGY', 'Rixos', '2025-11-25', '2025-12-05', 50_000, 45_000, [c, d]);
  const t5 = await tour('T5', 'THA', 'Banyan', '2027-01-10', '2027-01-20', 300_000, 270_000, [d], {
    status: 'booked',
  });
  const e1 = await tour('E1', 'ITA', '', '2021-06-01', '2021-06-10', 80_000, 70_000, [e]);
  const e2 = await tour('E2', 'ITA', '', '2022-06-01', '2022-06-10', 80_000, 70_000, [e]);
  const e3 = await tour('E3', 'ITA', '', '2023-06-01', '2023-06-10', 80_000, 70_000, [e]);
  await t.call('tours.setPayer', { tourId: t1, clientId: a });
  await t.call('referrals.set', { clientId: c, referrerId: a });

  const db = loyaltyDb(t.backend.db);
  // Only T5 was booked this week: the others were entered long ago.
  await db
    .updateTable('tours')
    .set({ created_at: '2020-01-01T09:00:00.000Z' })
    .where('id', '<>', t5)
    .execute();
  await db
    .withTables<{ client_links: { client_id: number; other_id: number; kind: string; created_at: string } }>()
    .insertInto('client_links')
    .values({ client_id: d, other_id: f, kind: 'spouse', created_at: '2026-01-01T00:00:00.000Z' })
    .execute();

  await t.call('feedback.save', {
    clientId: b,
    tourId: t1,
    kind: 'score',
    score: 7,
    receivedOn: '2024-04-01',
  });
  await t.call('feedback.save', {
    clientId: b,
    tourId: t1,
    kind: 'complaint',
    text: 'Трансфер опоздал',
    status: 'resolved',
    resolver: 'Ольга',
    resolution: 'Компенсация',
    receivedOn: '2024-04-01',
    resolvedOn: '2024-04-11',
  });
  await t.call('feedback.save', {
    clientId: c,
    tourId: t4,
    kind: 'praise',
    score: 9,
    receivedOn: '2025-12-10',
  });
  await t.call('feedback.save', {
    clientId: a,
    tourId: t3,
    kind: 'score',
    score: 10,
    receivedOn: '2026-03-15',
  });
  await t.call('feedback.save', {
    clientId: d,
    tourId: t4,
    kind: 'complaint',
    score: 3,
    text: 'Грязный номер',
    receivedOn: '2026-10-01',
  });
  return { a, b, c, d, e, f, tours: { t1, t2, t3, t4, t5, e1, e2, e3 } };
}
