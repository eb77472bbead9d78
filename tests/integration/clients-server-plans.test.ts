import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { createTempBackend, testDialect, type TempBackend } from '../helpers/temp-backend';

/**
 * Issue 14: on a server, the list and the surname search are read from the index alone, as SQLite
 * reads them, once a bulk insert has left the new pages all-visible (VACUUM) and the search keys
 * carry prev_lcp (migration 18). Only `npm run test:pg` has a server for this file.
 */
describe.skipIf(testDialect !== 'postgres')('a server base after a bulk insert', () => {
  let t: TempBackend;

  beforeAll(async () => {
    t = await createTempBackend();
    // Two batches: the second is the one a single VACUUM (ANALYZE) of several tables left unmarked.
    await t.backend.clients.insertMany(generateClients(1000, 7));
    await t.backend.clients.insertMany(generateClients(1000, 1007));
  }, 120_000);

  afterAll(async () => {
    await t?.dispose();
  });

  /** The plan of `query`, with the table scans a tiny table would get instead turned off. */
  async function planOf(query: string): Promise<string> {
    return t.backend.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(trx);
      await sql`SET LOCAL enable_bitmapscan = off`.execute(trx);
      const plan = await sql<{
        'QUERY PLAN': string;
      }>`EXPLAIN (ANALYZE, COSTS OFF) ${sql.raw(query)}`.execute(trx);
      return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it('leaves every page of the written tables all-visible', async () => {
    const tables = await sql<{ name: string; pages: number; visible: number }>`
      SELECT relname AS name, relpages AS pages, relallvisible AS visible FROM pg_class
      WHERE relname IN ('clients', 'documents', 'client_search_keys') ORDER BY relname`.execute(t.backend.db);
    expect(tables.rows.map((r) => r.name)).toEqual(['client_search_keys', 'clients', 'documents']);
    for (const table of tables.rows) {
      expect(table.pages).toBeGreaterThan(0);
      expect({ table: table.name, visible: table.visible }).toEqual({
        table: table.name,
        visible: table.pages,
      });
    }
  });

  it('pages and counts a surname prefix from the search keys index alone', async () => {
    const where = "key >= 'S' AND key < 'S~' AND prev_lcp < 1";
    for (const query of [
      `SELECT key, sort_name, client_id FROM client_search_keys WHERE ${where}
         ORDER BY key, sort_name, client_id LIMIT 50`,
      `SELECT count(*) FROM client_search_keys WHERE ${where}`,
    ]) {
      const plan = await planOf(query);
      expect(plan).toContain('Index Only Scan using client_search_keys_pkey');
      expect(plan).toContain('Heap Fetches: 0');
    }
  });

  it('counts the live list from its sort index alone', async () => {
    const plan = await planOf(`SELECT count(*) FROM (SELECT 1 FROM clients
      WHERE deleted_at IS NULL AND sort_name >= '' ORDER BY sort_name, id LIMIT 50001) AS capped`);
    expect(plan).toContain('Index Only Scan using clients_live_sort_name');
    expect(plan).toContain('Heap Fetches: 0');
  });
});
