import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { connectionFilePath } from '../../electron/backend/connection/connection-file';
import { testPgServer } from '../helpers/pg-server';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';
import { ivanov } from '../helpers/fixtures';

/** A port nothing listens on: bound, noted and closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

let t: TempBackend;
let databaseUrl: string;
let server: { host: string; port: number; database: string; user: string; tls: boolean };

beforeAll(async () => {
  // This computer's base (a file), whose Settings test and move to the server.
  t = await createTempBackend({ dialect: 'sqlite' });
  databaseUrl = await (await testPgServer()).createDatabase('conn');
  const url = new URL(databaseUrl);
  server = {
    host: url.hostname,
    port: Number(url.port),
    database: url.pathname.slice(1),
    user: url.username,
    tls: false,
  };
}, 60_000);
afterAll(async () => {
  await (await testPgServer()).dropDatabase(databaseUrl);
  await t.dispose();
});

async function setSchemaVersion(version: number | null): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS tourdesk_schema');
    if (version !== null) {
      await client.query('CREATE TABLE tourdesk_schema (version BIGINT NOT NULL)');
      await client.query('INSERT INTO tourdesk_schema (version) VALUES ($1)', [version]);
    }
  } finally {
    await client.end();
  }
}

describe('test connection against a real PostgreSQL server', () => {
  it('tells a server that is down, a wrong user and a missing database apart', async () => {
    expect(
      await t.call('connection.test', { server: { ...server, port: await closedPort() } }),
    ).toMatchObject({
      outcome: 'serverDown',
    });
    expect(
      await t.call('connection.test', { server: { ...server, user: 'nobody_here' }, password: 'x' }),
    ).toMatchObject({
      outcome: 'wrongPassword',
    });
    expect(
      await t.call('connection.test', { server: { ...server, database: 'no_such_base' } }),
    ).toMatchObject({
      outcome: 'databaseMissing',
    });
    // This test server has no TLS: asking for it is refused, not silently sent in clear.
    expect(await t.call('connection.test', { server: { ...server, tls: true } })).toMatchObject({
      outcome: 'tlsRefused',
    });
  });

  it('reads the schema: empty, older, the same, newer', async () => {
    await setSchemaVersion(null);
    expect(await t.call('connection.test', { server })).toEqual({
      outcome: 'empty',
      found: 0,
      expected: LATEST_SCHEMA_VERSION,
      detail: null,
    });
    await setSchemaVersion(LATEST_SCHEMA_VERSION - 1);
    expect(await t.call('connection.test', { server })).toMatchObject({
      outcome: 'older',
      found: LATEST_SCHEMA_VERSION - 1,
    });
    await setSchemaVersion(LATEST_SCHEMA_VERSION);
    expect((await t.call('connection.test', { server })).outcome).toBe('ready');
    await setSchemaVersion(LATEST_SCHEMA_VERSION + 1);
    expect((await t.call('connection.test', { server })).outcome).toBe('newer');
  });
});

describe('creating the schema from Settings', () => {
  it('builds the whole schema in an empty database at once; a database that is not empty is left as it is', async () => {
    const pgServer = await testPgServer();
    const emptyUrl = await pgServer.createDatabase('schema');
    const target = { ...server, database: new URL(emptyUrl).pathname.slice(1) };
    try {
      expect((await t.call('connection.test', { server: target })).outcome).toBe('empty');
      expect(await t.call('connection.createSchema', { server: target })).toEqual({
        outcome: 'ready',
        found: LATEST_SCHEMA_VERSION,
        expected: LATEST_SCHEMA_VERSION,
        detail: null,
      });
      const client = new pg.Client({ connectionString: emptyUrl });
      await client.connect();
      try {
        const tables = await client.query(
          `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()`,
        );
        expect((tables.rows[0] as { n: number }).n).toBeGreaterThan(20);
      } finally {
        await client.end();
      }
      // An older base is upgraded at start, after its backup; this button never touches it.
      await setSchemaVersion(LATEST_SCHEMA_VERSION - 1);
      expect((await t.call('connection.createSchema', { server })).outcome).toBe('older');
      expect((await t.call('connection.test', { server })).found).toBe(LATEST_SCHEMA_VERSION - 1);
      expect(
        (await t.call('connection.createSchema', { server: { ...server, database: 'no_such_base' } }))
          .outcome,
      ).toBe('databaseMissing');
    } finally {
      await pgServer.dropDatabase(emptyUrl);
    }
  });
});

describe('the connection settings', () => {
  it('are kept for the next start, the password wrapped and never in clear', async () => {
    expect(await t.call('connection.get', {})).toMatchObject({
      kind: 'local',
      active: 'local',
      server: null,
      passwordSaved: false,
    });
    expect(await t.call('connection.save', { kind: 'server', server, password: 'секрет-офиса' })).toEqual({
      restartNeeded: true,
    });
    const file = readFileSync(connectionFilePath(t.dbPath), 'utf8');
    expect(file).not.toContain('секрет');
    expect(await t.call('connection.get', {})).toMatchObject({
      kind: 'server',
      active: 'local',
      server,
      passwordSaved: true,
      passwordStorage: 'file',
    });
    // Saving again without a password keeps the saved one; back to this computer keeps the server's address.
    await t.call('connection.save', { kind: 'local', server: null });
    expect(await t.call('connection.get', {})).toMatchObject({ kind: 'local', server, passwordSaved: true });
    // An empty password removes the saved one.
    await t.call('connection.save', { kind: 'server', server: null, password: '' });
    expect(await t.call('connection.get', {})).toMatchObject({
      kind: 'server',
      server,
      passwordSaved: false,
    });
  });
});

describe('moving this base to the server from Settings', () => {
  it('copies the file base into an empty server database, which then tests ready and holds the client', async () => {
    const target = await (await testPgServer()).createDatabase('move');
    const url = new URL(target);
    const to = {
      host: url.hostname,
      port: Number(url.port),
      database: url.pathname.slice(1),
      user: url.username,
      tls: false,
    };
    const client = await t.call('clients.save', ivanov());
    expect(await t.call('connection.test', { server: to })).toMatchObject({ outcome: 'empty' });
    const moved = await t.call('connection.move', { server: to });
    expect(moved.rows).toBeGreaterThan(0);
    expect(await t.call('connection.moveProgress', {})).toBeNull();
    expect(await t.call('connection.test', { server: to })).toMatchObject({ outcome: 'ready' });
    const check = new pg.Client({ connectionString: target });
    await check.connect();
    const rows = await check.query<{ last_name_ru: string }>(
      'SELECT last_name_ru FROM clients WHERE id = $1',
      [client.id],
    );
    await check.end();
    expect(rows.rows).toEqual([{ last_name_ru: 'Иванов' }]);
    // A second move into the same database is refused: the target must be empty.
    expect((await t.callError('connection.move', { server: to })).code).not.toBe('INTERNAL');
    await (await testPgServer()).dropDatabase(target);
  });
});
