import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoyaltyOverview } from '../../shared/loyalty';
import { INLINE_TOURS } from '../../electron/backend/repositories/loyalty-refresh';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { buildKnownBase, type KnownBase } from './loyalty-base';

let t: TempBackend;
let base: KnownBase;

beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  base = await buildKnownBase(t);
});
afterEach(async () => {
  await t.dispose();
});

const BULK = INLINE_TOURS + 500;

describe('the loyalty facts of many changed tours', () => {
  it('are built in the background with progress, while other commands answer', async () => {
    const before = await t.call('loyalty.overview', { params: {} });
    // As an upgrade or a big import leaves them: many tours the triggers marked stale.
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${BULK})
      INSERT INTO tours (voucher, created_at, arrival_date, departure_date, status, price_minor, cost_minor, updated_at, payer_client_id)
      SELECT 'BULK-' || i, '2025-01-01T10:00:00.000Z', '2025-02-01', '2025-02-08', 'completed', 100000, 90000,
        '2025-01-01T10:00:00.000Z', ${base.a} FROM n`.execute(t.backend.db);

    const first = await t.callError('loyalty.overview', { params: {} });
    expect(first).toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'loyaltyBuildingTrips',
      params: { total: BULK },
    });
    // Another screen's command is answered while the build goes on.
    expect((await t.call('clients.get', { id: base.b })).id).toBe(base.b);

    const seen: string[] = [];
    let overview: LoyaltyOverview | null = null;
    for (let i = 0; i < 600 && overview === null; i++) {
      const answer = await t.backend.dispatch('loyalty.overview', { params: {} });
      if (answer.ok) overview = answer.value as LoyaltyOverview;
      else {
        seen.push(answer.error.reason ?? answer.error.code);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(seen.every((r) => r.startsWith('loyaltyBuilding'))).toBe(true);
    expect(overview?.totals).toEqual({
      ...before.totals,
      trips: before.totals.trips + BULK,
      revenueMinor: before.totals.revenueMinor + BULK * 100000,
      marginMinor: before.totals.marginMinor + BULK * 10000,
    });
  });

  it('are computed before the answer when few tours changed', async () => {
    await t.call('loyalty.overview', { params: {} });
    const t3 = await t.call('tours.get', { id: base.tours.t3 });
    await t.call('tours.save', { ...t3, priceMinor: t3.priceMinor + 100 });
    const o = await t.call('loyalty.overview', { params: {} });
    expect(o.totals.clients).toBeGreaterThan(0);
  });
});
