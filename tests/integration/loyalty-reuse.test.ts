import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import type { CommandOutput } from '../../shared/api/contract';
import { figuresVersion } from '../../electron/backend/repositories/loyalty-figures';
import { keptCount } from '../../electron/backend/repositories/loyalty-kept-counts';
import { fixedClock } from '../../shared/domain/clock';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
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

/** Moves client A's kept revenue behind the refresh's back: no trigger marks it, no version moves. */
async function shiftKeptRevenue(by: number): Promise<void> {
  await sql`UPDATE loyalty_client_figures SET revenue_minor = revenue_minor + ${by}
    WHERE client_id = ${base.a}`.execute(t.backend.db);
}

describe('the Loyalty overview reused while the kept figures stand', () => {
  it('is counted once per figures version, and again after a write moves the figures', async () => {
    const first = await t.call('loyalty.overview', { params: {} });
    await shiftKeptRevenue(1_000_000);
    // Nothing bumped the version: the overview counted before is the answer.
    expect(await t.call('loyalty.overview', { params: {} })).toEqual(first);
    // Another version (as another clerk's refresh would leave) is counted from the rows.
    await sql`UPDATE loyalty_figures_state SET version = version + 1`.execute(t.backend.db);
    const shifted = await t.call('loyalty.overview', { params: {} });
    expect(shifted.totals.revenueMinor).toBe(first.totals.revenueMinor + 1_000_000);
    await shiftKeptRevenue(-1_000_000);

    // A real write: the refresh recomputes A's row and bumps the version, so the new price shows.
    const before = await figuresVersion(t.backend.db);
    const t3 = await t.call('tours.get', { id: base.tours.t3 });
    await t.call('tours.save', { ...t3, priceMinor: t3.priceMinor + 100 });
    const after = await t.call('loyalty.overview', { params: {} });
    expect(await figuresVersion(t.backend.db)).not.toBe(before);
    expect(after.totals.revenueMinor).toBe(first.totals.revenueMinor + 100);
  });

  it('keeps each period apart, and a state row made anew does not repeat the version', async () => {
    const now = await t.call('loyalty.overview', { params: {} });
    const yearAgo = await t.call('loyalty.overview', { params: { asOf: '2025-11-23' } });
    expect(yearAgo.asOf).toBe('2025-11-23');
    expect(await t.call('loyalty.overview', { params: {} })).toEqual(now);
    expect(await t.call('loyalty.overview', { params: { asOf: '2025-11-23' } })).toEqual(yearAgo);

    // A base whose first build bumped nothing (version as made), counted and kept under it.
    await sql`UPDATE loyalty_figures_state SET version = 1`.execute(t.backend.db);
    const kept = await t.call('loyalty.overview', { params: {} });
    // Trips moved behind the refresh's back, then the state row dropped: the rebuild counts them.
    await sql`UPDATE client_trips SET revenue_minor = revenue_minor + 1000000 WHERE client_id = ${base.a}`.execute(
      t.backend.db,
    );
    await sql`DELETE FROM loyalty_figures_state`.execute(t.backend.db);
    const rebuilt = await t.call('loyalty.overview', { params: {} });
    expect(rebuilt.totals.revenueMinor).toBeGreaterThan(kept.totals.revenueMinor);
    expect(await figuresVersion(t.backend.db)).not.toBe('2026-11-23/1');
  });

  it('reuses the NPS counts while the feedback version stands, and counts them after a complaint changes', async () => {
    const first = await t.call('loyalty.overview', { params: {} });
    const version = async () =>
      Number(
        (
          await sql<{ v: number }>`SELECT feedback_version AS v FROM loyalty_figures_state`.execute(
            t.backend.db,
          )
        ).rows[0]?.v,
      );
    const before = await version();
    // D's complaint resolved, then the counter put back: the counts kept are the answer.
    await sql`UPDATE feedback SET status = 'resolved', resolved_on = '2026-11-01'
      WHERE client_id = ${base.d} AND kind = 'complaint'`.execute(t.backend.db);
    expect(await version()).toBeGreaterThan(before);
    await sql`UPDATE loyalty_figures_state SET feedback_version = ${before}`.execute(t.backend.db);
    expect(await t.call('loyalty.overview', { params: {} })).toEqual(first);
    // Another feedback version (as the trigger leaves it) is counted again.
    await sql`UPDATE loyalty_figures_state SET feedback_version = feedback_version + 1`.execute(t.backend.db);
    const resolved = await t.call('loyalty.overview', { params: {} });
    expect(resolved.nps.openComplaints).toBe(first.nps.openComplaints - 1);
    // A complaint saved by the app bumps it by itself.
    await t.call('feedback.save', {
      clientId: base.b,
      kind: 'complaint',
      text: 'Не перезвонили',
      status: 'open',
      receivedOn: '2026-11-20',
    });
    const reopened = await t.call('loyalty.overview', { params: {} });
    expect(reopened.nps.openComplaints).toBe(first.nps.openComplaints);
  });

  it('keeps the counts in the base, so another app (or a restart) reuses them while the versions stand', async () => {
    const first = await t.call('loyalty.overview', { params: {} });
    const yearAgo = await t.call('loyalty.overview', { params: { asOf: '2025-11-23' } });
    // The figures and the NPS inputs moved behind the counters' back: a recount would show both.
    await shiftKeptRevenue(1_000_000);
    const state = await sql<{ v: number }>`SELECT feedback_version AS v FROM loyalty_figures_state`.execute(
      t.backend.db,
    );
    const before = Number(state.rows[0]?.v);
    await sql`UPDATE feedback SET status = 'resolved', resolved_on = '2026-11-01'
      WHERE client_id = ${base.d} AND kind = 'complaint'`.execute(t.backend.db);
    await sql`UPDATE loyalty_figures_state SET feedback_version = ${before}`.execute(t.backend.db);

    const other = await createBackend({
      ...t.openOptions,
      appVersion: 'test',
      logger: { error: () => undefined },
      backupEveryMinutes: null,
      clock: fixedClock('2026-11-23'),
    });
    const call = async (asOf: string | null) => {
      const answer = await other.dispatch('loyalty.overview', { params: asOf === null ? {} : { asOf } });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as CommandOutput<'loyalty.overview'>;
    };
    try {
      // A backend with nothing in memory answers what the base kept: the overview and its NPS.
      expect(await call(null)).toEqual(first);
      expect(await call('2025-11-23')).toEqual(yearAgo);
      // Both counters moved: counted again, and only the newest versions' counts stay kept.
      await sql`UPDATE loyalty_figures_state SET version = version + 1,
        feedback_version = feedback_version + 1`.execute(t.backend.db);
      const counted = await call(null);
      expect(counted.totals.revenueMinor).toBe(first.totals.revenueMinor + 1_000_000);
      expect(counted.nps.openComplaints).toBe(first.nps.openComplaints - 1);
      expect(await keptCount(t.backend.db)).toBe(2);
    } finally {
      await other.close();
    }
  });
});
