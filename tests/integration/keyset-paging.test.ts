import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, CommandOutput } from '../../shared/api/contract';
import { CLIENT_SORT_COLUMNS, emptyClientInput, type ClientInput } from '../../shared/domain/client';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

type ListInput = CommandInput<'clients.list'>;

const LIMIT = 37;

/** Exact twins (every sort key equal, only the id differs) and clients without a birth date. */
function withTiesAndGaps(clients: ClientInput[]): ClientInput[] {
  const twin: ClientInput = { ...clients[0]!, documents: [] };
  return [
    ...clients,
    ...Array.from({ length: 8 }, () => ({ ...twin })),
    ...clients.slice(10, 60).map((c) => ({ ...c, birthDate: null, documents: [] })),
  ];
}

let t: TempBackend;
beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  await t.backend.clients.insertMany(withTiesAndGaps(generateClients(400, 5, '2026-11-23')));
});
afterAll(async () => {
  await t.dispose();
});

async function byOffset(query: ListInput): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += LIMIT) {
    const page = await t.call('clients.list', { ...query, offset, limit: LIMIT, count: false });
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < LIMIT) return ids;
  }
}

async function byCursor(query: ListInput): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page: CommandOutput<'clients.list'> = await t.call('clients.list', {
      ...query,
      after,
      limit: LIMIT,
      count: pages === 0,
    });
    ids.push(...page.rows.map((r) => r.id));
    after = page.next;
    pages++;
  } while (after !== null);
  return { ids, pages };
}

describe('keyset pages equal offset pages', () => {
  const queries: ListInput[] = [
    {},
    { search: 'K' },
    { search: 'ив' },
    { citizenship: 'RUS' },
    { citizenship: 'KAZ', search: 'а' },
    { passportExpiresWithinMonths: 24 },
  ];
  it.each(
    queries.flatMap((q) =>
      CLIENT_SORT_COLUMNS.flatMap((sort) =>
        (['asc', 'desc'] as const).map((direction) => ({ ...q, sort, direction })),
      ),
    ),
  )('%j', async (query) => {
    const offsetIds = await byOffset(query);
    const { ids, pages } = await byCursor(query);
    expect(ids).toEqual(offsetIds);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages).toBe(Math.floor(offsetIds.length / LIMIT) + 1);
    const counted = await t.call('clients.list', { ...query, limit: 1 });
    expect(counted.total).toBe(offsetIds.length);
    expect(counted.totalExact).toBe(true);
  });

  it('walks ties and clients without a birth date in both directions', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const { ids } = await byCursor({ sort: 'birthDate', direction });
      expect(ids).toEqual(await byOffset({ sort: 'birthDate', direction }));
      expect(ids).toHaveLength(458);
    }
  });
});

describe('a cursor across changes between pages', () => {
  it('neither repeats nor loses a row when clients are added and deleted between pages', async () => {
    const local = await createTempBackend({ today: '2026-11-23' });
    try {
      await local.backend.clients.insertMany(generateClients(120, 9, '2026-11-23'));
      const first = await local.call('clients.list', { limit: 40 });
      const cursorRow = first.rows[first.rows.length - 1]!;
      const later = (await local.call('clients.list', { limit: 1, offset: 80 })).rows[0]!;
      // Changes: the cursor's own row and a later row deleted, one client added before the cursor
      // (already passed: not shown) and one after it (shown).
      for (const { id } of [cursorRow, later])
        await local.call('clients.delete', {
          id,
          version: (await local.call('clients.get', { id })).version,
        });
      const before = await local.call('clients.save', {
        ...emptyClientInput(),
        lastNameRu: 'Аааа',
        documents: [],
      });
      const after = await local.call('clients.save', {
        ...emptyClientInput(),
        lastNameRu: 'Яяяя',
        documents: [],
      });
      const rest: number[] = [];
      let next = first.next;
      while (next !== null) {
        const page = await local.call('clients.list', { limit: 40, after: next, count: false });
        rest.push(...page.rows.map((r) => r.id));
        next = page.next;
      }
      const now = (await local.call('clients.list', { limit: 1000 })).rows.map((r) => r.id);
      const seen = new Set(first.rows.map((r) => r.id));
      expect(rest).toEqual(now.filter((id) => !seen.has(id) && id !== before.id));
      expect(rest).toContain(after.id);
      expect(rest).not.toContain(later.id);
    } finally {
      await local.dispose();
    }
  });
});

describe('a stale or damaged cursor', () => {
  it('is refused with the reason, for another sort, another search or a damaged text', async () => {
    const byName = await t.call('clients.list', { limit: 10 });
    const bySearch = await t.call('clients.list', { search: 'K', limit: 3 });
    for (const [query, after] of [
      [{ sort: 'birthDate' }, byName.next],
      [{ direction: 'desc' }, byName.next],
      [{ search: 'L' }, bySearch.next],
      [{ search: 'K', citizenship: 'KAZ' }, bySearch.next],
      [{}, 'not-a-cursor'],
      [{}, `${byName.next!.slice(0, -4)}AAAA`],
    ] as const) {
      const error = await t.callError('clients.list', { ...query, after });
      expect(error, JSON.stringify(query)).toMatchObject({ code: 'BAD_INPUT', reason: 'cursorStale' });
    }
  });

  it('still pages on with offset after a refused cursor (offset stays for jumping)', async () => {
    const page = await t.call('clients.list', { offset: 100, limit: 5 });
    const again = await t.call('clients.list', { limit: 5, after: null, offset: 100 });
    expect(again.rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
  });
});

describe('the dictionary pages by cursor too', () => {
  it.each(['', 'а', 'the'])('search "%s": cursor pages equal offset pages, counted once', async (search) => {
    const byOffsetIds: number[] = [];
    for (let offset = 0; ; offset += 50) {
      const page = await t.call('dictionary.list', { search, limit: 50, offset, count: false });
      byOffsetIds.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 50) break;
    }
    const ids: number[] = [];
    let after: string | null = null;
    let first = true;
    do {
      const page: CommandOutput<'dictionary.list'> = await t.call('dictionary.list', {
        search,
        limit: 50,
        after,
        count: first,
      });
      if (first) expect(page.total).toBe(byOffsetIds.length);
      else expect(page.total).toBeNull();
      first = false;
      ids.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after !== null);
    expect(byOffsetIds.length).toBeGreaterThan(search === '' ? 700 : 0);
    expect(ids).toEqual(byOffsetIds);
  });

  it('refuses a cursor of another search', async () => {
    const page = await t.call('dictionary.list', { search: 'а', limit: 5 });
    const error = await t.callError('dictionary.list', { search: 'б', after: page.next });
    expect(error).toMatchObject({ code: 'BAD_INPUT', reason: 'cursorStale' });
  });
});
