import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempBackend, testDialect, type TempBackend } from '../helpers/temp-backend';
import { buildKnownBase, type KnownBase } from './loyalty-base';

let t: TempBackend;
let base: KnownBase;

beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23', plain: true });
  base = await buildKnownBase(t);
});
afterEach(async () => {
  await t.dispose();
});

/** What a damaged base gets at start or when a command meets a bad page (backend/index.ts). */
async function makeReadOnly(): Promise<void> {
  await sql`PRAGMA query_only = ON`.execute(t.backend.db);
}

// query_only is SQLite's (a damaged file); a read-only server base is the server's refusal.
describe.skipIf(testDialect === 'postgres')('the Loyalty screen on a read-only base', () => {
  it('says READ_ONLY with the number of changed tours instead of showing figures that miss them', async () => {
    await t.call('loyalty.overview', { params: {} });
    const t3 = await t.call('tours.get', { id: base.tours.t3 });
    await t.call('tours.save', { ...t3, priceMinor: t3.priceMinor + 100 });
    await makeReadOnly();
    const error = await t.callError('loyalty.overview', { params: {} });
    expect(error).toMatchObject({
      code: 'READ_ONLY',
      reason: 'loyaltyStaleReadOnly',
      params: { tours: 1 },
    });
    expect(await t.callError('loyalty.clients', { params: {}, filter: {}, limit: 10 })).toMatchObject({
      reason: 'loyaltyStaleReadOnly',
    });
  });

  it('shows the figures when nothing changed, also when the kept ones are for another day', async () => {
    const writable = await t.call('loyalty.overview', { params: {} });
    const yearAgo = { params: { asOf: '2025-11-23' } };
    const writableYearAgo = await t.call('loyalty.overview', yearAgo);
    await makeReadOnly();
    expect(await t.call('loyalty.overview', { params: {} })).toEqual(writable);
    // Another plan is grouped into a temporary table, which a read-only base refuses: grouped inline.
    expect(await t.call('loyalty.overview', yearAgo)).toEqual(writableYearAgo);
    // The kept rows made on another day cannot be rebuilt on a read-only base: grouped instead.
    await sql`PRAGMA query_only = OFF`.execute(t.backend.db);
    await sql`UPDATE loyalty_figures_state SET as_of = '2026-11-22'`.execute(t.backend.db);
    await makeReadOnly();
    expect(await t.call('loyalty.overview', { params: {} })).toEqual(writable);
  });
});
