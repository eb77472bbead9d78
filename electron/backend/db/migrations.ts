import type BetterSqlite3 from 'better-sqlite3';

/**
 * Versioned migrations. Index + 1 is the schema version stored in PRAGMA user_version. A migration
 * is appended, never edited once released; each runs in one transaction with the version bump.
 */
export interface Migration {
  name: string;
  up: (db: BetterSqlite3.Database) => void;
}

export const migrations: readonly Migration[] = [
  {
    name: 'clients, documents, settings, audit',
    up: (db) => {
      db.exec(`
        CREATE TABLE clients (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          last_name_ru TEXT NOT NULL DEFAULT '',
          first_name_ru TEXT NOT NULL DEFAULT '',
          middle_name_ru TEXT NOT NULL DEFAULT '',
          last_name_lat TEXT NOT NULL DEFAULT '',
          first_name_lat TEXT NOT NULL DEFAULT '',
          gender TEXT CHECK (gender IN ('M', 'F')),
          birth_date TEXT,
          birth_place TEXT NOT NULL DEFAULT '',
          citizenship TEXT NOT NULL DEFAULT '',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          address TEXT NOT NULL DEFAULT '',
          notes TEXT NOT NULL DEFAULT '',
          preferences TEXT NOT NULL DEFAULT '',
          sort_name TEXT NOT NULL DEFAULT '',
          sort_name_lat TEXT NOT NULL DEFAULT '',
          passport_number TEXT NOT NULL DEFAULT '',
          passport_expiry TEXT,
          version INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE INDEX clients_sort_name ON clients (sort_name, id);
        CREATE INDEX clients_sort_name_lat ON clients (sort_name_lat, id);
        CREATE INDEX clients_birth_date ON clients (birth_date, id);
        CREATE INDEX clients_citizenship ON clients (citizenship, sort_name);
        CREATE INDEX clients_passport_expiry ON clients (passport_expiry, id);
        CREATE INDEX clients_updated_at ON clients (updated_at, id);

        CREATE TABLE client_search_keys (
          client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          PRIMARY KEY (key, client_id)
        ) WITHOUT ROWID;
        CREATE INDEX client_search_keys_client ON client_search_keys (client_id);

        CREATE TABLE documents (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('foreign_passport', 'internal_passport', 'birth_certificate', 'other')),
          issuing_country TEXT NOT NULL DEFAULT '',
          series TEXT NOT NULL DEFAULT '',
          number TEXT NOT NULL DEFAULT '',
          issue_date TEXT,
          expiry_date TEXT,
          issued_by TEXT NOT NULL DEFAULT '',
          last_name_lat TEXT NOT NULL DEFAULT '',
          first_name_lat TEXT NOT NULL DEFAULT '',
          archived INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX documents_client ON documents (client_id);
        CREATE INDEX documents_number ON documents (number);

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );

        CREATE TABLE audit (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          entity TEXT NOT NULL,
          entity_id INTEGER NOT NULL,
          action TEXT NOT NULL,
          changes TEXT NOT NULL
        );
        CREATE INDEX audit_entity ON audit (entity, entity_id);
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
