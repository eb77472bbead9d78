import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loyaltyDb } from '../../electron/backend/repositories/loyalty-schema';
import { refreshStaleTrips } from '../../electron/backend/repositories/loyalty-trips';
import { createTempBackend, testDialect, type TempBackend } from '../helpers/temp-backend';
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

// Two clerks at once exist on a server base only; SQLite has one writer at a time.
describe.skipIf(testDialect === 'sqlite')('a tour written while another clerk refreshes', () => {
  it('is recomputed with what the writer committed, not left stale until its next write', async () => {
    await t.call('loyalty.overview', { params: {} });
    const t1 = await t.call('tours.get', { id: base.tours.t1 });
    // T1 is marked stale and committed; a second clerk now writes it again and has not committed.
    await t.call('tours.save', { ...t1, priceMinor: t1.priceMinor + 100 });
    const writer = new pg.Client({ connectionString: t.openOptions.postgres?.connectionString });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('UPDATE tours SET price_minor = 7777700 WHERE id = $1', [base.tours.t1]);
      const refreshing = refreshStaleTrips(t.backend.db);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await writer.query('COMMIT');
      await refreshing;
    } finally {
      await writer.end();
    }
    const db = loyaltyDb(t.backend.db);
    const stale = await db.selectFrom('loyalty_stale_tours').select('tour_id').execute();
    const trip = await db
      .selectFrom('client_trips')
      .select('revenue_minor')
      .where('tour_id', '=', base.tours.t1)
      .where('client_id', '=', base.a)
      .executeTakeFirstOrThrow();
    // The refresh waited for the writer's lock on the mark and read the price it committed.
    expect(trip.revenue_minor).toBe(7777700);
    expect(stale).toEqual([]);
  });
});

describe.skipIf(testDialect === 'sqlite')('two clerks adding trips of one client at once', () => {
  it("leave the client's trip tally counting both (migration 24)", async () => {
    const url = t.openOptions.postgres?.connectionString;
    const [first, second] = [
      new pg.Client({ connectionString: url }),
      new pg.Client({ connectionString: url }),
    ];
    await first.connect();
    await second.connect();
    const addF = (writer: pg.Client, tourId: number) =>
      writer.query(
        `INSERT INTO tourists (tour_id, client_id, last_name_lat, name_key, name_key_lat, position, version)
         VALUES ($1, $2, 'FEDOROVA', 'FEDOROVA', 'FEDOROVA', 9, 1)`,
        [tourId, base.f],
      );
    try {
      await first.query('BEGIN');
      await second.query('BEGIN');
      await addF(first, base.tours.t1);
      // The second waits for the first's row of F; it must count the first's trip once that commits.
      const waiting = addF(second, base.tours.t2);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await first.query('COMMIT');
      await waiting;
      await second.query('COMMIT');
    } finally {
      await first.end();
      await second.end();
    }
    const db = loyaltyDb(t.backend.db);
    const tally = await db
      .selectFrom('client_trip_tally')
      .select(['trips', 'last_arrival'])
      .where('client_id', '=', base.f)
      .executeTakeFirstOrThrow();
    const t2 = await t.call('tours.get', { id: base.tours.t2 });
    expect(tally).toEqual({ trips: 2, last_arrival: t2.arrivalDate });
  });
});
