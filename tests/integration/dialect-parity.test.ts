import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { emptyClientInput } from '../../shared/domain/client';
import { countClients } from '../../electron/backend/repositories/client-paging';

/**
 * Issue 14: the same base on the SQLite file and on the office PostgreSQL server answers the same
 * rows in the same order: Russian order with Ё beside Е, case folded in both scripts, the Latin
 * spellings of passports, keyset pages. Both backends live in this one test, on a real server.
 */
const PEOPLE: [string, string, string, string][] = [
  ['Ёлкин', 'Пётр', 'IOLKIN', 'PETR'],
  ['елкин', 'иван', 'ELKIN', 'IVAN'],
  ['Елизаров', 'Семён', 'ELIZAROV', 'SEMEN'],
  ['Ежов', 'Артём', 'EZHOV', 'ARTEM'],
  ['Яковлев', 'Олег', 'IAKOVLEV', 'OLEG'],
  ['ЯКОВЛЕВА', 'ЮЛИЯ', 'YAKOVLEVA', 'IULIIA'],
  ['Абрамов', 'Лев', 'ABRAMOV', 'LEV'],
  ['абрамова', 'Анна', 'ABRAMOVA', 'ANNA'],
  ['Щукин', 'Фёдор', 'SHCHUKIN', 'FEDOR'],
  ['Эйлер', 'Леонид', 'EILER', 'LEONID'],
  ['Ärger', 'Jörg', 'AERGER', 'JOERG'],
  ['Zimmer', 'Zoë', 'ZIMMER', 'ZOE'],
  ['Ёжиков', 'Без Ё', 'EZHIKOV', 'BEZ'],
];

let sqlite: TempBackend;
let postgres: TempBackend;

beforeAll(async () => {
  sqlite = await createTempBackend({ dialect: 'sqlite', today: '2026-11-23' });
  postgres = await createTempBackend({ dialect: 'postgres', today: '2026-11-23' });
  for (const t of [sqlite, postgres]) {
    for (const [i, [lastNameRu, firstNameRu, lastNameLat, firstNameLat]] of PEOPLE.entries()) {
      await t.call('clients.save', {
        ...emptyClientInput(),
        lastNameRu,
        firstNameRu,
        lastNameLat,
        firstNameLat,
        birthDate: i % 3 === 0 ? null : `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`,
        email: `Person${i}@Example.org`,
        phone: `+7 916 000-00-${String(i).padStart(2, '0')}`,
        documents: [],
      });
    }
  }
}, 120_000);

afterAll(async () => {
  await sqlite?.dispose();
  await postgres?.dispose();
});

const shown = (rows: { lastNameRu: string; firstNameRu: string }[]) =>
  rows.map((r) => `${r.lastNameRu} ${r.firstNameRu}`.trim());

describe('the same answers from SQLite and PostgreSQL', () => {
  it('the two bases are really on two dialects', () => {
    expect([sqlite.dialect, postgres.dialect]).toEqual(['sqlite', 'postgres']);
  });

  it('sorts the list in Russian order, Ё with Е, case aside, in every sort and direction', async () => {
    const orders: string[][] = [];
    for (const t of [sqlite, postgres]) {
      const pages: string[] = [];
      for (const sort of ['name', 'nameLat', 'birthDate'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const list = await t.call('clients.list', { sort, direction, limit: 100 });
          pages.push(`${sort} ${direction}: ${shown(list.rows).join(', ')}`);
        }
      }
      orders.push(pages);
    }
    expect(orders[1]).toEqual(orders[0]);
    // The Russian order itself, not only the same order on both: Ё sorts with Е, lower case beside upper.
    const byName = shown((await postgres.call('clients.list', { sort: 'name', limit: 100 })).rows);
    const surnames = byName.map((n) => n.split(' ')[0]?.toLocaleLowerCase('ru'));
    expect(surnames.indexOf('абрамов')).toBeLessThan(surnames.indexOf('абрамова'));
    expect(surnames.indexOf('ежов')).toBeLessThan(surnames.indexOf('елизаров'));
    expect(surnames.indexOf('елизаров')).toBeLessThan(surnames.indexOf('ёлкин'));
    expect(surnames.indexOf('ёлкин')).toBeLessThan(surnames.indexOf('щукин'));
    expect(surnames.indexOf('щукин')).toBeLessThan(surnames.indexOf('эйлер'));
  });

  it('finds the same clients for a search in either case, script and Ё/Е spelling', async () => {
    const searches = [
      'ел',
      'ЕЛ',
      'Ёл',
      'ёлкин',
      'ЕЛКИН',
      'elk',
      'iolk',
      'яковлев',
      'YAKOVL',
      'IAKOVLEV',
      'абрам',
      'ABRAMOVA',
      'щ',
      'aerger',
      'är',
      'Person3@example.ORG',
      '000-00-05',
      'zzz',
    ];
    for (const search of searches) {
      const [a, b] = await Promise.all(
        [sqlite, postgres].map(async (t) => {
          const list = await t.call('clients.list', { search, limit: 100 });
          return { total: list.total, names: shown(list.rows) };
        }),
      );
      expect({ search, ...b }).toEqual({ search, ...a });
    }
    const found = await postgres.call('clients.list', { search: 'ЁЛКИН', limit: 100 });
    expect(shown(found.rows).sort((x, y) => x.localeCompare(y, 'ru'))).toEqual(['елкин иван', 'Ёлкин Пётр']);
    const yakovlev = await postgres.call('clients.list', { search: 'яковлев', limit: 100 });
    expect(yakovlev.total).toBe(2);
  });

  it('jumps by offset to the same rows in every sort and direction', async () => {
    // A server reads a skipped page's ids from the index first, then their rows (client-paging.ts).
    for (const sort of [
      'name',
      'nameLat',
      'birthDate',
      'citizenship',
      'passportExpiry',
      'updatedAt',
    ] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const whole = shown((await sqlite.call('clients.list', { sort, direction, limit: 100 })).rows);
        expect(whole).toHaveLength(PEOPLE.length);
        for (const offset of [1, 4, 9, 11]) {
          const [a, b] = await Promise.all(
            [sqlite, postgres].map(async (t) =>
              shown((await t.call('clients.list', { sort, direction, offset, limit: 3, count: false })).rows),
            ),
          );
          const expected = { sort, direction, offset, rows: whole.slice(offset, offset + 3) };
          expect({ sort, direction, offset, rows: a }).toEqual(expected);
          expect({ sort, direction, offset, rows: b }).toEqual(expected);
        }
      }
    }
  });

  it('estimates a long list from the same windows of ids on both', async () => {
    // 13 clients and an exact limit of 5: the windows cover every id, so the estimate is the count.
    const [a, b] = await Promise.all(
      [sqlite, postgres].map(async (t) => {
        const db = t.backend.db;
        const live = db.selectFrom('clients').where('clients.deleted_at', 'is', null);
        return [
          await countClients(db, live.where('clients.sort_name', '>=', ''), 5),
          await countClients(db, live.where('clients.birth_date', 'is not', null), 5),
          await countClients(db, live.where('clients.birth_date', 'is', null), 5),
        ];
      }),
    );
    expect(a).toEqual([
      { total: PEOPLE.length, exact: false },
      { total: 8, exact: false },
      { total: 5, exact: true },
    ]);
    expect(b).toEqual(a);
  });

  it('walks keyset pages to the same rows', async () => {
    const walks: string[][] = [];
    for (const t of [sqlite, postgres]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page: { rows: { lastNameRu: string; firstNameRu: string }[]; next: string | null } =
          await t.call('clients.list', {
            sort: 'birthDate',
            limit: 4,
            ...(after ? { after } : {}),
          });
        seen.push(...shown(page.rows));
        after = page.next ?? null;
        if (!after) break;
      }
      walks.push(seen);
    }
    expect(walks[0]).toHaveLength(PEOPLE.length);
    expect(walks[1]).toEqual(walks[0]);
  });

  it('counts wrong sign-ins in the base and makes the name wait after five', async () => {
    for (const t of [sqlite, postgres]) {
      await t.call('clerks.save', { name: 'Ольга', role: 'clerk', active: true, password: 'пароль ольги' });
      for (let i = 0; i < 5; i++) {
        const refused = await t.callError('clerks.signIn', { name: 'ольга', password: `подбор ${i}` });
        expect(refused.reason).toBe('wrongSignIn');
      }
      expect(await t.callError('clerks.signIn', { name: 'Ольга', password: 'пароль ольги' })).toMatchObject({
        reason: 'signInLocked',
        params: { seconds: 30 },
      });
      const kept = await sql<{ failures: number }>`SELECT failures FROM sign_in_failures`.execute(
        t.backend.db,
      );
      expect({ dialect: t.dialect, rows: kept.rows }).toEqual({
        dialect: t.dialect,
        rows: [{ failures: 5 }],
      });
    }
  });
});
