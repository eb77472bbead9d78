import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresPool } from '../../electron/backend/db/open-postgres';
import { testPgServer } from '../helpers/pg-server';

let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await (await testPgServer()).createDatabase('loss');
}, 60_000);
afterAll(async () => {
  await (await testPgServer()).dropDatabase(databaseUrl);
});

describe('a server connection lost while the app holds it', () => {
  it('between two queries of a transaction is an error of the next query, never a crash of the app', async () => {
    const pool = postgresPool({ connectionString: databaseUrl }, 2);
    const held = await pool.connect();
    const pid = (await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    // The socket's error arrives while no query runs on `held` (an 'error' event with no listener
    // would end this process, and vitest would report it).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(held.query('SELECT 1')).rejects.toThrow();
    held.release(true);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    await pool.end();
  });
});
