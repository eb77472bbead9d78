import { connect } from '../../electron/backend/crypto/database-key';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempBackend, testDialect, type TempBackend } from '../helpers/temp-backend';
import { ivanov } from '../helpers/fixtures';
import { emptyClientInput } from '../../shared/domain/client';
import { generateClients } from '../../electron/backend/demo/generate-clients';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
});
afterEach(async () => {
  await t.dispose();
});

describe('clients on a real SQLite file', () => {
  it('creates a client with two documents and reads it back', async () => {
    const saved = await t.call('clients.save', ivanov());
    expect(saved.id).toBeGreaterThan(0);
    expect(saved.version).toBe(1);
    const read = await t.call('clients.get', { id: saved.id });
    expect(read.lastNameRu).toBe('Иванов');
    expect(read.documents.map((d) => [d.kind, d.series, d.number])).toEqual([
      ['foreign_passport', '75', '1234567'],
      ['internal_passport', '4506', '123456'],
    ]);
  });

  it('finds a client by a surname prefix typed in either script', async () => {
    await t.call('clients.save', ivanov());
    await t.call('clients.save', { ...ivanov(), lastNameRu: 'Петров', lastNameLat: 'PETROV', documents: [] });
    await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      documents: [],
    });
    const names = async (search: string) =>
      (await t.call('clients.list', { search })).rows.map((r) => r.lastNameRu);
    expect(await names('Иванов')).toEqual(['Иванов']);
    expect(await names('ivanov')).toEqual(['Иванов']);
    expect(await names('IVA')).toEqual(['Иванов']);
    expect(await names('иВ')).toEqual(['Иванов']);
    expect(await names('shchuk')).toEqual(['Щукина']);
    expect(await names('Щук')).toEqual(['Щукина']);
    expect(await names('x')).toEqual([]);
    expect((await t.call('clients.list', {})).total).toBe(3);
  });

  it('finds a client by the Latin name printed in an older passport', async () => {
    const saved = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Юдина',
      documents: [
        {
          kind: 'foreign_passport',
          issuingCountry: 'RUS',
          series: '62',
          number: '7654321',
          issueDate: '2008-01-01',
          expiryDate: '2013-01-01',
          issuedBy: '',
          lastNameLat: 'YUDINA',
          firstNameLat: 'YULIYA',
          archived: true,
        },
      ],
    });
    const result = await t.call('clients.list', { search: 'yudi' });
    expect(result.rows.map((r) => r.id)).toEqual([saved.id]);
  });

  it('lists a client once even when several of its spellings match the prefix', async () => {
    const client = await t.call('clients.save', {
      ...ivanov({ lastNameRu: 'Юдина', lastNameLat: 'IUDINA' }),
      documents: [
        {
          kind: 'foreign_passport',
          issuingCountry: 'RUS',
          series: '62',
          number: '7654321',
          issueDate: '2008-01-01',
          expiryDate: '2013-01-01',
          issuedBy: '',
          lastNameLat: 'IUDINAA',
          firstNameLat: 'IULIIA',
          archived: true,
        },
      ],
    });
    const other = await t.call('clients.save', ivanov());
    // Юдина has the keys IUDINA and IUDINAA, both starting with I, IU and IUDINA; a search lists
    // by key (IUDINA before IVANOV), the whole list by Cyrillic name (Иванов before Юдина).
    for (const [search, expected] of [
      ['I', [client.id, other.id]],
      ['IU', [client.id]],
      ['IUDINA', [client.id]],
      ['Юд', [client.id]],
      ['', [other.id, client.id]],
    ] as const) {
      const result = await t.call('clients.list', { search });
      expect(
        result.rows.map((r) => r.id),
        search,
      ).toEqual(expected);
      expect(result.total, search).toBe(expected.length);
    }
    expect((await t.call('clients.list', { search: 'IUDINAA' })).total).toBe(1);
  });

  it('orders search results by surname, then name, in both directions', async () => {
    for (const [last, first] of [
      ['Иванова', 'Анна'],
      ['Иванов', 'Пётр'],
      ['Иванов', 'Борис'],
      ['Ивашкин', 'Яков'],
    ]) {
      await t.call('clients.save', {
        ...emptyClientInput(),
        lastNameRu: last!,
        firstNameRu: first!,
        documents: [],
      });
    }
    const names = async (direction: 'asc' | 'desc') =>
      (await t.call('clients.list', { search: 'iva', direction })).rows.map(
        (r) => `${r.lastNameRu} ${r.firstNameRu}`,
      );
    expect(await names('asc')).toEqual(['Иванов Борис', 'Иванов Пётр', 'Иванова Анна', 'Ивашкин Яков']);
    expect(await names('desc')).toEqual(['Ивашкин Яков', 'Иванова Анна', 'Иванов Пётр', 'Иванов Борис']);
    const page = await t.call('clients.list', { search: 'iva', offset: 1, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.firstNameRu)).toEqual(['Пётр', 'Анна']);
  });

  it('inserts many clients in one batch exactly as given, searchable at once', async () => {
    const inputs = generateClients(1_001, 7, '2026-11-23');
    expect(await t.backend.clients.insertMany(inputs)).toBe(1_001);
    const listed = await t.call('clients.list', { limit: 1000, offset: 1000 });
    expect(listed.total).toBe(1_001);
    // How many of the generated clients carry each surname (seed 7), counted once by hand.
    for (const [index, surname, namesakes] of [
      [0, 'Козлова', 2],
      [400, 'Крестовская', 3],
      [1_000, 'Сысоева', 3],
    ] as const) {
      const input = inputs[index]!;
      expect(input.lastNameRu).toBe(surname);
      const found = await t.call('clients.list', { search: surname, limit: 1000 });
      expect(found.total, surname).toBe(namesakes);
      expect(found.rows.map((r) => r.lastNameRu)).toEqual(Array<string>(namesakes).fill(surname));
      const row = found.rows.find(
        (r) => r.firstNameRu === input.firstNameRu && r.birthDate === input.birthDate,
      )!;
      const client = await t.call('clients.get', { id: row.id });
      expect({
        ...client,
        id: undefined,
        version: undefined,
        createdAt: undefined,
        updatedAt: undefined,
      }).toEqual({
        ...input,
        id: undefined,
        version: undefined,
        createdAt: undefined,
        updatedAt: undefined,
        documents: input.documents.map((d, i) => ({ ...d, id: client.documents[i]!.id })),
      });
    }
  });

  it('finds a client by any scheme or informal spelling of the surname', async () => {
    const saved = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
      documents: [],
    });
    await t.call('clients.save', { ...emptyClientInput(), lastNameRu: 'Цветкова', documents: [] });
    for (const search of ['Щукина', 'SHCHUKINA', 'schukina', 'Shchuk', 'щук']) {
      expect(
        (await t.call('clients.list', { search })).rows.map((r) => r.id),
        search,
      ).toEqual([saved.id]);
    }
    for (const search of ['TCVETKOVA', 'tsvetkova', 'Цвет']) {
      expect((await t.call('clients.list', { search })).total, search).toBe(1);
    }
  });

  it('refuses a stale save and keeps the newer data', async () => {
    const saved = await t.call('clients.save', ivanov());
    const first = await t.call('clients.save', { ...saved, phone: '111' });
    expect(first.version).toBe(2);
    const error = await t.callError('clients.save', { ...saved, phone: '222' });
    expect(error.code).toBe('STALE_VERSION');
    expect((await t.call('clients.get', { id: saved.id })).phone).toBe('111');
  });

  it('rejects invalid passports with the field they are about and saves nothing', async () => {
    const bad = ivanov();
    bad.documents[0]!.number = '12345';
    bad.documents[1]!.series = '45';
    bad.birthDate = '2027-01-01';
    const error = await t.callError('clients.save', bad);
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.map((i) => `${i.path}:${i.code}`)).toEqual([
      'birthDate:dateInFuture',
      'documents.0.number:ruForeignPassport',
      'documents.1.number:ruInternalPassport',
    ]);
    expect((await t.call('clients.list', {})).total).toBe(0);
  });

  it('rejects a calendar date that does not exist at the API boundary', async () => {
    const error = await t.callError('clients.save', { ...ivanov(), birthDate: '2020-02-31' });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain('birthDate');
  });

  it('updates, adds and removes documents of an existing client', async () => {
    const saved = await t.call('clients.save', ivanov());
    const [foreign] = saved.documents;
    const updated = await t.call('clients.save', {
      ...saved,
      documents: [
        { ...foreign!, expiryDate: '2031-01-10' },
        { ...foreign!, id: undefined, number: '7654321', archived: true },
      ],
    });
    expect(updated.documents.map((d) => [d.id === foreign!.id, d.number, d.archived])).toEqual([
      [true, '1234567', false],
      [false, '7654321', true],
    ]);
    const row = (await t.call('clients.list', {})).rows[0]!;
    expect(row.passportNumber).toBe('751234567');
    expect(row.passportExpiry).toBe('2031-01-10');
  });

  it('deletes with undo', async () => {
    const saved = await t.call('clients.save', ivanov());
    const { undoId } = await t.call('clients.delete', { id: saved.id, version: saved.version });
    expect((await t.call('clients.list', {})).total).toBe(0);
    expect((await t.callError('clients.get', { id: saved.id })).code).toBe('NOT_FOUND');
    await t.call('undo.apply', { id: undoId });
    const restored = await t.call('clients.get', { id: saved.id });
    expect(restored.documents.map((d) => d.id)).toEqual(saved.documents.map((d) => d.id));
    expect(restored.version).toBeGreaterThan(saved.version);
    expect((await t.call('clients.list', { search: 'Иван' })).total).toBe(1);
  });

  it('filters by citizenship, passport expiry and birthday month', async () => {
    await t.call('clients.save', ivanov());
    const soon = ivanov({
      lastNameRu: 'Смирнова',
      lastNameLat: 'SMIRNOVA',
      birthDate: '1990-11-02',
      citizenship: 'KAZ',
    });
    soon.documents = [
      {
        ...soon.documents[0]!,
        issuingCountry: 'KAZ',
        number: 'N1234567',
        series: '',
        expiryDate: '2027-03-01',
      },
    ];
    await t.call('clients.save', soon);
    const names = async (q: Parameters<typeof t.call<'clients.list'>>[1]) =>
      (await t.call('clients.list', q)).rows.map((r) => r.lastNameRu);
    expect(await names({ citizenship: 'KAZ' })).toEqual(['Смирнова']);
    expect(await names({ passportExpiresWithinMonths: 6 })).toEqual(['Смирнова']);
    expect(await names({ passportExpiresWithinMonths: 60 })).toEqual(['Иванов', 'Смирнова']);
    expect(await names({ birthdayMonth: 11 })).toEqual(['Смирнова']);
    expect(await t.call('clients.citizenships', {})).toEqual([
      { code: 'KAZ', count: 1 },
      { code: 'RUS', count: 1 },
    ]);
  });

  it('sorts and pages', async () => {
    for (const name of ['Борисов', 'Алексеев', 'Веселов']) {
      await t.call('clients.save', { ...emptyClientInput(), lastNameRu: name, documents: [] });
    }
    const page = await t.call('clients.list', { sort: 'name', direction: 'desc', offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.lastNameRu)).toEqual(['Борисов']);
  });

  it('keeps an audit trail without passport numbers', async () => {
    const saved = await t.call('clients.save', ivanov());
    await t.call('clients.save', { ...saved, phone: '+7 000' });
    const audit = await t.backend.db.selectFrom('audit').selectAll().orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.changes)).toEqual({ phone: ['+7 916 123-45-67', '+7 000'] });
    expect(audit.map((a) => a.changes).join()).not.toContain('1234567');
  });

  it('answers unknown commands and bad input with an envelope, never a throw', async () => {
    expect((await t.backend.dispatch('__proto__', {})).ok).toBe(false);
    const unknown = await t.backend.dispatch('clients.drop', {});
    expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_COMMAND');
    const bad = await t.backend.dispatch('clients.get', { id: 'x' });
    expect(!bad.ok && bad.error.code).toBe('BAD_INPUT');
  });

  // The file's own PRAGMA user_version: a server base keeps its version in tourdesk_schema.
  it.skipIf(testDialect === 'postgres')(
    'tells its version, its database file and the schema version written in that file',
    async () => {
      const info = await t.call('app.info', {});
      const file = connect(t.dbPath, t.key, { readonly: true });
      const written = file.pragma('user_version', { simple: true });
      file.close();
      expect(info).toEqual({
        version: 'test',
        dbPath: t.dbPath,
        schemaVersion: written,
        readOnly: false,
        readOnlyReason: null,
        checking: false,
      });
      expect(info.schemaVersion).toBeGreaterThanOrEqual(7);
    },
  );

  it('remembers settings', async () => {
    await t.call('settings.set', { key: 'ui.language', value: 'en' });
    expect(await t.call('settings.get', { key: 'ui.language' })).toEqual({ value: 'en' });
  });
});
