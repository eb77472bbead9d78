import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTourInput } from '../../shared/domain/tour';
import { commitRows } from '../../bench/commit-rows';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

/**
 * Issue 14: a big import on a server leaves its tables as a bulk insert does — every page
 * all-visible (VACUUM) and counted (ANALYZE) — so the searches and counts after it stay index-only
 * instead of reading each new row's page again. PostgreSQL half only (pg-*.test.ts).
 */
describe('a server base after a big import commit', () => {
  let t: TempBackend;

  beforeAll(async () => {
    t = await createTempBackend({ today: '2026-11-23' });
  }, 60_000);

  afterAll(async () => {
    await t?.dispose();
  });

  it('leaves the pages of the clients, their keys and the tourists all-visible', async () => {
    const tourId = (await t.call('tours.save', { ...emptyTourInput(), voucher: 'VAC-1', services: [] })).id;
    const rows = commitRows(1000).map((row) => ({ ...row, action: 'create' as const }));
    const result = await t.call('import.commit', { tourId, serviceIds: [], rows });
    expect(result).toMatchObject({ clientsCreated: 1000, touristsAdded: 1000 });

    const tables = await sql<{ name: string; pages: number; visible: number }>`
      SELECT relname AS name, relpages AS pages, relallvisible AS visible FROM pg_class
      WHERE relname IN ('clients', 'documents', 'client_search_keys', 'tourists') ORDER BY relname`.execute(
      t.backend.db,
    );
    expect(tables.rows.map((r) => r.name)).toEqual([
      'client_search_keys',
      'clients',
      'documents',
      'tourists',
    ]);
    for (const table of tables.rows) {
      expect(table.pages).toBeGreaterThan(0);
      expect({ table: table.name, visible: table.visible }).toEqual({
        table: table.name,
        visible: table.pages,
      });
    }
  }, 120_000);
});
