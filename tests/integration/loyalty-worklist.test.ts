import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loyaltyDb, TRIP_STATUSES } from '../../electron/backend/repositories/loyalty-schema';
import { displayName } from '../../electron/backend/repositories/client-names';
import { fixedClock } from '../../shared/domain/clock';
import { worklistReasons, type WorklistClient, type WorklistItem } from '../../shared/loyalty';
import { WORKLIST_ORDER, worklistQuerySchema } from '../../shared/loyalty/worklist-model';
import { WorklistReader, worklistPage } from '../../electron/backend/repositories/worklist-reader';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { buildKnownBase, type KnownBase } from './loyalty-base';

const DAY = '2026-11-23';

let t: TempBackend;
let base: KnownBase;

beforeEach(async () => {
  t = await createTempBackend({ clock: fixedClock(DAY) });
  base = await buildKnownBase(t);
});
afterEach(async () => {
  await t.dispose();
});

/**
 * The worklist computed the plain way, with no candidate queries and nothing read lazily: every
 * live client with all their trips and open complaints, every reason decided, handled items left
 * out. Family bookings are not rebuilt here (their own query is unchanged), so they are compared
 * apart from the rest.
 */
async function everyClientsReasons(horizon: 'today' | 'week'): Promise<WorklistItem[]> {
  const db = loyaltyDb(t.backend.db);
  const clients = await db.selectFrom('clients').selectAll().where('deleted_at', 'is', null).execute();
  const trips = await db
    .selectFrom('tourists')
    .innerJoin('tours', 'tours.id', 'tourists.tour_id')
    .leftJoin('countries', 'countries.code', 'tours.country')
    .select([
      'tourists.client_id',
      'tours.id',
      'tours.arrival_date',
      'tours.departure_date',
      'tours.country',
      'countries.passport_margin_months',
    ])
    .where('tours.status', 'in', TRIP_STATUSES)
    .where('tours.arrival_date', 'is not', null)
    .orderBy('tours.arrival_date')
    .execute();
  const complaints = await db
    .selectFrom('feedback')
    .selectAll()
    .where('kind', '=', 'complaint')
    .where('status', '<>', 'resolved')
    .orderBy('received_on')
    .execute();
  const log = await db.selectFrom('contact_log').selectAll().orderBy('at').orderBy('id').execute();
  const latest = new Map(log.map((r) => [r.item_key, r]));
  const horizonDays = horizon === 'today' ? 0 : 7;
  const rules = { horizonDays, birthdayDays: horizonDays, dormantMonths: 12, seasonMarginMonths: 6 };
  const items = clients.flatMap((c) => {
    const own = trips.filter((x) => x.client_id === c.id);
    const past = own.filter((x) => (x.arrival_date as string) <= DAY).map((x) => x.arrival_date as string);
    const next = own.find((x) => (x.arrival_date as string) > DAY);
    const client: WorklistClient = {
      id: c.id,
      name: displayName(c),
      phone: c.phone,
      birthDate: c.birth_date,
      passportExpiry: c.passport_expiry,
      pastTrips: past,
      nextTrip: next
        ? {
            tourId: next.id,
            start: next.arrival_date as string,
            end: next.departure_date ?? (next.arrival_date as string),
            country: next.country,
            marginMonths: next.passport_margin_months ?? 6,
          }
        : null,
      regular: past.length >= 3,
      openComplaints: complaints
        .filter((f) => f.client_id === c.id)
        .map((f) => ({ id: f.id, receivedOn: f.received_on, score: f.score })),
      familyBookings: [],
    };
    return worklistReasons(client, DAY, rules);
  });
  return items
    .filter((item) => {
      const entry = latest.get(item.key);
      return (
        !entry ||
        (entry.action === 'postponed' && entry.postponed_until !== null && entry.postponed_until <= DAY)
      );
    })
    .sort(
      (x, y) =>
        WORKLIST_ORDER.indexOf(x.reason) - WORKLIST_ORDER.indexOf(y.reason) ||
        (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) ||
        x.clientId - y.clientId,
    );
}

/** Every reason the comparisons met, so the test shows it compared each of them at least once. */
const seen = new Set<string>();

async function expectSameReasons(): Promise<void> {
  for (const horizon of ['week', 'today'] as const) {
    const listed = await t.call('worklist.list', { horizon, limit: 2000 });
    for (const item of listed) seen.add(item.reason);
    expect(listed.filter((i) => i.reason !== 'familyBooked')).toEqual(await everyClientsReasons(horizon));
    // Each shorter page, its candidates read one at a time so reading can stop after any of them,
    // is the start of the whole list.
    for (let limit = 1; limit <= listed.length + 1; limit++) {
      const query = worklistQuerySchema.parse({ horizon, limit });
      const reader = new WorklistReader(loyaltyDb(t.backend.db), DAY, query, 1);
      expect(await worklistPage(reader, limit)).toEqual(listed.slice(0, limit));
    }
  }
}

describe('the worklist equals every client decided the plain way', () => {
  it('on the known base and after writes that move each reason', async () => {
    await expectSameReasons();
    const db = loyaltyDb(t.backend.db);
    // D's booked trip moves into the past: no next trip, so the passport is checked against the season.
    await db
      .updateTable('tours')
      .set({ arrival_date: '2026-06-10', departure_date: '2026-06-20' })
      .where('id', '=', base.tours.t5)
      .execute();
    await expectSameReasons();
    // E's last trip falls on this week's day: an anniversary beside the dormancy.
    await db
      .updateTable('tours')
      .set({ arrival_date: '2023-11-25' })
      .where('id', '=', base.tours.e3)
      .execute();
    await expectSameReasons();
    // E books a trip for next year: the anniversary of E's last trip so far stays on the list.
    await db
      .updateTable('tours')
      .set({ arrival_date: '2027-02-01', departure_date: '2027-02-10', status: 'booked' })
      .where('id', '=', base.tours.e1)
      .execute();
    const withBooking = await t.call('worklist.list', { horizon: 'week', limit: 2000 });
    expect(withBooking.filter((i) => i.clientId === base.e).map((i) => i.reason)).toContain(
      'tripAnniversary',
    );
    await expectSameReasons();
    // A third past trip for C, long ago: C becomes a regular who has not travelled for a year.
    await db
      .updateTable('tours')
      .set({ arrival_date: '2024-11-26', departure_date: '2024-12-01' })
      .where('id', '=', base.tours.t4)
      .execute();
    await db
      .updateTable('tours')
      .set({ arrival_date: '2023-11-24', departure_date: '2023-12-01' })
      .where('id', '=', base.tours.t1)
      .execute();
    await expectSameReasons();
    // One of E's trips cancelled: no longer a regular.
    await db.updateTable('tours').set({ status: 'cancelled' }).where('id', '=', base.tours.e1).execute();
    await db.updateTable('clients').set({ passport_expiry: '2027-02-01' }).where('id', '=', base.a).execute();
    await t.call('feedback.save', {
      clientId: base.a,
      tourId: base.tours.t3,
      kind: 'complaint',
      text: 'Шумный номер',
      status: 'open',
      receivedOn: '2026-11-20',
    });
    await expectSameReasons();
    const first = (await t.call('worklist.list', { horizon: 'week' }))[0];
    if (!first) throw new Error('the list is empty');
    await t.call('worklist.act', {
      clientId: first.clientId,
      key: first.key,
      reason: first.reason,
      action: 'dismissed',
      note: 'ok',
    });
    await expectSameReasons();
    // F (D's spouse) is read for a complaint before the relatives' bookings are: hers still shows.
    await t.call('feedback.save', {
      clientId: base.f,
      kind: 'complaint',
      text: 'Не перезвонили',
      status: 'open',
      receivedOn: '2026-11-21',
    });
    const list = await t.call('worklist.list', { horizon: 'week', limit: 2000 });
    expect(list.filter((i) => i.clientId === base.f).map((i) => [i.reason, i.params])).toEqual([
      ['openComplaint', { days: 2 }],
      ['familyBooked', { relative: 'Денисов Тест', voucher: 'T5' }],
    ]);
    await expectSameReasons();
    // F's complaints now start before A's, and one falls on A's first day: read in date order, F's
    // item that day still sorts after A's (lower id), so reading may not stop at it.
    for (const receivedOn of ['2026-11-01', '2026-11-20']) {
      await t.call('feedback.save', {
        clientId: base.f,
        kind: 'complaint',
        text: 'Трансфер опоздал',
        status: 'open',
        receivedOn,
      });
    }
    expect(base.a).toBeLessThan(base.f);
    await expectSameReasons();
    expect([...seen].sort()).toEqual([...WORKLIST_ORDER].sort());
  });
});

describe('29 February in a common year', () => {
  it('shows the birthday and the trip anniversary on 28 February', async () => {
    const leap = await createTempBackend({ clock: fixedClock('2027-02-24') });
    try {
      const known = await buildKnownBase(leap);
      const db = loyaltyDb(leap.backend.db);
      await db.updateTable('clients').set({ birth_date: '1988-02-29' }).where('id', '=', known.b).execute();
      // E's last trip began on 29 February 2024.
      await db
        .updateTable('tours')
        .set({ arrival_date: '2024-02-29', departure_date: '2024-03-07' })
        .where('id', '=', known.tours.e3)
        .execute();
      const reasons = async (horizon: 'week' | 'today') =>
        (await leap.call('worklist.list', { horizon, limit: 2000 }))
          .filter((i) => i.reason === 'birthday' || i.reason === 'tripAnniversary')
          .filter((i) => i.clientId === known.b || i.clientId === known.e)
          .map((i) => [i.clientId, i.reason, i.date]);
      expect(await reasons('week')).toEqual([
        [known.b, 'birthday', '2027-02-28'],
        [known.e, 'tripAnniversary', '2027-02-28'],
      ]);
      expect(await reasons('today')).toEqual([]);
    } finally {
      await leap.dispose();
    }
  });
});
