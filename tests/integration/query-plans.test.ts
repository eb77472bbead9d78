import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput } from '../../shared/api/contract';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  await t.backend.clients.insertMany(generateClients(300, 7, '2026-11-23'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await t.dispose();
});

interface Statement {
  source: string;
  database: Database.Database;
  all: (...params: unknown[]) => unknown[];
}

/**
 * The queries a command really runs, each with SQLite's plan for it. Kysely runs every query
 * through better-sqlite3's Statement#all, so a pass-through hook on it sees the repository's own
 * SQL and parameters on the backend's own connection; the plan is then asked for with the same
 * parameters there.
 */
async function plansOf(input: CommandInput<'clients.list'>): Promise<{ sql: string; plan: string }[]> {
  const probe = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Statement;
  probe.close();
  const ran: { sql: string; params: unknown[]; db: Database.Database }[] = [];
  const all = statementProto.all;
  const spy = vi.spyOn(statementProto, 'all').mockImplementation(function (this: Statement, ...params) {
    ran.push({ sql: this.source, params, db: this.database });
    return all.apply(this, params);
  });
  try {
    await t.call('clients.list', input);
  } finally {
    spy.mockRestore();
  }
  return ran.map(({ sql, params, db }) => ({
    sql,
    plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((p) => p.detail)
      .join(' | '),
  }));
}

describe('the clients list answers by index scans, never a full sort', () => {
  it('counts and pages a surname search by range scans of the search keys', async () => {
    const plans = await plansOf({ search: 'K' });
    // The page, then the count: range scans of the search keys; in the page's one statement its
    // rows are read by id in the keys' order (no sort), the count reads the keys alone.
    expect(plans.map((p) => p.plan)).toEqual([
      'CO-ROUTINE page | SEARCH client_search_keys USING PRIMARY KEY (key>? AND key<?) | SCAN page | SEARCH clients USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH client_search_keys USING PRIMARY KEY (key>? AND key<?)',
    ]);
  });

  it('pages a surname search after a cursor by a seek in the search keys', async () => {
    const first = await t.call('clients.list', { search: 'K', limit: 5 });
    const plans = await plansOf({ search: 'K', limit: 5, after: first.next, count: false });
    expect(plans.map((p) => p.plan)).toEqual([
      'CO-ROUTINE page | SEARCH client_search_keys USING PRIMARY KEY (key>? AND key<?) | SCAN page | SEARCH clients USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });

  it('counts the whole list through the small partial index, and only when asked', async () => {
    const plans = await plansOf({});
    const count = plans.find((p) => p.sql.startsWith('select count(*)'));
    expect(count!.plan).toBe(
      'CO-ROUTINE capped | SEARCH clients USING INDEX clients_live_sort_name (sort_name>?) | SCAN capped',
    );
    expect(await plansOf({ count: false })).toHaveLength(1);
  });

  it.each([
    ['citizenship', 'clients_live_citizenship'],
    ['name', 'clients_live_sort_name'],
    ['nameLat', 'clients_live_sort_name_lat'],
    ['birthDate', 'clients_live_birth_date'],
    ['passportExpiry', 'clients_live_passport_expiry'],
    ['updatedAt', 'clients_live_updated_at'],
  ] as const)('pages the list sorted by %s along %s, both ways', async (sort, index) => {
    for (const direction of ['asc', 'desc'] as const) {
      const plans = await plansOf({ sort, direction, count: false });
      expect(plans, `${sort} ${direction}`).toHaveLength(1);
      expect(plans[0]!.plan, `${sort} ${direction}`).toBe(`SCAN clients USING INDEX ${index}`);
      // After a cursor the page is a seek into the same index, never a scan from its start or a sort.
      const first = await t.call('clients.list', { sort, direction, limit: 20, count: false });
      const after = await plansOf({ sort, direction, limit: 20, after: first.next, count: false });
      expect(after.length, `${sort} ${direction}`).toBeGreaterThan(0);
      for (const plan of after)
        expect(plan.plan, `${sort} ${direction} after`).toMatch(
          new RegExp(`^SEARCH clients USING INDEX ${index} \\(.*[<>=]\\(?\\?`),
        );
    }
  });
});
