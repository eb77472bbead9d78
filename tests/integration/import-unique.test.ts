import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput } from '../../shared/domain/tour';
import { uniqueViolationError } from '../../electron/backend/db/unique-error';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

/**
 * Unique keys broken by two clerks at the same moment (issue 14): on a server both checks pass and
 * the database refuses the second write. That is a retried import answering the first result, or a
 * clerk-facing error naming the field — never INTERNAL. Runs on SQLite and (npm run test:pg) PostgreSQL.
 */
let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend();
});
afterEach(async () => {
  await t.dispose();
});

const rows = [
  { draft: { lastNameRu: 'Ключева', firstNameRu: 'Анна' }, action: 'create' as const, clientId: null },
  { draft: { lastNameRu: 'Ключев', firstNameRu: 'Олег' }, action: 'create' as const, clientId: null },
];

describe('unique keys under simultaneous writes', () => {
  it('three simultaneous retries of one import key write once and all answer the first result', async () => {
    const tour = await t.call('tours.save', {
      ...emptyTourInput(),
      voucher: 'RACE-1',
      country: 'FRA',
      arrivalDate: '2027-05-01',
      departureDate: '2027-05-10',
    });
    const commit = () =>
      t.backend.dispatch('import.commit', { tourId: tour.id, rows, idempotencyKey: 'same-click' });
    const answers = await Promise.all([commit(), commit(), commit()]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ ok: true, value: { clientsCreated: 2, touristsAdded: 2 } });
    const listed = await t.call('clients.list', { search: 'Ключев' });
    expect(listed.total).toBe(2);
    const card = await t.call('tours.get', { id: tour.id });
    expect(card.tourists).toHaveLength(2);
  });

  it('two clerks saving one new voucher at once: one tour, the other told at the voucher field', async () => {
    const save = (hotel: string) =>
      t.backend.dispatch('tours.save', {
        ...emptyTourInput(),
        voucher: 'SAME-7',
        country: 'ITA',
        hotel,
        arrivalDate: '2027-06-01',
        departureDate: '2027-06-08',
      });
    // On a server every pooled connection is opened first, so both saves check before either inserts.
    if (t.dialect === 'postgres')
      await Promise.all([1, 2, 3, 4].map(() => sql`SELECT pg_sleep(0.05)`.execute(t.backend.db)));
    const answers = await Promise.all([save('A'), save('B')]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const refused = answers.find((a) => !a.ok);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'voucher', code: 'voucherTaken' }] },
    });
  });

  it("the database's own unique refusal names the field on this dialect, never the value", async () => {
    const insert = () =>
      sql`INSERT INTO countries (code, name_ru, name_en)
        VALUES ('ZZZ', 'Зет', 'Zed')`.execute(t.backend.db);
    await insert();
    const error = await insert().then(
      () => null,
      (e: unknown) => e,
    );
    const mapped = uniqueViolationError(error);
    expect(mapped?.code).toBe('VALIDATION');
    expect(mapped?.detail).toEqual({ reason: 'valueTaken', params: { field: 'country' } });
    expect(mapped?.message).not.toContain('ZZZ');
    expect(uniqueViolationError(new Error('disk full'))).toBeNull();
  });
});
