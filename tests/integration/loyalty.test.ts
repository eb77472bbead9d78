import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/domain/clock';
import { fixedClock } from '../../shared/domain/clock';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { buildKnownBase, type KnownBase } from './loyalty-base';

let t: TempBackend;
let base: KnownBase;
let now: Clock = fixedClock('2026-11-23');
const clock: Clock = { now: () => now.now() };

beforeEach(async () => {
  now = fixedClock('2026-11-23');
  t = await createTempBackend({ clock });
  base = await buildKnownBase(t);
});
afterEach(async () => {
  await t.dispose();
});

const kop = (rub: number) => Math.round(rub * 100);

describe('loyalty screen figures on a known base', () => {
  it('totals, ABC×XYZ, RFM segments, key clients and concentration', async () => {
    const o = await t.call('loyalty.overview', { params: { periods: 3 } });
    expect(o.from).toBe('2023-11-24');
    // A: T1 paid (100 000), T2 by its service 210 000, T3 150 000; C and D: half of T4 each; B: T1 paid by A.
    expect(o.totals).toEqual({ clients: 4, trips: 6, revenueMinor: kop(510_000), marginMinor: kop(85_000) });
    const cell = (abc: string, xyz: string) => o.matrix.find((m) => m.abc === abc && m.xyz === xyz);
    expect(cell('A', 'Z')).toMatchObject({ count: 1, revenueMinor: kop(460_000) });
    expect(cell('A', 'Z')?.revenueShare).toBeCloseTo(460 / 510, 10);
    expect(cell('B', 'Z')).toMatchObject({ count: 1, revenueMinor: kop(25_000) });
    expect(cell('C', 'Z')).toMatchObject({ count: 2, revenueMinor: kop(25_000) });
    expect(o.matrix.filter((m) => m.count > 0)).toHaveLength(3);

    const segment = (name: string) => o.segments.find((s) => s.segment === name);
    expect(segment('potentialLoyalists')).toMatchObject({ count: 1, marginMinor: kop(80_000) });
    expect(segment('promising')).toMatchObject({ count: 2, marginMinor: kop(5_000) });
    expect(segment('hibernating')).toMatchObject({ count: 1, marginMinor: 0 });
    expect(o.segments.reduce((s, x) => s + x.count, 0)).toBe(4);
    // Historical LTV of the promising (C and D): their whole margin, 2 500 each.
    expect(segment('promising')?.historicalLtvMinor).toBe(kop(2_500));

    expect(o.keyClients).toEqual([
      {
        clientId: base.a,
        name: 'Антонова Тест',
        revenueMinor: kop(460_000),
        marginMinor: kop(80_000),
        revenueShare: 460 / 510,
        marginShare: 80 / 85,
      },
    ]);
    expect(o.concentration.top1).toBeCloseTo(460 / 510, 10);
    expect(o.concentration.top5).toBe(1);
  });

  it('the ladder now and a year earlier', async () => {
    const o = await t.call('loyalty.overview', { params: {} });
    const stage = (name: string) => o.ladder.find((l) => l.stage === name);
    // A advocate (recommended C, who travelled; scored 10), C advocate (scored 9), B and D one trip, E regular.
    expect(stage('oneTrip')).toEqual({ stage: 'oneTrip', count: 2, previous: 1 });
    expect(stage('repeat')).toEqual({ stage: 'repeat', count: 0, previous: 1 });
    expect(stage('regular')).toEqual({ stage: 'regular', count: 1, previous: 1 });
    expect(stage('loyal')).toEqual({ stage: 'loyal', count: 0, previous: 0 });
    expect(stage('advocate')).toEqual({ stage: 'advocate', count: 2, previous: 0 });
  });

  it('CRR and churn per year', async () => {
    const o = await t.call('loyalty.overview', { params: { periods: 3, periodKind: 'year' } });
    expect(
      o.retention.map(({ key, atStart, atEnd, acquired, lost }) => [key, atStart, atEnd, acquired, lost]),
    ).toEqual([
      ['2024', 1, 3, 2, 0],
      ['2025', 3, 4, 2, 1],
      ['2026', 4, 3, 0, 1],
    ]);
    expect(o.retention.map((r) => r.crr)).toEqual([100, ((4 - 2) / 3) * 100, 75]);
    expect(o.retention.map((r) => r.churn)).toEqual([0, (1 / 3) * 100, 25]);
  });

  it('NPS overall, per period, destination and hotel; complaints', async () => {
    const o = await t.call('loyalty.overview', { params: { periods: 3 } });
    expect(o.nps.score).toBe(25);
    expect(o.nps.responses).toBe(4);
    expect(o.nps.byPeriod).toEqual([
      { key: '2024', score: 0, responses: 1 },
      { key: '2025', score: 100, responses: 1 },
      { key: '2026', score: 0, responses: 2 },
    ]);
    expect(o.nps.byCountry).toEqual([
      { key: 'EGY', score: 0, responses: 2 },
      { key: 'TUR', score: 50, responses: 2 },
    ]);
    expect(o.nps.byHotel.map((h) => h.key)).toEqual(['Maxx Royal', 'Rixos']);
    expect(o.nps.openComplaints).toBe(1);
    expect(o.nps.averageResolutionDays).toBe(10);
  });

  it('a matrix cell opens exactly its clients; moving the payer moves the money', async () => {
    const cell = await t.call('loyalty.clients', { filter: { abc: 'C', xyz: 'Z' } });
    expect(cell.rows.map((r) => r.clientId)).toEqual([base.d, base.b]);
    expect(cell.rows[0]).toMatchObject({
      trips: 1,
      revenueMinor: kop(25_000),
      marginMinor: kop(2_500),
      segment: 'promising',
    });
    expect(await t.call('tours.getPayer', { tourId: base.tours.t1 })).toEqual({
      tourId: base.tours.t1,
      payerClientId: base.a,
    });
    await t.call('tours.setPayer', { tourId: base.tours.t1, clientId: null });
    expect(await t.call('tours.getPayer', { tourId: base.tours.t1 })).toEqual({
      tourId: base.tours.t1,
      payerClientId: null,
    });
    const shared = await t.call('loyalty.clients', { filter: { segment: 'hibernating' } });
    // Without a payer A and B share T1: 50 000 revenue, 5 000 margin each.
    expect(shared.rows).toEqual([
      expect.objectContaining({ clientId: base.b, revenueMinor: kop(50_000), marginMinor: kop(5_000) }),
    ]);
  });

  it('segment export keeps only clients with a marketing consent once consents are kept', async () => {
    const headers = ['Name', 'Phone', 'E-mail', 'Trips', 'Revenue', 'Margin', 'Last trip'];
    const before = await t.call('loyalty.exportSegment', {
      filter: { segment: 'promising' },
      format: 'csv',
      headers,
    });
    expect(before).toMatchObject({ exported: 2, withoutConsent: 0 });
    await t.call('consents.save', { clientId: base.c, scope: 'marketing', givenOn: '2026-01-01' });
    await t.call('consents.save', { clientId: base.d, scope: 'processing', givenOn: '2026-01-01' });
    const after = await t.call('loyalty.exportSegment', {
      filter: { segment: 'promising', country: 'EGY', month: 11 },
      format: 'csv',
      headers,
    });
    expect(after).toMatchObject({ exported: 1, withoutConsent: 1 });
    const text = Buffer.from(after.base64, 'base64').toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFFName,Phone,E-mail,Trips,Revenue,Margin,Last trip',
      'Карпова Тест,+7 900 000-00-03,karpova@example.com,1,25000,2500,2025-11-25',
      '',
    ]);
    const xlsx = await t.call('loyalty.exportSegment', {
      filter: { segment: 'promising' },
      format: 'xlsx',
      headers,
    });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('a chart table', () => {
  it('is written to an xlsx that reads back as sent, formula-like texts kept as text', async () => {
    const { fileName, base64 } = await t.call('loyalty.exportTable', {
      title: 'Выручка по годам',
      headers: ['Год', 'Клиенты', 'Выручка'],
      rows: [
        ['2025', 3, 125_000.5],
        ['=SUM(1)', 0, 0],
      ],
    });
    expect(fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Выручка по годам');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Год', 'Клиенты', 'Выручка']);
    expect(values(2)).toEqual(['2025', 3, 125_000.5]);
    expect(values(3)).toEqual(['=SUM(1)', 0, 0]);
    sheet.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('who to contact', () => {
  it('gives each reason for the right client', async () => {
    const items = await t.call('worklist.list', { horizon: 'week' });
    const got = items.map((i) => [i.reason, i.clientId, i.date]);
    expect(got).toEqual([
      ['openComplaint', base.d, '2026-10-01'],
      ['passportBeforeTrip', base.d, '2027-03-01'],
      ['birthday', base.a, '2026-11-26'],
      ['familyBooked', base.f, '2026-11-23'],
      ['noTripLately', base.e, '2023-06-01'],
      ['tripAnniversary', base.c, '2026-11-25'],
      ['tripAnniversary', base.d, '2026-11-25'],
    ]);
    expect(items.find((i) => i.reason === 'birthday')?.params).toEqual({ age: 41 });
    expect(items.find((i) => i.reason === 'passportBeforeTrip')?.params).toEqual({
      country: 'THA',
      start: '2027-01-10',
      months: 6,
    });
    expect(items.find((i) => i.reason === 'familyBooked')?.params).toEqual({
      relative: 'Денисов Тест',
      voucher: 'T5',
    });
    expect(items.find((i) => i.reason === 'noTripLately')?.params).toEqual({ months: 41 });
    const today = await t.call('worklist.list', { horizon: 'today' });
    expect(today.map((i) => i.reason)).toEqual([
      'openComplaint',
      'passportBeforeTrip',
      'familyBooked',
      'noTripLately',
    ]);
  });

  it('a shorter page is the head of the whole list (reasons are read in order until the page is full)', async () => {
    const all = await t.call('worklist.list', { horizon: 'week' });
    expect(all).toHaveLength(7);
    for (const limit of [1, 2, 3, 5, 6]) {
      expect(await t.call('worklist.list', { horizon: 'week', limit })).toEqual(all.slice(0, limit));
    }
  });

  it('done, dismissed and postponed items leave the list; the notes form the contact log', async () => {
    const items = await t.call('worklist.list', { horizon: 'week' });
    const birthday = items.find((i) => i.reason === 'birthday');
    const complaint = items.find((i) => i.reason === 'openComplaint');
    const dormant = items.find((i) => i.reason === 'noTripLately');
    if (!birthday || !complaint || !dormant) throw new Error('items missing');
    await t.call('worklist.act', {
      key: birthday.key,
      clientId: birthday.clientId,
      reason: 'birthday',
      action: 'done',
      note: 'Поздравили, хочет в Италию',
    });
    await t.call('worklist.act', {
      key: complaint.key,
      clientId: complaint.clientId,
      reason: 'openComplaint',
      action: 'postponed',
      note: 'Ждём ответ отеля',
      postponeUntil: '2026-11-25',
    });
    await t.call('worklist.act', {
      key: dormant.key,
      clientId: dormant.clientId,
      reason: 'noTripLately',
      action: 'dismissed',
    });
    const left = (await t.call('worklist.list', { horizon: 'week' })).map((i) => i.reason);
    expect(left).not.toContain('birthday');
    expect(left).not.toContain('openComplaint');
    expect(left).not.toContain('noTripLately');
    expect(left).toContain('passportBeforeTrip');

    const log = await t.call('contactLog.list', { clientId: base.a });
    expect(log).toEqual([
      expect.objectContaining({ reason: 'birthday', action: 'done', note: 'Поздравили, хочет в Италию' }),
    ]);

    now = fixedClock('2026-11-25');
    const later = (await t.call('worklist.list', { horizon: 'today' })).map((i) => i.reason);
    expect(later).toContain('openComplaint');
  });

  it('refuses a postponement without a day and a key of another client', async () => {
    const error = await t.callError('worklist.act', {
      key: `birthday:${base.a}:2026-11-26`,
      clientId: base.a,
      reason: 'birthday',
      action: 'postponed',
    });
    expect(error.code).toBe('BAD_INPUT');
    const other = await t.callError('worklist.act', {
      key: `birthday:${base.b}:2026-11-26`,
      clientId: base.a,
      reason: 'birthday',
      action: 'done',
    });
    expect(other.code).toBe('BAD_INPUT');
  });
});

describe('feedback and referrals', () => {
  it('lists feedback per tour, resolves a complaint, and counts referrals that travelled', async () => {
    const onT4 = await t.call('feedback.list', { tourId: base.tours.t4 });
    expect(onT4.map((f) => [f.clientName, f.kind, f.score])).toEqual([
      ['Денисов Тест', 'complaint', 3],
      ['Карпова Тест', 'praise', 9],
    ]);
    const complaint = onT4[0];
    if (!complaint) throw new Error('no complaint');
    const resolved = await t.call('feedback.save', {
      ...complaint,
      status: 'resolved',
      resolution: 'Скидка 5 %',
      resolvedOn: '2026-10-05',
    });
    expect(resolved).toMatchObject({ status: 'resolved', version: 2 });
    const stale = await t.callError('feedback.save', { ...complaint, status: 'inProgress' });
    expect(stale.code).toBe('STALE_VERSION');
    const o = await t.call('loyalty.overview', { params: {} });
    expect(o.nps.openComplaints).toBe(0);
    expect(o.nps.averageResolutionDays).toBe(7); // (10 + 4) / 2

    expect(await t.call('referrals.get', { clientId: base.a })).toEqual({
      referrer: null,
      referred: [{ clientId: base.c, name: 'Карпова Тест', travelled: true }],
    });
    expect((await t.call('referrals.get', { clientId: base.c })).referrer?.clientId).toBe(base.a);
    expect((await t.callError('referrals.set', { clientId: base.a, referrerId: base.a })).code).toBe(
      'BAD_INPUT',
    );
    const bad = await t.callError('feedback.save', {
      clientId: base.a,
      kind: 'complaint',
      status: 'resolved',
      receivedOn: '2026-10-05',
    });
    expect(bad.code).toBe('BAD_INPUT');
  });
});
