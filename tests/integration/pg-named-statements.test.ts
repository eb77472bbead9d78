import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandOutput } from '../../shared/api/contract';
import { createBackend, type Backend } from '../../electron/backend';
import { MAX_NAMED_STATEMENTS } from '../../electron/backend/db/pg-named-statements';
import { ivanov } from '../helpers/fixtures';
import { TEMPLATE_DATABASE, testPgServer } from '../helpers/pg-server';

/** Issue 14: the repositories' statements are prepared once per server connection (one connection here). */
let dir: string;
let databaseUrl: string;
let backend: Backend;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tourdesk-named-'));
  databaseUrl = await (await testPgServer()).createDatabase('named', TEMPLATE_DATABASE);
  backend = await createBackend({
    dbPath: join(dir, 'unused.sqlite'),
    postgres: { connectionString: databaseUrl, max: 1 },
    clerk: 'test clerk',
    backupEveryMinutes: null,
    logger: { error: () => undefined },
  });
  const saved = await backend.dispatch('clients.save', ivanov());
  expect(saved.ok).toBe(true);
}, 60_000);
afterEach(async () => {
  await backend.close();
  await (await testPgServer()).dropDatabase(databaseUrl);
  rmSync(dir, { recursive: true, force: true });
});

const listed = async (input: CommandInput<'clients.list'>) => {
  const envelope = await backend.dispatch('clients.list', input);
  if (!envelope.ok) throw new Error(`${envelope.error.code} ${envelope.error.message}`);
  return (envelope.value as CommandOutput<'clients.list'>).rows.map((r) => r.lastNameRu);
};

/** The statements this backend's one connection holds prepared, with how often each ran. */
async function prepared(): Promise<{ statement: string; runs: number }[]> {
  const rows = await sql<{ statement: string; runs: number }>`SELECT statement,
      generic_plans + custom_plans AS runs FROM pg_prepared_statements`.execute(backend.db);
  return rows.rows.filter((r) => !r.statement.includes('pg_prepared_statements'));
}

/** Runs DDL from another session, as another app upgrading the schema would. */
async function otherSession(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

describe('named statements on a server connection', () => {
  it('a search is parsed once by the connection, then only executed', async () => {
    for (let i = 0; i < 3; i++) expect(await listed({ search: 'ив' })).toEqual(['Иванов']);
    const search = (await prepared()).filter((p) => p.statement.includes('"page_key"'));
    expect(search.map((p) => p.runs)).toEqual([3]);
  });

  it('a column added by another session under a prepared select * is read again, not an error', async () => {
    await listed({ sort: 'name' });
    await listed({ sort: 'name' });
    await otherSession('ALTER TABLE clients ADD COLUMN added_later TEXT');
    expect(await listed({ sort: 'name' })).toEqual(['Иванов']);
    // Inside a transaction the statement cannot be sent again: the clerk is told to try again, and can.
    await otherSession('ALTER TABLE clients ADD COLUMN added_later_too TEXT');
    const inTransaction = () =>
      backend.db.transaction().execute((trx) => trx.selectFrom('clients').selectAll().execute());
    await expect(inTransaction()).resolves.toHaveLength(1);
    await otherSession('ALTER TABLE clients DROP COLUMN added_later_too');
    await expect(inTransaction()).rejects.toMatchObject({ code: 'BUSY' });
    await expect(inTransaction()).resolves.toHaveLength(1);
  });

  it('a session that lost its statements (DEALLOCATE ALL, as a pooler may do) prepares them again', async () => {
    await listed({ search: 'ив' });
    await sql`DEALLOCATE ALL`.execute(backend.db);
    expect(await prepared()).toEqual([]);
    expect(await listed({ search: 'ив' })).toEqual(['Иванов']);
  });

  it(`keeps at most ${MAX_NAMED_STATEMENTS} statements prepared per connection; more texts go unnamed`, async () => {
    for (let i = 0; i < MAX_NAMED_STATEMENTS + 20; i++) {
      const row = await sql<{ n: number }>`SELECT ${sql.lit(i)}::int AS n`.execute(backend.db);
      expect(row.rows[0]?.n).toBe(i);
    }
    expect((await prepared()).length).toBe(MAX_NAMED_STATEMENTS);
    expect(await listed({ search: 'ив' })).toEqual(['Иванов']);
  });
});
