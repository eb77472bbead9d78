import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTourInput, emptyTouristFields } from '../../shared/domain/tour';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

/** A person whose data is easy to find in raw bytes: unusual names and numbers. */
const zhiglova = () =>
  ivanov({
    lastNameRu: 'Жиглова',
    firstNameRu: 'Аглая',
    middleNameRu: 'Евстафьевна',
    lastNameLat: 'ZHIGLOVA',
    firstNameLat: 'AGLAIA',
    phone: '+7 913 777-31-59',
    email: 'aglaia.zh@example.org',
    documents: [
      {
        ...ivanov().documents[0]!,
        series: '71',
        number: '9081726',
        lastNameLat: 'ZHIGLOVA',
        firstNameLat: 'AGLAIA',
      },
    ],
  });

async function withTrip() {
  const client = await t.call('clients.save', zhiglova());
  const tour = await t.call('tours.save', { ...emptyTourInput(), voucher: 'PRIV-1', country: 'FRA' });
  const { tourist } = await t.call('tourists.save', {
    tourId: tour.id,
    tourist: {
      ...emptyTouristFields(),
      lastNameRu: 'Жиглова',
      firstNameRu: 'Аглая',
      lastNameLat: 'ZHIGLOVA',
      firstNameLat: 'AGLAIA',
      passportNumber: '719081726',
      clientId: client.id,
      serviceIds: [],
    },
  });
  await t.call('questionnaire.save', {
    subject: { kind: 'tourist', id: tourist.id },
    country: 'FRA',
    fieldKey: 'occupation',
    source: 'Главный бухгалтер',
  });
  return { client, tour, tourist };
}

describe('consents', () => {
  it('records consents per scope, withdraws one, and refuses a withdrawal before the consent', async () => {
    const client = await t.call('clients.save', zhiglova());
    const processing = await t.call('consents.save', {
      clientId: client.id,
      scope: 'processing',
      givenOn: '2026-03-12',
      document: 'Согласие № 15',
    });
    expect(processing).toMatchObject({ scope: 'processing', clerk: 'test clerk', withdrawnOn: null });
    const marketing = await t.call('consents.save', {
      clientId: client.id,
      scope: 'marketing',
      givenOn: '2026-03-12',
    });
    await t.call('consents.save', { ...marketing, withdrawnOn: '2026-10-01' });
    const listed = await t.call('consents.list', { clientId: client.id });
    expect(listed.map((c) => [c.scope, c.withdrawnOn])).toEqual([
      ['marketing', '2026-10-01'],
      ['processing', null],
    ]);
    expect(await t.callError('consents.save', { ...processing, withdrawnOn: '2026-01-01' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'withdrawnOn' }],
    });
  });
});

describe("a person's data", () => {
  it('exports every field, document, trip, answer, consent and audit line of one person', async () => {
    const { client, tourist } = await withTrip();
    await t.call('consents.save', { clientId: client.id, scope: 'processing', givenOn: '2026-03-12' });
    const { fileName, base64 } = await t.call('clients.exportPersonalData', { id: client.id });
    expect(fileName).toBe(`personal-data-${client.id}-2026-11-23.json`);
    const data = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as Record<string, unknown[]> & {
      client: Record<string, unknown>;
    };
    expect(data.client.last_name_ru).toBe('Жиглова');
    expect(data.documents).toHaveLength(1);
    expect(data.consents).toHaveLength(1);
    expect(data.trips).toEqual([expect.objectContaining({ id: tourist.id, voucher: 'PRIV-1' })]);
    // The tourist's answer, and the same answer kept for the client's next trips.
    expect(data.questionnaireAnswers).toEqual([
      expect.objectContaining({ field_key: 'occupation', client_id: client.id, tourist_id: null }),
      expect.objectContaining({ field_key: 'occupation', client_id: null, tourist_id: tourist.id }),
    ]);
    expect(data.audit!.length).toBeGreaterThanOrEqual(2);
  });

  it('forgets a person: no trace in the raw file or its WAL, the trip kept anonymous, an act returned', async () => {
    // On a plain file, so the raw bytes show that the pages themselves were rewritten (an encrypted
    // file would hide the trace anyway, but its key could be given up later).
    await t.dispose();
    t = await createTempBackend({ today: '2026-11-23', plain: true });
    const { client, tour, tourist } = await withTrip();
    await t.call('consents.save', { clientId: client.id, scope: 'processing', givenOn: '2026-03-12' });
    const other = await t.call('clients.save', ivanov());
    // A deleted-then-undone card leaves copies of the person in the undo journal.
    const deleted = await t.call('clients.delete', {
      id: client.id,
      version: (await t.call('clients.get', { id: client.id })).version,
    });
    await t.call('undo.apply', { id: deleted.undoId });

    const act = await t.call('clients.forget', { id: client.id });
    expect(act).toMatchObject({
      clientId: client.id,
      name: 'Жиглова Аглая Евстафьевна',
      documents: 1,
      consents: 1,
      answers: 2,
      tripsAnonymised: 1,
      undoEntriesRemoved: 1,
      clerk: 'test clerk',
    });
    expect(act.auditEntriesHashed).toBeGreaterThanOrEqual(3);

    expect((await t.callError('clients.get', { id: client.id })).code).toBe('NOT_FOUND');
    expect((await t.call('clients.list', { search: 'Жигл' })).total).toBe(0);
    const trip = (await t.call('tours.get', { id: tour.id })).tourists;
    expect(trip.map((x) => [x.id, x.lastNameRu, x.passportNumber, x.clientId])).toEqual([
      [tourist.id, '', '', null],
    ]);
    expect((await t.call('clients.get', { id: other.id })).lastNameRu).toBe('Иванов');

    await t.backend.close();
    for (const file of [t.dbPath, `${t.dbPath}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const trace of [
        'Жиглова',
        'ZHIGLOVA',
        'Аглая',
        '9081726',
        '777-31-59',
        'aglaia.zh',
        'Главный бухгалтер',
      ])
        expect(bytes.includes(Buffer.from(trace)), `${trace} in ${file}`).toBe(false);
      expect(bytes.includes(Buffer.from('IVANOV'))).toBe(true);
    }
  });

  it('purges cards deleted longer ago than the period, and only those', async () => {
    await t.dispose();
    let now = new Date(2026, 0, 10, 12, 0, 0);
    t = await createTempBackend({ clock: { now: () => new Date(now) } });
    const old = await t.call('clients.save', zhiglova());
    const recent = await t.call('clients.save', ivanov());
    await t.call('clients.delete', { id: old.id, version: old.version });
    now = new Date(2026, 5, 1, 12, 0, 0);
    await t.call('clients.delete', { id: recent.id, version: recent.version });
    now = new Date(2026, 5, 20, 12, 0, 0);
    expect(await t.backend.privacy.purgeDeleted(30)).toBe(1);
    const ids = (await t.backend.db.selectFrom('clients').select('id').execute()).map((r) => r.id);
    expect(ids).toEqual([recent.id]);
  });

  it('answers NOT_FOUND for a person who is not there', async () => {
    expect((await t.callError('clients.forget', { id: 4242 })).code).toBe('NOT_FOUND');
    expect((await t.callError('clients.exportPersonalData', { id: 4242 })).code).toBe('NOT_FOUND');
    expect(
      (await t.callError('consents.save', { clientId: 4242, scope: 'processing', givenOn: '2026-01-01' }))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('the consent filter', () => {
  it('lists the clients whose consent is in force today, and those with no consent to processing', async () => {
    const a = await t.call('clients.save', zhiglova());
    const b = await t.call('clients.save', ivanov());
    const c = await t.call('clients.save', ivanov({ lastNameRu: 'Петров', lastNameLat: 'PETROV' }));
    await t.call('consents.save', { clientId: a.id, scope: 'processing', givenOn: '2026-01-01' });
    await t.call('consents.save', { clientId: a.id, scope: 'marketing', givenOn: '2026-01-01' });
    await t.call('consents.save', { clientId: b.id, scope: 'processing', givenOn: '2026-01-01' });
    await t.call('consents.save', {
      clientId: b.id,
      scope: 'marketing',
      givenOn: '2026-01-01',
      withdrawnOn: '2026-06-01',
    });
    await t.call('consents.save', { clientId: c.id, scope: 'processing', givenOn: '2027-01-01' });
    const ids = async (consent: 'marketing' | 'processing' | 'none') =>
      (await t.call('clients.list', { consent })).rows.map((r) => r.id).sort();
    expect(await ids('marketing')).toEqual([a.id]);
    expect(await ids('processing')).toEqual([a.id, b.id].sort());
    expect(await ids('none')).toEqual([c.id]);
  });
});
