import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { fillDemoHistory, type HistorySummary } from '../../electron/backend/demo/fill-history';
import { loyaltyDb } from '../../electron/backend/repositories/loyalty-schema';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

const TODAY = '2026-11-23';
let t: TempBackend;
let summary: HistorySummary;

beforeAll(async () => {
  t = await createTempBackend({ today: TODAY });
  await t.backend.clients.insertMany(generateClients(70, 5, TODAY));
  summary = await fillDemoHistory(t.backend, { today: TODAY, seed: 3 });
}, 120_000);
afterAll(async () => {
  await t.dispose();
});

/** The demo's own tables, counted straight from the file, to check the screen's figures against. */
async function countWindow(from: string, to: string) {
  const db = loyaltyDb(t.backend.db);
  const tours = await db
    .selectFrom('tours')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('price_minor').as('price')])
    .where('arrival_date', '>=', from)
    .where('arrival_date', '<=', to)
    .where('status', 'in', ['booked', 'confirmed', 'completed'])
    .executeTakeFirstOrThrow();
  const travellers = await db
    .selectFrom('tourists')
    .innerJoin('tours', 'tours.id', 'tourists.tour_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      sql<number>`count(distinct tourists.client_id)`.as('clients'),
    ])
    .where('tours.arrival_date', '>=', from)
    .where('tours.arrival_date', '<=', to)
    .executeTakeFirstOrThrow();
  const scores = await db
    .selectFrom('feedback')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('score', 'is not', null)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .executeTakeFirstOrThrow();
  return {
    tours: Number(tours.n),
    revenue: Number(tours.price),
    trips: Number(travellers.n),
    clients: Number(travellers.clients),
    scores: Number(scores.n),
  };
}

describe('npm run demo fills the loyalty side (issue 15)', () => {
  it('writes several years of tours, payers, feedback, referrals and contacts', () => {
    expect(summary.tours).toBeGreaterThan(60);
    expect(summary.tourists).toBeGreaterThan(summary.tours);
    expect(summary.payers).toBeGreaterThan(0);
    expect(summary.payers).toBeLessThan(summary.tours);
    expect(summary.feedback).toBeGreaterThan(10);
    expect(summary.referrals).toBeGreaterThan(0);
    expect(summary.contacts).toBe(2);
  });

  it("the Loyalty screen's figures are non-empty and agree with the tours behind them", async () => {
    const o = await t.call('loyalty.overview', { params: {} });
    const window = await countWindow(o.from, o.asOf);
    // Every demo tour has a price and its payer travels, so each traveller is one client trip.
    expect(o.totals.trips).toBe(window.trips);
    expect(o.totals.clients).toBe(window.clients);
    expect(o.totals.revenueMinor).toBe(window.revenue);
    expect(o.totals.marginMinor).toBeGreaterThan(0);
    expect(o.totals.marginMinor).toBeLessThan(o.totals.revenueMinor);

    const sum = (xs: readonly { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);
    expect(sum(o.matrix)).toBe(o.totals.clients);
    expect(o.matrix.reduce((s, m) => s + m.revenueMinor, 0)).toBe(o.totals.revenueMinor);
    expect(new Set(o.matrix.filter((m) => m.count > 0).map((m) => m.abc))).toEqual(new Set(['A', 'B', 'C']));
    expect(sum(o.segments)).toBe(o.totals.clients);
    expect(o.segments.filter((s) => s.count > 0).length).toBeGreaterThanOrEqual(4);

    // The ladder counts every client who ever travelled, on each stage from one trip up.
    const ever = await countWindow('0000-01-01', o.asOf);
    expect(o.ladder.reduce((s, l) => s + l.count, 0)).toBe(ever.clients);
    for (const stage of ['oneTrip', 'repeat', 'regular']) {
      expect(o.ladder.find((l) => l.stage === stage)?.count, stage).toBeGreaterThan(0);
    }

    expect(o.retention.length).toBe(5);
    expect(o.retention.at(-1)?.atStart).toBeGreaterThan(0);
    expect(o.retention.at(-1)?.crr).not.toBeNull();
    expect(o.nps.responses).toBe(window.scores);
    expect(o.nps.score).not.toBeNull();
    expect(o.nps.byCountry.length).toBeGreaterThan(1);
    expect(o.concentration.top1).toBeGreaterThan(0);
  });

  it('the worklist offers several reasons, and the two demo contacts are on their cards', async () => {
    const items = await t.call('worklist.list', { horizon: 'week' });
    expect(new Set(items.map((i) => i.reason)).size).toBeGreaterThanOrEqual(3);
    const log = await loyaltyDb(t.backend.db)
      .selectFrom('contact_log')
      .select(['client_id', 'note'])
      .execute();
    expect(log).toHaveLength(2);
    for (const entry of log) {
      const onCard = await t.call('contactLog.list', { clientId: entry.client_id });
      expect(onCard.map((e) => e.note)).toContain(entry.note);
      expect(entry.note).not.toBe('');
    }
  });
});
