import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTouristFields } from '../../shared/domain/tour';
import {
  analyse,
  analyseSummaries,
  loyaltyFilterSchema,
  loyaltyParamsSchema,
  summarise,
  summaryPlan,
  type Analysis,
  type LoyaltyFilter,
} from '../../shared/loyalty';
import { loadClientFacts } from '../../electron/backend/repositories/loyalty-facts';
import { loyaltyDb, TRIP_STATUSES } from '../../electron/backend/repositories/loyalty-schema';
import { loadFeedbackCounts } from '../../electron/backend/repositories/loyalty-feedback';
import { refreshFigures } from '../../electron/backend/repositories/loyalty-figures';
import { countOverview, selectClasses } from '../../electron/backend/repositories/loyalty-overview';
import { loadClientSummaries, withFiguresSource } from '../../electron/backend/repositories/loyalty-summary';
import {
  computeTrips,
  refreshStaleTrips,
  type TripFact,
} from '../../electron/backend/repositories/loyalty-trips';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { buildKnownBase, type KnownBase } from './loyalty-base';

const TODAY = '2026-11-23';
let t: TempBackend;
let base: KnownBase;

beforeEach(async () => {
  t = await createTempBackend({ today: TODAY });
  base = await buildKnownBase(t);
});

afterEach(async () => {
  await t.dispose();
});

/** Drill-downs of every kind: each class, a stage with clients outside the window, key clients. */
const DRILL_DOWNS: LoyaltyFilter[] = [
  { abc: 'A' },
  { abc: 'C', xyz: 'Z' },
  { xyz: 'X' },
  { segment: 'champions' },
  { segment: 'hibernating' },
  { stage: 'oneTrip' },
  { stage: 'regular' },
  { keyOnly: true },
  {},
].map((f) => loyaltyFilterSchema.parse(f));

/** The clients a filter takes from the TypeScript classes, by margin (largest first), then id. */
function referenceClients(analysis: Analysis, filter: LoyaltyFilter): number[] {
  return [...analysis.classes]
    .filter(
      ([, c]) =>
        (filter.abc === null || c.abc === filter.abc) &&
        (filter.xyz === null || c.xyz === filter.xyz) &&
        (filter.segment === null || c.segment === filter.segment) &&
        (filter.stage === null ? c.windowTrips > 0 : c.stage === filter.stage) &&
        (!filter.keyOnly || c.key),
    )
    .sort((a, b) => b[1].marginMinor - a[1].marginMinor || a[0] - b[0])
    .map(([id]) => id);
}

const order = (a: TripFact, b: TripFact) => a.tour_id - b.tour_id || a.client_id - b.client_id;

/**
 * The kept trips equal a recomputation of every tour from scratch, nothing is left stale, and the
 * base's GROUP BY summaries equal the TypeScript summaries of the same trips.
 */
async function expectFactsRight(): Promise<TripFact[]> {
  const db = loyaltyDb(t.backend.db);
  await refreshStaleTrips(t.backend.db);
  const kept = await db.selectFrom('client_trips').selectAll().execute();
  const tourIds = (await db.selectFrom('tours').select('id').execute()).map((r) => r.id);
  const full = await computeTrips(db, tourIds);
  expect([...kept].sort(order)).toEqual([...full].sort(order));
  expect(await db.selectFrom('loyalty_stale_tours').select('tour_id').execute()).toEqual([]);

  for (const params of [
    loyaltyParamsSchema.parse({}),
    loyaltyParamsSchema.parse({ windowMonths: 18, periodKind: 'quarter', periods: 12, activityMonths: 6 }),
    loyaltyParamsSchema.parse({
      rfm: 'quintiles',
      abc: { a: 0.5, b: 0.7 },
      xyz: { x: 0.5, y: 1 },
      keyShare: 0.2,
    }),
  ]) {
    // 2025-11-30: C and D are away on T4, so their last return is the start, not the end. The
    // default plan on TODAY is read from the kept per-client rows, the others are grouped.
    // 2025-11-23 is the default plan a period back, read from its own kept rows (migration 29).
    for (const day of [TODAY, '2025-11-23', '2025-11-30', '2025-06-30']) {
      const plan = summaryPlan(params, day);
      const { clients, feedback } = await loadClientFacts(t.backend.db, 'RUB');
      const summaries = await loadClientSummaries(t.backend.db, 'RUB', params, plan, TODAY);
      const travelled = clients.filter((c) => c.trips.length > 0).sort((x, y) => x.id - y.id);
      expect(summaries).toEqual(travelled.map((c) => summarise(c, plan)));
      // Every figure of the screen, NPS counted by the base included, equals the TypeScript one.
      const counts = await loadFeedbackCounts(t.backend.db, plan);
      const reference = analyse(clients, feedback, params, day);
      expect(analyseSummaries(summaries, counts, params, plan).overview).toEqual(reference.overview);
      // The screen's figures and drill-downs, counted by the base over the same rows.
      await withFiguresSource(t.backend.db, 'RUB', params, plan, TODAY, async (source) => {
        expect(await countOverview(source, params, plan, counts)).toEqual(reference.overview);
        for (const filter of DRILL_DOWNS) {
          const { clients: chosen, total } = await selectClasses(source, params, plan, filter, null, 3);
          const expected = referenceClients(reference, filter);
          expect({ ids: chosen.map((c) => c.clientId), total }).toEqual({
            ids: expected.slice(0, 3),
            total: expected.length,
          });
        }
      });
    }
  }
  await expectTallyRight();
  // Nothing left to recompute, and the kept rows are those of a rebuild from scratch.
  expect(await db.selectFrom('loyalty_stale_clients').select('client_id').execute()).toEqual([]);
  const keptRows = () =>
    Promise.all(
      (['loyalty_client_figures', 'loyalty_client_figures_back'] as const).map((table) =>
        db.selectFrom(table).selectAll().orderBy('client_id').orderBy('currency').execute(),
      ),
    );
  const keptFigures = await keptRows();
  await db.deleteFrom('loyalty_figures_state').execute();
  await refreshFigures(t.backend.db, TODAY);
  expect(await keptRows()).toEqual(keptFigures);
  return kept;
}

/** The kept trip tally (migration 24, kept by triggers alone) equals a count of the tourists now. */
async function expectTallyRight(): Promise<void> {
  const db = loyaltyDb(t.backend.db);
  const counted = await db
    .selectFrom('tourists')
    .innerJoin('tours', 'tours.id', 'tourists.tour_id')
    .select((eb) => [
      'tourists.client_id',
      eb.fn.countAll<number>().as('trips'),
      eb.fn.max('tours.arrival_date').as('last_arrival'),
    ])
    .where('tourists.client_id', 'is not', null)
    .where('tours.status', 'in', TRIP_STATUSES)
    .groupBy('tourists.client_id')
    .orderBy('tourists.client_id')
    .execute();
  const kept = await db
    .selectFrom('client_trip_tally')
    .selectAll()
    .where('trips', '>', 0)
    .orderBy('client_id')
    .execute();
  expect(kept).toEqual(counted.map((r) => ({ ...r, trips: Number(r.trips) })));
}

const tripOf = (trips: TripFact[], tourId: number, clientId: number) =>
  trips.find((x) => x.tour_id === tourId && x.client_id === clientId);

describe('client_trips, the facts behind the Loyalty figures', () => {
  it('start right and stay right after tour saves, travellers, payers and service prices', async () => {
    const first = await expectFactsRight();
    expect(tripOf(first, base.tours.t1, base.a)?.revenue_minor).toBe(100_000_00);

    const t3 = await t.call('tours.get', { id: base.tours.t3 });
    await t.call('tours.save', { ...t3, priceMinor: 160_000_00, arrivalDate: '2026-02-01' });
    expect(tripOf(await expectFactsRight(), base.tours.t3, base.a)).toMatchObject({
      revenue_minor: 160_000_00,
      start_date: '2026-02-01',
    });

    const t2 = await t.call('tours.get', { id: base.tours.t2 });
    await t.call('tours.save', {
      ...t2,
      services: t2.services.map((s) => ({ ...s, priceMinor: 220_000_00 })),
    });
    expect(tripOf(await expectFactsRight(), base.tours.t2, base.a)?.revenue_minor).toBe(220_000_00);

    const b = await t.call('clients.get', { id: base.b });
    await t.call('tourists.save', {
      tourId: base.tours.t3,
      tourist: {
        ...emptyTouristFields(),
        lastNameRu: b.lastNameRu,
        firstNameRu: b.firstNameRu,
        clientId: base.b,
        serviceIds: [],
      },
    });
    // No payer: A and B share T3 now.
    expect(tripOf(await expectFactsRight(), base.tours.t3, base.b)?.revenue_minor).toBe(80_000_00);

    // B's place on T3 moved to E's card (the tally recounts both), then back to B.
    const moveTo = async (clientId: number) => {
      const tour = await t.call('tours.get', { id: base.tours.t3 });
      const place = tour.tourists.find(
        (x) => x.lastNameRu === b.lastNameRu,
      ) as (typeof tour.tourists)[number];
      await t.call('tourists.save', {
        tourId: base.tours.t3,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu: b.lastNameRu,
          firstNameRu: b.firstNameRu,
          id: place.id,
          version: place.version,
          clientId,
          serviceIds: [],
        },
      });
    };
    await moveTo(base.e);
    expect(tripOf(await expectFactsRight(), base.tours.t3, base.e)?.revenue_minor).toBe(80_000_00);
    await moveTo(base.b);
    const touristB = (await t.call('tours.get', { id: base.tours.t3 })).tourists.find(
      (x) => x.clientId === base.b,
    );
    await t.call('tourists.delete', { id: touristB?.id as number });
    expect(tripOf(await expectFactsRight(), base.tours.t3, base.b)).toBeUndefined();

    await t.call('tours.setPayer', { tourId: base.tours.t1, clientId: null });
    expect(tripOf(await expectFactsRight(), base.tours.t1, base.b)?.revenue_minor).toBe(50_000_00);
    await t.call('tours.setPayer', { tourId: base.tours.t4, clientId: base.d });
    expect(tripOf(await expectFactsRight(), base.tours.t4, base.c)?.revenue_minor).toBe(0);

    const e1 = await t.call('tours.get', { id: base.tours.e1 });
    await t.call('tours.save', { ...e1, status: 'cancelled' });
    expect(tripOf(await expectFactsRight(), base.tours.e1, base.e)).toBeUndefined();
    // A tour's date written by a statement that leaves its travellers alone (as a raw import would).
    await loyaltyDb(t.backend.db)
      .updateTable('tours')
      .set({ arrival_date: '2026-03-03' })
      .where('id', '=', base.tours.e2)
      .execute();
    expect(tripOf(await expectFactsRight(), base.tours.e2, base.e)?.start_date).toBe('2026-03-03');
    const e2 = await t.call('tours.get', { id: base.tours.e2 });
    const removed = await t.call('tours.delete', { id: e2.id, version: e2.version });
    expect(tripOf(await expectFactsRight(), base.tours.e2, base.e)).toBeUndefined();
    await t.call('undo.apply', { id: removed.undoId });
    expect(tripOf(await expectFactsRight(), base.tours.e2, base.e)?.revenue_minor).toBe(80_000_00);
  });

  it('stay right after feedback, referrals, deleting, undoing, merging and forgetting clients', async () => {
    // Built once first, so the score and the referral below are applied to kept figures.
    await expectFactsRight();
    await t.call('feedback.save', {
      clientId: base.b,
      tourId: base.tours.t1,
      kind: 'score',
      score: 10,
      receivedOn: '2024-03-25',
    });
    await t.call('referrals.set', { clientId: base.b, referrerId: base.e });
    await expectFactsRight();
    // The recommendation moves to F, then a later score takes over from B's 10.
    await t.call('referrals.set', { clientId: base.b, referrerId: base.f });
    await t.call('feedback.save', {
      clientId: base.b,
      tourId: base.tours.t1,
      kind: 'score',
      score: 3,
      receivedOn: '2025-03-25',
    });
    await expectFactsRight();

    // C's card deleted: D alone takes T4, and back when the deletion is undone.
    const c = await t.call('clients.get', { id: base.c });
    const deleted = await t.call('clients.delete', { id: base.c, version: c.version });
    expect(tripOf(await expectFactsRight(), base.tours.t4, base.d)?.revenue_minor).toBe(50_000_00);
    await t.call('undo.apply', { id: deleted.undoId });
    expect(tripOf(await expectFactsRight(), base.tours.t4, base.d)?.revenue_minor).toBe(25_000_00);

    // D merged into F's card: F takes D's trips, and gives them back on undo.
    const preview = await t.call('duplicates.mergePreview', { keepId: base.f, mergeId: base.d });
    const values = Object.fromEntries(preview.fields.map((f) => [f.field, f.options[f.chosen]?.value]));
    const keep = await t.call('clients.get', { id: base.f });
    const merge = await t.call('clients.get', { id: base.d });
    const merged = await t.call('duplicates.merge', {
      keepId: base.f,
      keepVersion: keep.version,
      mergeId: base.d,
      mergeVersion: merge.version,
      values,
    });
    const afterMerge = await expectFactsRight();
    expect(tripOf(afterMerge, base.tours.t4, base.f)?.revenue_minor).toBe(25_000_00);
    expect(tripOf(afterMerge, base.tours.t4, base.d)).toBeUndefined();
    await t.call('undo.apply', { id: merged.undoId });
    expect(tripOf(await expectFactsRight(), base.tours.t4, base.d)?.revenue_minor).toBe(25_000_00);

    // C pays for T4 as well as travelling on it: forgetting C clears the payer through the foreign
    // key (ON DELETE SET NULL), which marked T4 stale a second time and broke the stale key once.
    await t.call('tours.setPayer', { tourId: base.tours.t4, clientId: base.c });
    await t.call('clients.forget', { id: base.c });
    const afterForget = await expectFactsRight();
    expect(tripOf(afterForget, base.tours.t4, base.c)).toBeUndefined();
    expect(tripOf(afterForget, base.tours.t4, base.d)?.revenue_minor).toBe(50_000_00);
  });
});
