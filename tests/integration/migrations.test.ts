import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open-database';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'tourdesk-mig-')), 'db.sqlite');

function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as {
      type: string;
      name: string;
    }[]
  ).map((r) => `${r.type}:${r.name}`);
}

describe('migrations', () => {
  it('build the whole schema from an empty file, with WAL and foreign keys', async () => {
    const { db, schemaVersion } = await openDatabase(tempFile());
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaOf(db)).toEqual([
      'index:audit_entity',
      'index:client_search_keys_client',
      'index:clients_birth_date',
      'index:clients_citizenship',
      'index:clients_passport_expiry',
      'index:clients_sort_name',
      'index:clients_sort_name_lat',
      'index:clients_updated_at',
      'index:documents_client',
      'index:documents_number',
      'table:audit',
      'table:client_search_keys',
      'table:clients',
      'table:documents',
      'table:settings',
    ]);
    db.close();
  });

  it('reopening an up-to-date file changes nothing and keeps the data', async () => {
    const path = tempFile();
    const first = await openDatabase(path);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    first.db.close();
    const second = await openDatabase(path);
    expect(second.db.prepare('SELECT value FROM settings').get()).toEqual({ value: '1' });
    expect(existsSync(`${path}.before-v${LATEST_SCHEMA_VERSION}.bak`)).toBe(false);
    second.db.close();
  });

  it('refuses a file written by a newer version of the app', async () => {
    const path = tempFile();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    await expect(openDatabase(path)).rejects.toThrow(/newer version/);
  });

  it('uses the search-key index for a prefix search', async () => {
    const { db } = await openDatabase(tempFile());
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT client_id FROM client_search_keys WHERE key >= 'IVA' AND key < 'IVA~'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /SEARCH client_search_keys USING (PRIMARY KEY|COVERING INDEX)/,
    );
    db.close();
  });
});
