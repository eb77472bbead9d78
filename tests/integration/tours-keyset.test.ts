import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/api/contract';
import { emptyTourInput, emptyTouristFields, TOUR_SORT_COLUMNS } from '../../shared/domain/tour';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

type ListInput = CommandInput<'tours.list'>;

let t: TempBackend;
beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  const countries = ['FRA', 'ITA', 'ESP'];
  for (let i = 0; i < 23; i++) {
    // Ties on every sort column, and tours without dates or a hotel, which the list shows last.
    const saved = await t.call('tours.save', {
      ...emptyTourInput(),
      voucher: `V-${String(i % 7).padStart(2, '0')}-${i}`,
      country: countries[i % 3]!,
      hotel: i % 4 === 0 ? '' : `Hotel ${i % 5}`,
      arrivalDate: i % 5 === 0 ? null : `2027-0${1 + (i % 6)}-1${i % 3}`,
      departureDate: i % 5 === 0 ? null : `2027-0${1 + (i % 6)}-2${i % 3}`,
      status: i % 2 === 0 ? 'draft' : 'booked',
    });
    for (let n = 0; n < i % 4; n++)
      await t.call('tourists.save', {
        tourId: saved.id,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu: ['Иванов', 'Петров', 'Сидоров'][n]!,
          clientId: null,
          serviceIds: [],
        },
      });
  }
}, 120_000);
afterAll(async () => {
  await t.dispose();
});

async function byCursor(query: ListInput, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let after: string | null = null;
  do {
    const page: { next: string | null; rows: { id: number }[] } = await t.call('tours.list', {
      ...query,
      limit,
      after,
    });
    ids.push(...page.rows.map((r) => r.id));
    after = page.next;
  } while (after !== null);
  return ids;
}

describe('tours list pages by cursor', () => {
  for (const sort of TOUR_SORT_COLUMNS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`gives the same tours as one long page, sorted by ${sort} ${direction}`, async () => {
        const query: ListInput = { sort, direction };
        const whole = (await t.call('tours.list', { ...query, limit: 1000 })).rows.map((r) => r.id);
        expect(whole).toHaveLength(23);
        expect(await byCursor(query, 4)).toEqual(whole);
      });
    }
  }

  it('keeps the filter across pages and refuses a cursor of another sort', async () => {
    const query: ListInput = { country: 'FRA', sort: 'arrivalDate', direction: 'asc' };
    const whole = (await t.call('tours.list', { ...query, limit: 1000 })).rows.map((r) => r.id);
    expect(await byCursor(query, 2)).toEqual(whole);
    const first = await t.call('tours.list', { ...query, limit: 2 });
    expect(first.next).not.toBeNull();
    expect(
      await t.callError('tours.list', { ...query, sort: 'voucher', limit: 2, after: first.next }),
    ).toMatchObject({ code: 'BAD_INPUT', reason: 'cursorStale' });
  });

  it('reads a page by its place in the list, and its cursor goes on from there', async () => {
    const query: ListInput = { sort: 'hotel', direction: 'desc' };
    const whole = (await t.call('tours.list', { ...query, limit: 1000 })).rows.map((r) => r.id);
    const placed = await t.call('tours.list', { ...query, limit: 5, offset: 10 });
    expect(placed.rows.map((r) => r.id)).toEqual(whole.slice(10, 15));
    const after = await t.call('tours.list', { ...query, limit: 5, after: placed.next });
    expect(after.rows.map((r) => r.id)).toEqual(whole.slice(15, 20));
    expect((await t.call('tours.list', { ...query, limit: 5, offset: 20 })).rows.map((r) => r.id)).toEqual(
      whole.slice(20),
    );
  });
});
