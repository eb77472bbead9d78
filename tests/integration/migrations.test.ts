import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open-database';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';

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
      'index:client_consents_client',
      'index:client_links_other',
      'index:client_referrals_referrer',
      'index:client_search_keys_client',
      'index:client_trip_tally_last',
      'index:client_trips_tour',
      'index:clients_deleted_at',
      'index:clients_live_birth_date',
      'index:clients_live_citizenship',
      'index:clients_live_email',
      'index:clients_live_passport_expiry',
      'index:clients_live_phone_last4',
      'index:clients_live_sort_name',
      'index:clients_live_sort_name_lat',
      'index:clients_live_updated_at',
      'index:consulate_templates_country',
      'index:contact_log_client',
      'index:contact_log_item',
      'index:documents_client',
      'index:documents_number',
      'index:documents_series_number',
      'index:duplicate_dismissals_b',
      'index:feedback_client',
      'index:feedback_tour',
      'index:feedback_unresolved',
      'index:loyalty_client_figures_back_client',
      'index:loyalty_client_figures_client',
      'index:questionnaire_answers_client',
      'index:questionnaire_answers_tourist',
      'index:sign_in_failures_failed_at',
      'index:tour_services_tour',
      'index:tourist_services_service',
      'index:tourists_client_tour',
      'index:tourists_name_key',
      'index:tourists_name_key_lat',
      'index:tourists_tour',
      'index:tours_arrival_date',
      'index:tours_arrival_month_day',
      'index:tours_created_at',
      'index:tours_payer',
      'index:tours_voucher',
      'table:audit',
      'table:clerks',
      'table:client_consents',
      'table:client_links',
      'table:client_referrals',
      'table:client_search_keys',
      'table:client_trip_tally',
      'table:client_trips',
      'table:clients',
      'table:consulate_templates',
      'table:contact_log',
      'table:countries',
      'table:dictionary_entries',
      'table:documents',
      'table:duplicate_dismissals',
      'table:feedback',
      'table:import_commits',
      'table:loyalty_client_figures',
      'table:loyalty_client_figures_back',
      'table:loyalty_figures_state',
      'table:loyalty_kept_counts',
      'table:loyalty_stale_clients',
      'table:loyalty_stale_tours',
      'table:questionnaire_answers',
      'table:questionnaire_fields',
      'table:questionnaire_forms',
      'table:questionnaire_options',
      'table:settings',
      'table:sign_in_failures',
      'table:tour_services',
      'table:tourist_services',
      'table:tourists',
      'table:tours',
      'table:undo_entries',
      'table:undo_items',
      'trigger:loyalty_clients_deleted',
      'trigger:loyalty_clients_forgotten',
      'trigger:loyalty_feedback_delete',
      'trigger:loyalty_feedback_insert',
      'trigger:loyalty_feedback_update',
      'trigger:loyalty_nps_clients_deleted',
      'trigger:loyalty_nps_clients_forgotten',
      'trigger:loyalty_nps_feedback_delete',
      'trigger:loyalty_nps_feedback_insert',
      'trigger:loyalty_nps_feedback_update',
      'trigger:loyalty_nps_tours',
      'trigger:loyalty_referrals_delete',
      'trigger:loyalty_referrals_insert',
      'trigger:loyalty_referrals_update',
      'trigger:loyalty_services_delete',
      'trigger:loyalty_services_insert',
      'trigger:loyalty_services_update',
      'trigger:loyalty_tally_tourists_delete',
      'trigger:loyalty_tally_tourists_insert',
      'trigger:loyalty_tally_tourists_update',
      'trigger:loyalty_tally_tours_delete',
      'trigger:loyalty_tally_tours_update',
      'trigger:loyalty_tourists_delete',
      'trigger:loyalty_tourists_insert',
      'trigger:loyalty_tourists_update',
      'trigger:loyalty_tours_delete',
      'trigger:loyalty_tours_insert',
      'trigger:loyalty_tours_update',
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
});

describe('migration 2: search keys by nameKey', () => {
  it('recomputes the keys of every live client written by version 1', async () => {
    const path = tempFile();
    const v1 = new Database(path);
    v1.transaction(() => {
      migrations[0]!.up(v1);
      v1.pragma('user_version = 1');
    })();
    const now = '2026-01-01T00:00:00.000Z';
    const insertClient = v1.prepare(
      'INSERT INTO clients (id, last_name_ru, first_name_ru, last_name_lat, sort_name, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insertClient.run(1, 'Юдина', 'Юлия', 'IUDINA', 'юдина юлия', now, now, null);
    insertClient.run(2, 'Цветков', 'Олег', '', 'цветков олег', now, now, now);
    v1.prepare(
      "INSERT INTO documents (client_id, kind, last_name_lat) VALUES (1, 'foreign_passport', 'YUDINA')",
    ).run();
    // Version 1 stored ICAO-only keys: IUDINA and, for the old passport, YUDINA.
    v1.prepare(
      "INSERT INTO client_search_keys VALUES ('IUDINA', 'юдина юлия', 1, -1), ('YUDINA', 'юдина юлия', 1, 0)",
    ).run();
    v1.close();

    const { db, schemaVersion } = await openDatabase(path);
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT key, client_id, prev_lcp FROM client_search_keys ORDER BY key').all()).toEqual([
      { key: 'IUDINA', client_id: 1, prev_lcp: -1 },
    ]);
    expect(existsSync(`${path}.before-v${LATEST_SCHEMA_VERSION}.bak`)).toBe(true);
    db.close();
  });
});

describe('migration 7: keys with English and German spellings folded', () => {
  it('recomputes the keys of clients and tourists written by version 6', async () => {
    const path = tempFile();
    const v6 = new Database(path);
    v6.pragma('foreign_keys = ON');
    v6.transaction(() => {
      for (const migration of migrations.slice(0, 6)) migration.up(v6);
      v6.pragma('user_version = 6');
    })();
    const now = '2026-01-01T00:00:00.000Z';
    v6.prepare(
      'INSERT INTO clients (id, last_name_lat, first_name_lat, sort_name, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?)',
    ).run('WOLKOWA', 'JULIA', 'wolkowa julia', now, now);
    // Version 6 kept the German spelling as its own key, so «Волкова» did not find this card.
    v6.prepare("INSERT INTO client_search_keys VALUES ('WOLKOWA', 'wolkowa julia', 1, -1)").run();
    v6.prepare(
      "INSERT INTO tours (id, voucher, created_at, updated_at, version) VALUES (1, 'DE-1', ?, ?, 1)",
    ).run(now, now);
    v6.prepare(
      "INSERT INTO tourists (id, tour_id, last_name_lat, name_key, name_key_lat, position, version) VALUES (1, 1, 'WOLKOWA', 'WOLKOWA', 'WOLKOWA', 0, 1)",
    ).run();
    v6.close();

    const { db } = await openDatabase(path);
    expect(db.prepare('SELECT key, client_id FROM client_search_keys').all()).toEqual([
      { key: 'VOLKOVA', client_id: 1 },
    ]);
    expect(db.prepare('SELECT name_key, name_key_lat FROM tourists').all()).toEqual([
      { name_key: 'VOLKOVA', name_key_lat: 'VOLKOVA' },
    ]);
    db.close();
  });
});
