import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTempBackend } from '../helpers/temp-backend';
import { testPgServer } from '../helpers/pg-server';
import { createBackend } from '../../electron/backend';
import { moveBase, type MoveProgress } from '../../electron/backend/db/move-base';
import { newDatabaseKey } from '../../electron/backend/crypto/database-key';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import { generateTours } from '../../electron/backend/demo/generate-tours';
import { emptyTouristFields } from '../../shared/domain/tour';

/**
 * Issue 14: a seeded SQLite base moved to an empty PostgreSQL database and back into a new file
 * is the same base: the same rows and checksums in every table, the same answers from the app.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function seededFile() {
  const t = await createTempBackend({ dialect: 'sqlite', today: '2026-11-23' });
  await t.backend.clients.insertMany(generateClients(700, 11, '2026-11-23'));
  const clients = (await t.call('clients.list', { limit: 50 })).rows;
  for (const [i, input] of generateTours(6, 3, '2026-11-23').entries()) {
    const tour = await t.call('tours.save', input);
    for (const client of clients.slice(i * 5, i * 5 + 5)) {
      await t.call('tourists.save', {
        tourId: tour.id,
        tourist: {
          ...emptyTouristFields(),
          lastNameRu: client.lastNameRu,
          firstNameRu: client.firstNameRu,
          clientId: client.id,
          serviceIds: [],
        },
      });
    }
  }
  const gone = await t.call('clients.get', { id: clients[40]!.id });
  await t.call('clients.delete', { id: gone.id, version: gone.version });
  return t;
}

describe('moving a base between a SQLite file and a PostgreSQL server', () => {
  it(
    'moves a seeded base to the server and back with equal counts and checksums',
    { timeout: 180_000 },
    async () => {
      const t = await seededFile();
      const listBefore = await t.call('clients.list', { search: 'ив', limit: 100 });
      await t.backend.close();
      const server = await testPgServer();
      const url = await server.createDatabase('move');
      const progress: MoveProgress[] = [];
      const there = await moveBase(
        { kind: 'file', path: t.dbPath, key: t.key },
        { kind: 'server', connection: { connectionString: url } },
        (p) => progress.push(p),
      );
      const clientsCheck = there.tables.find((c) => c.table === 'clients');
      expect(clientsCheck?.rows).toBe(700);
      expect(there.tables.find((c) => c.table === 'tourists')?.rows).toBeGreaterThan(0);
      expect(progress.at(-1)?.copiedAll).toBe(there.rows);
      // Progress at the start of each table and after each chunk copied (2,000 rows).
      expect(progress.filter((p) => p.table === 'clients').map((p) => [p.copied, p.total])).toEqual([
        [0, 700],
        [700, 700],
      ]);

      // The app on the server base answers as it did on the file, and goes on numbering after the copied ids.
      const onServer = await createBackend({
        dbPath: join(tmpdir(), 'unused.sqlite'),
        postgres: { connectionString: url },
        backupEveryMinutes: null,
        clerk: 'test clerk',
        logger: { error: () => undefined },
      });
      const listThere = await onServer.dispatch('clients.list', { search: 'ив', limit: 100 });
      expect(listThere.ok && listThere.value).toEqual(listBefore);
      const added = await onServer.clients.save(generateClients(1, 99)[0]!);
      expect(added.id).toBe(701);
      await onServer.close();

      const dir = mkdtempSync(join(tmpdir(), 'tourdesk-move-'));
      dirs.push(dir);
      const backPath = join(dir, 'back.sqlite');
      const key = newDatabaseKey();
      const back = await moveBase(
        { kind: 'server', connection: { connectionString: url } },
        { kind: 'file', path: backPath, key },
      );
      // Everything came back as it went, plus the one client added on the server.
      const changed = back.tables.filter((c) => {
        const before = there.tables.find((b) => b.table === c.table);
        return before?.checksum !== c.checksum;
      });
      expect(changed.map((c) => c.table).sort()).toEqual([
        'audit',
        'client_search_keys',
        'clients',
        'documents',
      ]);
      expect(back.tables.find((c) => c.table === 'clients')?.rows).toBe(701);
      for (const c of back.tables.filter((b) => !changed.includes(b))) {
        expect(c).toEqual(there.tables.find((b) => b.table === c.table));
      }
      rmSync(t.dbPath.replace(/test\.sqlite$/, ''), { recursive: true, force: true });
    },
  );

  it('refuses a target that already holds data, and leaves it as it was', { timeout: 120_000 }, async () => {
    const t = await seededFile();
    await t.backend.close();
    const server = await testPgServer();
    const url = await server.createDatabase('full');
    await moveBase(
      { kind: 'file', path: t.dbPath, key: t.key },
      { kind: 'server', connection: { connectionString: url } },
    );
    await expect(
      moveBase(
        { kind: 'file', path: t.dbPath, key: t.key },
        { kind: 'server', connection: { connectionString: url } },
      ),
    ).rejects.toThrow(/already holds TourDesk data/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM clients');
    await client.end();
    expect(Number(count.rows[0]?.n)).toBe(700);
    await expect(
      moveBase(
        { kind: 'server', connection: { connectionString: url } },
        { kind: 'file', path: t.dbPath, key: t.key },
      ),
    ).rejects.toThrow(/exists already/);
    rmSync(t.dbPath.replace(/test\.sqlite$/, ''), { recursive: true, force: true });
  });
});
