import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open-database';
import { openPostgres } from '../../electron/backend/db/open-postgres';
import { testDialect } from '../helpers/temp-backend';
import { testPgServer } from '../helpers/pg-server';

/**
 * Issue 15: migration 24 counts the trip tally of a base installed before it. A base is built at
 * schema 23 with known travellers, upgraded by the app's own path (the file's openDatabase or the
 * server's openPostgres, which runs the migration's PostgreSQL step), and its tally read back.
 */

const BEFORE = 23;
const NOW = '2026-01-01T00:00:00.000Z';

function installedBase(): string[] {
  const client = (id: number) =>
    `INSERT INTO clients (id, last_name_lat, first_name_lat, sort_name, created_at, updated_at)
     VALUES (${id}, 'CLIENT', 'N${id}', 'client n${id}', '${NOW}', '${NOW}')`;
  const tour = (id: number, status: string, arrival: string | null) =>
    `INSERT INTO tours (id, voucher, created_at, updated_at, version, status, arrival_date)
     VALUES (${id}, 'V${id}', '${NOW}', '${NOW}', 1, '${status}', ${arrival === null ? 'NULL' : `'${arrival}'`})`;
  const tourist = (id: number, tourId: number, clientId: number | null) =>
    `INSERT INTO tourists (id, tour_id, client_id, last_name_lat, name_key, name_key_lat, position, version)
     VALUES (${id}, ${tourId}, ${clientId ?? 'NULL'}, 'CLIENT', 'CLIENT', 'CLIENT', 0, 1)`;
  return [
    client(1),
    client(2),
    client(3),
    tour(1, 'completed', '2022-05-01'),
    tour(2, 'completed', '2024-05-01'),
    tour(3, 'confirmed', '2023-05-01'),
    tour(4, 'cancelled', '2025-06-01'),
    tour(5, 'booked', null),
    tour(6, 'confirmed', '2026-12-01'),
    tour(7, 'draft', '2026-02-01'),
    // Client 1: three trips and a cancelled one; client 2: an undated booking (counted, no date)
    // and a later one; client 3: a draft only; a traveller with no card.
    tourist(1, 1, 1),
    tourist(2, 2, 1),
    tourist(3, 3, 1),
    tourist(4, 4, 1),
    tourist(5, 5, 2),
    tourist(6, 6, 2),
    tourist(7, 7, 3),
    tourist(8, 6, null),
  ];
}

const EXPECTED = [
  { client_id: 1, trips: 3, last_arrival: '2024-05-01' },
  { client_id: 2, trips: 2, last_arrival: '2026-12-01' },
];
const READ_BACK = 'SELECT client_id, trips, last_arrival FROM client_trip_tally ORDER BY client_id';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function upgradedOnSqlite(): Promise<unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-tally-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'db.sqlite');
  const old = await openDatabase(path, { migrations: migrations.slice(0, BEFORE) });
  expect(old.schemaVersion).toBe(BEFORE);
  old.db.transaction(() => {
    for (const statement of installedBase()) old.db.exec(statement);
  })();
  old.db.close();
  const upgraded = await openDatabase(path);
  try {
    return upgraded.db.prepare(READ_BACK).all();
  } finally {
    upgraded.db.close();
  }
}

async function upgradedOnServer(): Promise<unknown[]> {
  const server = await testPgServer();
  const connection = { connectionString: await server.createDatabase('tally') };
  cleanups.push(() => server.dropDatabase(connection.connectionString));
  const old = await openPostgres(connection, { migrations: migrations.slice(0, BEFORE), poolSize: 1 });
  try {
    for (const statement of installedBase()) await old.pool.query(statement);
  } finally {
    await old.db.destroy();
  }
  const upgraded = await openPostgres(connection, { poolSize: 1 });
  try {
    expect(upgraded.foundVersion).toBe(BEFORE);
    return (await upgraded.pool.query(READ_BACK)).rows;
  } finally {
    await upgraded.db.destroy();
  }
}

describe('migration 24: the trip tally of a base installed before', () => {
  it(`on ${testDialect}: each card's trips on booked or travelled tours counted, with the latest start`, async () => {
    const tally = testDialect === 'postgres' ? await upgradedOnServer() : await upgradedOnSqlite();
    expect(tally).toEqual(EXPECTED);
  });
});
