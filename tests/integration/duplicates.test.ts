import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { ivanov } from '../helpers/fixtures';
import { emptyClientInput, emptyDocument, type ClientInput } from '../../shared/domain/client';
import { emptyTourInput } from '../../shared/domain/tour';
import { touristFromClient } from '../../shared/domain/tourist-client';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

function ivanova(overrides: Partial<ClientInput> = {}): ClientInput {
  return {
    ...emptyClientInput(),
    lastNameRu: 'Иванова',
    firstNameRu: 'Мария',
    gender: 'F',
    birthDate: '1985-03-02',
    ...overrides,
  };
}

const passport = (series: string, number: string, issueDate: string, last = '', first = '') => ({
  ...emptyDocument('foreign_passport'),
  series,
  number,
  issueDate,
  expiryDate: `${Number(issueDate.slice(0, 4)) + 10}${issueDate.slice(4)}`,
  lastNameLat: last,
  firstNameLat: first,
});

async function pairs() {
  return (await t.call('duplicates.scan', {})).candidates.map((c) => ({
    ids: [c.a.id, c.b.id],
    reasons: c.reasons,
  }));
}

describe('duplicate finder', () => {
  it('finds a Cyrillic card and its passport-Latin twin by name key and birth date', async () => {
    const ru = await t.call('clients.save', ivanova());
    const lat = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameLat: 'IVANOVA',
      firstNameLat: 'MARIIA',
      birthDate: '1985-03-02',
    });
    await t.call('clients.save', ivanova({ birthDate: '1990-01-01' }));
    expect(await pairs()).toEqual([{ ids: [ru.id, lat.id], reasons: ['nameBirth'] }]);
  });

  it('finds the same passport on two cards whatever the names', async () => {
    const a = await t.call('clients.save', ivanov());
    const b = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Петров',
      documents: [passport('75', '1234567', '2020-01-10')],
    });
    expect(await pairs()).toEqual([{ ids: [a.id, b.id], reasons: ['passport'] }]);
  });

  it('finds a shared phone only with a close name, not a spouse', async () => {
    const a = await t.call('clients.save', ivanova({ phone: '+7 916 555-11-22', birthDate: null }));
    const typo = await t.call(
      'clients.save',
      ivanova({ lastNameRu: 'Иваннова', phone: '8 (916) 5551122', birthDate: null }),
    );
    await t.call('clients.save', { ...ivanov(), phone: '89165551122', documents: [] });
    expect(await pairs()).toEqual([{ ids: [a.id, typo.id], reasons: ['phone'] }]);
  });

  it('finds a near name (one edit) with the same birth date, and a dismissed pair is not shown again', async () => {
    const a = await t.call('clients.save', ivanova());
    const b = await t.call('clients.save', ivanova({ lastNameRu: 'Иваноа' }));
    expect(await pairs()).toEqual([{ ids: [a.id, b.id], reasons: ['nearNameBirth'] }]);
    expect(await t.call('duplicates.matches', { clientId: b.id })).toMatchObject([
      { a: { id: a.id }, b: { id: b.id }, reasons: ['nearNameBirth'] },
    ]);
    await t.call('duplicates.dismiss', { a: b.id, b: a.id });
    expect(await pairs()).toEqual([]);
    expect(await t.call('duplicates.matches', { clientId: a.id })).toEqual([]);
  });

  it("finds a card by the maiden name printed in the other's older passport, and forgets a deleted card", async () => {
    const married = await t.call('clients.save', {
      ...ivanova({ lastNameRu: 'Петрова', firstNameRu: 'Анна' }),
      documents: [passport('71', '1234567', '2012-05-01', 'SIDOROVA', 'ANNA')],
    });
    const maiden = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameLat: 'SIDOROVA',
      firstNameLat: 'ANNA',
      birthDate: '1985-03-02',
    });
    expect(await pairs()).toEqual([{ ids: [married.id, maiden.id], reasons: ['nameBirth'] }]);
    await t.call('clients.delete', { id: married.id, version: married.version });
    expect(await pairs()).toEqual([]);
  });

  it('pages the pairs strongest first after a cursor, and scans again when a card changed between pages', async () => {
    const ids: number[][] = [];
    for (const [day, name] of [
      ['01', 'Анна'],
      ['02', 'Ольга'],
      ['03', 'Вера'],
      ['04', 'Нина'],
      ['05', 'Зоя'],
    ] as const) {
      const x = await t.call('clients.save', ivanova({ firstNameRu: name, birthDate: `1990-01-${day}` }));
      const y = await t.call('clients.save', ivanova({ firstNameRu: name, birthDate: `1990-01-${day}` }));
      ids.push([x.id, y.id]);
    }
    const whole = await t.call('duplicates.scan', {});
    expect(whole).toMatchObject({ total: 5, next: null });
    const seen: number[][] = [];
    let page = await t.call('duplicates.scan', { limit: 2 });
    seen.push(...page.candidates.map((c) => [c.a.id, c.b.id]));
    while (page.next) {
      expect(page.candidates).toHaveLength(2);
      page = await t.call('duplicates.scan', { limit: 2, after: page.next });
      seen.push(...page.candidates.map((c) => [c.a.id, c.b.id]));
    }
    expect(seen).toEqual(whole.candidates.map((c) => [c.a.id, c.b.id]));
    expect(seen.sort((p, q) => p[0]! - q[0]!)).toEqual(ids);

    const first = await t.call('duplicates.scan', { limit: 2 });
    const [x, y] = ids[4]!;
    const gone = await t.call('clients.get', { id: y! });
    await t.call('clients.delete', { id: gone.id, version: gone.version });
    const rest = await t.call('duplicates.scan', { limit: 10, after: first.next });
    expect(rest.total).toBe(4);
    expect(rest.candidates.map((c) => c.a.id)).not.toContain(x);
  });
});

/** Every column of the rows naming these cards, but the version and time every write bumps. */
async function snapshot(ids: number[]) {
  const list = sql.join(ids);
  const all = async (query: ReturnType<typeof sql<Record<string, unknown>>>) =>
    (await query.execute(t.backend.db)).rows;
  const strip = (rows: Record<string, unknown>[]) =>
    rows.map(({ version: _v, updated_at: _u, ...rest }) => rest);
  return {
    clients: strip(await all(sql`SELECT * FROM clients WHERE id IN (${list}) ORDER BY id`)),
    documents: await all(sql`SELECT * FROM documents WHERE client_id IN (${list}) ORDER BY id`),
    keys: await all(
      sql`SELECT * FROM client_search_keys WHERE client_id IN (${list}) ORDER BY key, client_id`,
    ),
    tourists: strip(await all(sql`SELECT * FROM tourists WHERE client_id IN (${list}) ORDER BY id`)),
    answers: await all(sql`SELECT * FROM questionnaire_answers WHERE client_id IN (${list}) ORDER BY id`),
    consents: await all(sql`SELECT * FROM client_consents WHERE client_id IN (${list}) ORDER BY id`),
    links: await all(
      sql`SELECT * FROM client_links WHERE client_id IN (${list}) OR other_id IN (${list}) ORDER BY id`,
    ),
  };
}

describe('merge', () => {
  async function twoCards() {
    const keep = await t.call('clients.save', {
      ...ivanova({ phone: '+7 916 000-00-01', notes: 'старая карточка' }),
      documents: [passport('71', '1111111', '2015-04-01', 'IVANOVA', 'MARIYA')],
    });
    const merge = await t.call('clients.save', {
      ...ivanova({
        phone: '+7 903 111-22-33',
        middleNameRu: 'Петровна',
        email: 'maria@example.com',
        lastNameLat: 'IVANOVA',
        firstNameLat: 'MARIYA',
      }),
      documents: [
        passport('71', '1111111', '2015-04-01', 'IVANOVA', 'MARIYA'),
        passport('76', '2222222', '2024-02-01', 'IVANOVA', 'MARIIA'),
        { ...emptyDocument('internal_passport'), series: '4509', number: '123456', issueDate: '2005-06-01' },
      ],
    });
    const tour = await t.call('tours.save', { ...emptyTourInput(), voucher: 'M-1' });
    const tourist = await t.call('tourists.save', {
      tourId: tour.id,
      tourist: { ...touristFromClient(merge, { ticketNumber: '' }), clientId: merge.id, serviceIds: [] },
    });
    const child = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Иванов',
      firstNameRu: 'Петя',
    });
    await t.call('families.link', { clientId: merge.id, otherId: child.id, relation: 'child' });
    await t.call('questionnaire.save', {
      subject: { kind: 'client', id: merge.id },
      country: 'ITA',
      fieldKey: 'occupation',
      source: 'врач',
    });
    await t.call('consents.save', { clientId: merge.id, scope: 'processing', givenOn: '2026-03-12' });
    return { keep, merge, tour, tourist: tourist.tourist, child };
  }

  it('offers each field with the newest non-empty value and the newest passport Latin as defaults', async () => {
    const { keep, merge } = await twoCards();
    const preview = await t.call('duplicates.mergePreview', { keepId: keep.id, mergeId: merge.id });
    const chosen = Object.fromEntries(preview.fields.map((f) => [f.field, f.options[f.chosen]!.value]));
    expect(chosen).toMatchObject({
      middleNameRu: 'Петровна',
      firstNameLat: 'MARIIA',
      lastNameLat: 'IVANOVA',
      phone: '+7 903 111-22-33',
      email: 'maria@example.com',
      notes: 'старая карточка',
    });
    expect(preview).toMatchObject({ documents: 3, foldedDocuments: 1, sharedTours: [] });
  });

  it('re-points trips, answers, consents and family to the survivor, and undo restores both cards exactly', async () => {
    const { keep, merge, tour, tourist, child } = await twoCards();
    const ids = [keep.id, merge.id, child.id];
    const before = await snapshot(ids);
    const preview = await t.call('duplicates.mergePreview', { keepId: keep.id, mergeId: merge.id });
    const values = Object.fromEntries(preview.fields.map((f) => [f.field, f.options[f.chosen]!.value]));
    const { client, undoId } = await t.call('duplicates.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      mergeId: merge.id,
      mergeVersion: merge.version,
      values,
    });
    expect(client).toMatchObject({
      middleNameRu: 'Петровна',
      firstNameLat: 'MARIIA',
      email: 'maria@example.com',
    });
    expect(client.documents.map((d) => `${d.series}${d.number}`).sort()).toEqual([
      '4509123456',
      '711111111',
      '762222222',
    ]);
    expect((await t.call('tours.get', { id: tour.id })).tourists.map((x) => x.clientId)).toEqual([keep.id]);
    expect((await t.call('clients.history', { id: keep.id })).tours.map((x) => x.voucher)).toEqual(['M-1']);
    expect(
      (await t.call('families.list', { clientId: keep.id })).map((m) => [m.clientId, m.relation]),
    ).toEqual([[child.id, 'child']]);
    expect((await t.call('consents.list', { clientId: keep.id })).map((c) => c.scope)).toEqual([
      'processing',
    ]);
    const answers = await t.call('questionnaire.open', {
      subject: { kind: 'client', id: keep.id },
      country: 'ITA',
    });
    expect(JSON.stringify(answers)).toContain('врач');
    expect((await t.callError('clients.get', { id: merge.id })).code).toBe('NOT_FOUND');
    expect((await t.call('clients.list', { search: '762222222' })).rows.map((r) => r.id)).toEqual([keep.id]);
    expect(await t.call('duplicates.mergesOf', { clientId: keep.id })).toMatchObject([
      { undoId, mergedId: merge.id },
    ]);
    expect((await t.call('undo.list', {}))[0]).toMatchObject({ id: undoId, kind: 'clients.merge' });

    await t.call('undo.apply', { id: undoId });
    expect(await snapshot(ids)).toEqual(before);
    expect((await t.call('clients.get', { id: merge.id })).documents).toHaveLength(3);
    expect(tourist.clientId).toBe(merge.id);
    expect(await t.call('duplicates.mergesOf', { clientId: keep.id })).toEqual([]);
  });

  it("makes one row of a person who was twice in a tour, with the other row's ticket, services and answers; undo brings both rows back", async () => {
    const { keep, merge, tour, tourist } = await twoCards();
    const withService = await t.call('tours.save', {
      ...emptyTourInput(),
      id: tour.id,
      version: tour.version,
      voucher: 'M-1',
      services: [
        { kind: 'transfer', description: 'Трансфер', startDate: null, endDate: null, priceMinor: 0 },
      ],
    });
    const serviceId = withService.services[0]!.id;
    const mergeRow = (
      await t.call('tourists.save', {
        tourId: tour.id,
        tourist: { ...tourist, ticketNumber: 'TK-555', serviceIds: [serviceId] },
      })
    ).tourist;
    const keepRow = (
      await t.call('tourists.save', {
        tourId: tour.id,
        tourist: { ...touristFromClient(keep, { ticketNumber: '' }), clientId: keep.id, serviceIds: [] },
      })
    ).tourist;
    await t.call('questionnaire.save', {
      subject: { kind: 'tourist', id: mergeRow.id },
      country: 'ITA',
      fieldKey: 'purpose',
      source: 'туризм',
    });
    const preview = await t.call('duplicates.mergePreview', { keepId: keep.id, mergeId: merge.id });
    expect(preview.sharedTours).toEqual([{ tourId: tour.id, voucher: 'M-1' }]);
    const rowsBefore = (await t.call('tours.get', { id: tour.id })).tourists;
    const before = await snapshot([keep.id, merge.id]);

    const { undoId } = await t.call('duplicates.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      mergeId: merge.id,
      mergeVersion: merge.version,
      values: {},
    });
    const rows = (await t.call('tours.get', { id: tour.id })).tourists;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: keepRow.id,
      clientId: keep.id,
      ticketNumber: 'TK-555',
      serviceIds: [serviceId],
      // The kept row travels on its own passport; only what it left empty is taken.
      passportNumber: keepRow.passportNumber,
      lastNameRu: 'Иванова',
    });
    const answers = await t.call('questionnaire.open', {
      subject: { kind: 'tourist', id: keepRow.id },
      country: 'ITA',
    });
    expect(JSON.stringify(answers)).toContain('туризм');
    expect((await t.call('clients.history', { id: keep.id })).tours.map((x) => x.voucher)).toEqual(['M-1']);

    await t.call('undo.apply', { id: undoId });
    expect(await snapshot([keep.id, merge.id])).toEqual(before);
    const unversioned = (list: typeof rowsBefore) => list.map(({ version: _v, ...rest }) => rest);
    expect(unversioned((await t.call('tours.get', { id: tour.id })).tourists)).toEqual(
      unversioned(rowsBefore),
    );
    const restored = await t.call('questionnaire.open', {
      subject: { kind: 'tourist', id: mergeRow.id },
      country: 'ITA',
    });
    expect(JSON.stringify(restored)).toContain('туризм');
  });

  it('refuses a value neither card nor passport offered, and a stale card, changing nothing', async () => {
    const { keep, merge } = await twoCards();
    const before = await snapshot([keep.id, merge.id]);
    const refused = await t.callError('duplicates.merge', {
      keepId: keep.id,
      keepVersion: keep.version,
      mergeId: merge.id,
      mergeVersion: merge.version,
      values: { lastNameRu: 'Сидорова' },
    });
    expect(refused).toMatchObject({ reason: 'mergeValueNotOffered', params: { fields: 'lastNameRu' } });
    const stale = await t.callError('duplicates.merge', {
      keepId: keep.id,
      keepVersion: keep.version + 1,
      mergeId: merge.id,
      mergeVersion: merge.version,
      values: {},
    });
    expect(stale.code).toBe('STALE_VERSION');
    expect(await snapshot([keep.id, merge.id])).toEqual(before);
  });
});

describe('no tourist twice in a tour', () => {
  it('refuses the same client again in the dialog, naming the existing row', async () => {
    const client = await t.call('clients.save', ivanov());
    const tour = await t.call('tours.save', { ...emptyTourInput(), voucher: 'T-2' });
    const tourist = {
      ...touristFromClient(client, { ticketNumber: '' }),
      clientId: client.id,
      serviceIds: [],
    };
    await t.call('tourists.save', { tourId: tour.id, tourist });
    const error = await t.callError('tourists.save', { tourId: tour.id, tourist });
    expect(error).toMatchObject({
      reason: 'touristAlreadyInTour',
      params: { name: 'Иванов Иван', number: 1 },
    });
    expect((await t.call('tours.get', { id: tour.id })).tourists).toHaveLength(1);
  });

  it('skips an imported row whose client is in the tour already, or came earlier in the list', async () => {
    const client = await t.call('clients.save', ivanov());
    const other = await t.call('clients.save', ivanova());
    const tour = await t.call('tours.save', { ...emptyTourInput(), voucher: 'T-3' });
    await t.call('tourists.save', {
      tourId: tour.id,
      tourist: { ...touristFromClient(client, { ticketNumber: '' }), clientId: client.id, serviceIds: [] },
    });
    const row = (clientId: number, lastNameRu: string, sourceRow: number) => ({
      draft: { lastNameRu, firstNameRu: 'Иван' },
      action: 'link' as const,
      clientId,
      sourceRow,
    });
    const preview = await t.call('import.match', {
      drafts: [{ lastNameRu: 'Иванов', birthDate: '1980-05-14' }],
      tourId: tour.id,
    });
    expect(preview[0]).toMatchObject([{ clientId: client.id, inTour: { number: 1, name: 'Иванов Иван' } }]);
    const result = await t.call('import.commit', {
      tourId: tour.id,
      rows: [row(client.id, 'Иванов', 2), row(other.id, 'Иванова', 3), row(other.id, 'Иванова', 4)],
    });
    expect(result.touristsAdded).toBe(1);
    expect(result.skipped).toEqual([
      { row: 2, name: 'Иванов Иван', number: 1, earlierRow: null },
      { row: 4, name: '', number: 0, earlierRow: 3 },
    ]);
  });
});

describe('search by any identifier', () => {
  it('finds by passport with or without series and spaces, phone in any format, e-mail, surname and first name', async () => {
    const client = await t.call('clients.save', { ...ivanov(), email: 'Ivan.Ivanov@Mail.ru' });
    const shchukina = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Щукина',
      firstNameRu: 'Мария',
      phone: '8 (495) 765-43-21',
    });
    await t.call('clients.save', { ...emptyClientInput(), lastNameRu: 'Щукина', firstNameRu: 'Анна' });
    const found = async (search: string) => (await t.call('clients.list', { search })).rows.map((r) => r.id);
    for (const search of ['75 1234567', '751234567', '1234567', '4506 123456', '4506123456'])
      expect(await found(search), search).toEqual([client.id]);
    for (const search of ['+7 916 123-45-67', '89161234567', '4567', '123-45-67'])
      expect(await found(search), search).toEqual([client.id]);
    expect(await found('ivan.ivanov@mail')).toEqual([client.id]);
    expect(await found('Щукина Ма')).toEqual([shchukina.id]);
    expect(await found('shchukina m')).toEqual([shchukina.id]);
    expect(await found('74957654321')).toEqual([shchukina.id]);
    expect(await found('9999999')).toEqual([]);
    const lookup = await t.call('clients.lookup', { lastName: '75 1234567' });
    expect(lookup.candidates.map((c) => c.id)).toEqual([client.id]);
  });
});

describe('families', () => {
  it('offers the family when one member is added, and flags a minor without a parent in the tour', async () => {
    const mother = await t.call('clients.save', ivanova());
    const son = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Иванов',
      firstNameRu: 'Петя',
      birthDate: '2015-06-01',
    });
    await t.call('families.link', { clientId: son.id, otherId: mother.id, relation: 'parent' });
    expect((await t.call('families.list', { clientId: mother.id })).map((m) => m.relation)).toEqual([
      'child',
    ]);
    expect(
      await t.callError('families.link', { clientId: mother.id, otherId: son.id, relation: 'spouse' }),
    ).toMatchObject({
      reason: 'familyLinkExists',
    });
    // Unlinked from either side the link is gone for both; a link of someone else is not found.
    const [link] = await t.call('families.list', { clientId: son.id });
    const stranger = await t.call('clients.save', ivanov());
    expect(
      await t.callError('families.unlink', { clientId: stranger.id, linkId: link!.linkId }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.call('families.unlink', { clientId: mother.id, linkId: link!.linkId })).toEqual([]);
    expect(await t.call('families.list', { clientId: son.id })).toEqual([]);
    await t.call('families.link', { clientId: son.id, otherId: mother.id, relation: 'parent' });
    const tour = await t.call('tours.save', {
      ...emptyTourInput(),
      voucher: 'F-1',
      arrivalDate: '2026-12-20',
    });
    const saved = await t.call('tourists.save', {
      tourId: tour.id,
      tourist: { ...touristFromClient(son, { ticketNumber: '' }), clientId: son.id, serviceIds: [] },
    });
    expect(
      (await t.call('families.companions', { tourId: tour.id, clientId: son.id })).map((m) => m.clientId),
    ).toEqual([mother.id]);
    expect(await t.call('families.tourChecks', { tourId: tour.id })).toEqual({
      minorsWithoutParent: [saved.tourist.id],
    });
    await t.call('tourists.save', {
      tourId: tour.id,
      tourist: { ...touristFromClient(mother, { ticketNumber: '' }), clientId: mother.id, serviceIds: [] },
    });
    expect(await t.call('families.tourChecks', { tourId: tour.id })).toEqual({ minorsWithoutParent: [] });
    expect(await t.call('families.companions', { tourId: tour.id, clientId: son.id })).toEqual([]);
  });

  it('counts distinct trips in "travelled with"', async () => {
    const a = await t.call('clients.save', ivanov());
    const b = await t.call('clients.save', ivanova());
    for (const voucher of ['W-1', 'W-2']) {
      const tour = await t.call('tours.save', { ...emptyTourInput(), voucher });
      for (const c of [a, b])
        await t.call('tourists.save', {
          tourId: tour.id,
          tourist: { ...touristFromClient(c, { ticketNumber: '' }), clientId: c.id, serviceIds: [] },
        });
      // The same companion typed twice more by hand, unlinked, in the same trip.
      for (let i = 0; i < 2; i++)
        await t.call('tourists.save', {
          tourId: tour.id,
          tourist: { ...touristFromClient(b, { ticketNumber: '' }), clientId: null, serviceIds: [] },
        });
    }
    const history = await t.call('clients.history', { id: a.id });
    expect(history.companions.map((c) => [c.name, c.tours])).toEqual([
      ['Иванова Мария', 2],
      ['Иванова Мария', 2],
    ]);
  });
});
