import type BetterSqlite3 from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { nameKey } from '../../../shared/names';
import { searchKeyRows, searchKeysOf, sortNamesOf } from '../repositories/client-mapping';
import { PHONE_DIGITS_SQL } from '../repositories/client-identifiers';
import { postgresStatements } from './pg-ddl';
import {
  TALLY_BACKFILL,
  TALLY_POSTGRES_TRIGGERS,
  TALLY_SQLITE_TRIGGERS,
  TALLY_TABLE,
} from '../repositories/loyalty-tally';
import {
  FEEDBACK_VERSION_COLUMN,
  FEEDBACK_VERSION_POSTGRES_TRIGGERS,
  FEEDBACK_VERSION_SQLITE_TRIGGERS,
} from '../repositories/loyalty-feedback-version';
import { KEPT_COUNTS_TABLE } from '../repositories/loyalty-kept-counts';
import { FIGURES_BACK_TABLE, FIGURES_REBUILD } from '../repositories/loyalty-figures-back';
import { LATEST_SCHEMA_VERSION } from './schema-version';

/**
 * Versioned migrations. Index + 1 is the schema version stored in PRAGMA user_version. A migration
 * is appended, never edited once released; openDatabase runs every pending one in a single
 * transaction with the version bump.
 */
export interface Migration {
  name: string;
  up: (db: BetterSqlite3.Database) => void;
  /**
   * The PostgreSQL step, only where `up` cannot be replayed there (pg-migrate.ts): a backfill that
   * reads rows of an existing base, a PRAGMA, SQL the translation (pg-ddl.ts) does not cover.
   */
  postgres?: (client: PoolClient) => Promise<void>;
}

/** Migration 16's tables (issue 15): each client's share of each trip, and the tours to recompute. */
const LOYALTY_FACTS_TABLES = `
  CREATE TABLE client_trips (
    currency TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    tour_id INTEGER NOT NULL,
    end_date TEXT NOT NULL,
    country TEXT NOT NULL,
    hotel TEXT NOT NULL,
    revenue_minor INTEGER NOT NULL,
    cost_minor INTEGER NOT NULL,
    PRIMARY KEY (currency, client_id, start_date, tour_id)
  ) WITHOUT ROWID;
  CREATE INDEX client_trips_tour ON client_trips (tour_id);
  CREATE TABLE loyalty_stale_tours (tour_id INTEGER PRIMARY KEY);
`;

/**
 * Migration 17: each client's summary for the default Loyalty plan on `as_of` (the columns of
 * shared/loyalty/summary.ts's ClientSummary; activity per period as bit masks, margin per year of
 * the three-year window), the clients whose feedback or referrals changed, and how far the rebuild
 * for a new day has got (next_client NULL: done).
 */
const LOYALTY_FIGURES_TABLES = `
  CREATE TABLE loyalty_client_figures (
    currency TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    window_trips INTEGER NOT NULL,
    revenue_minor INTEGER NOT NULL,
    margin_minor INTEGER NOT NULL,
    margin_y0 INTEGER NOT NULL,
    margin_y1 INTEGER NOT NULL,
    margin_y2 INTEGER NOT NULL,
    last_return TEXT,
    last_start TEXT,
    first_start TEXT NOT NULL,
    historical_margin_minor INTEGER NOT NULL,
    trips_now INTEGER NOT NULL,
    years_now INTEGER NOT NULL,
    trips_before INTEGER NOT NULL,
    years_before INTEGER NOT NULL,
    active_at_start INTEGER NOT NULL,
    active_at_end INTEGER NOT NULL,
    score_now INTEGER,
    score_before INTEGER,
    referrals_now INTEGER NOT NULL DEFAULT 0,
    referrals_before INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (currency, client_id)
  );
  CREATE INDEX loyalty_client_figures_client ON loyalty_client_figures (client_id);
  CREATE TABLE loyalty_stale_clients (client_id INTEGER PRIMARY KEY);
  CREATE TABLE loyalty_figures_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    as_of TEXT NOT NULL,
    next_client INTEGER
  );
`;

/** Migration 16's SQLite triggers: any write that changes a trip marks its tour stale. */
const LOYALTY_TOUR_TRIGGERS = `
  CREATE TRIGGER loyalty_tours_insert AFTER INSERT ON tours
    BEGIN INSERT INTO loyalty_stale_tours (tour_id) SELECT NEW.id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = NEW.id); END;
  CREATE TRIGGER loyalty_tours_update AFTER UPDATE OF status, currency, arrival_date, departure_date,
    created_at, country, hotel, price_minor, cost_minor, payer_client_id ON tours
    BEGIN INSERT INTO loyalty_stale_tours (tour_id) SELECT NEW.id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = NEW.id); END;
  CREATE TRIGGER loyalty_tours_delete AFTER DELETE ON tours
    BEGIN INSERT INTO loyalty_stale_tours (tour_id) SELECT OLD.id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = OLD.id); END;
  CREATE TRIGGER loyalty_tourists_insert AFTER INSERT ON tourists
    BEGIN INSERT INTO loyalty_stale_tours (tour_id) SELECT NEW.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = NEW.tour_id); END;
  CREATE TRIGGER loyalty_tourists_update AFTER UPDATE OF tour_id, client_id, position ON tourists
    BEGIN
      INSERT INTO loyalty_stale_tours (tour_id) SELECT NEW.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = NEW.tour_id);
      INSERT INTO loyalty_stale_tours (tour_id) SELECT OLD.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = OLD.tour_id);
    END;
  CREATE TRIGGER loyalty_tourists_delete AFTER DELETE ON tourists
    BEGIN INSERT INTO loyalty_stale_tours (tour_id) SELECT OLD.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = OLD.tour_id); END;
  CREATE TRIGGER loyalty_services_insert AFTER INSERT ON tour_services
    BEGIN INSERT INTO loyalty_stale_tours (tour_id) SELECT NEW.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = NEW.tour_id); END;
  CREATE TRIGGER loyalty_services_update AFTER UPDATE OF tour_id, price_minor ON tour_services
    BEGIN
      INSERT INTO loyalty_stale_tours (tour_id) SELECT NEW.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = NEW.tour_id);
      INSERT INTO loyalty_stale_tours (tour_id) SELECT OLD.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = OLD.tour_id);
    END;
  CREATE TRIGGER loyalty_services_delete AFTER DELETE ON tour_services
    BEGIN INSERT INTO loyalty_stale_tours (tour_id) SELECT OLD.tour_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_tours WHERE tour_id = OLD.tour_id); END;
  -- A deleted card's shares go to the other travellers, so its tours are recomputed.
  CREATE TRIGGER loyalty_clients_deleted AFTER UPDATE OF deleted_at ON clients
    WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
    BEGIN
      INSERT INTO loyalty_stale_tours (tour_id) SELECT DISTINCT tour_id FROM tourists WHERE client_id = NEW.id
        AND tour_id NOT IN (SELECT tour_id FROM loyalty_stale_tours);
      INSERT INTO loyalty_stale_tours (tour_id) SELECT DISTINCT id FROM tours WHERE payer_client_id = NEW.id
        AND id NOT IN (SELECT tour_id FROM loyalty_stale_tours);
    END;
  CREATE TRIGGER loyalty_clients_forgotten BEFORE DELETE ON clients
    BEGIN
      INSERT INTO loyalty_stale_tours (tour_id) SELECT DISTINCT tour_id FROM tourists WHERE client_id = OLD.id
        AND tour_id NOT IN (SELECT tour_id FROM loyalty_stale_tours);
      INSERT INTO loyalty_stale_tours (tour_id) SELECT DISTINCT id FROM tours WHERE payer_client_id = OLD.id
        AND id NOT IN (SELECT tour_id FROM loyalty_stale_tours);
    END;
`;

/** Migration 17's SQLite triggers: migration 16's again (see there), and feedback and referrals. */
const LOYALTY_SQLITE_TRIGGERS_17 = `
  DROP TRIGGER IF EXISTS loyalty_tours_insert;
  DROP TRIGGER IF EXISTS loyalty_tours_update;
  DROP TRIGGER IF EXISTS loyalty_tours_delete;
  DROP TRIGGER IF EXISTS loyalty_tourists_insert;
  DROP TRIGGER IF EXISTS loyalty_tourists_update;
  DROP TRIGGER IF EXISTS loyalty_tourists_delete;
  DROP TRIGGER IF EXISTS loyalty_services_insert;
  DROP TRIGGER IF EXISTS loyalty_services_update;
  DROP TRIGGER IF EXISTS loyalty_services_delete;
  DROP TRIGGER IF EXISTS loyalty_clients_deleted;
  DROP TRIGGER IF EXISTS loyalty_clients_forgotten;
${LOYALTY_TOUR_TRIGGERS}
  CREATE TRIGGER loyalty_feedback_insert AFTER INSERT ON feedback
    BEGIN INSERT INTO loyalty_stale_clients (client_id) SELECT NEW.client_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = NEW.client_id); END;
  CREATE TRIGGER loyalty_feedback_update AFTER UPDATE OF client_id, score, received_on ON feedback
    BEGIN
      INSERT INTO loyalty_stale_clients (client_id) SELECT NEW.client_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = NEW.client_id);
      INSERT INTO loyalty_stale_clients (client_id) SELECT OLD.client_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = OLD.client_id);
    END;
  CREATE TRIGGER loyalty_feedback_delete AFTER DELETE ON feedback
    BEGIN INSERT INTO loyalty_stale_clients (client_id) SELECT OLD.client_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = OLD.client_id); END;
  CREATE TRIGGER loyalty_referrals_insert AFTER INSERT ON client_referrals
    BEGIN INSERT INTO loyalty_stale_clients (client_id) SELECT NEW.referrer_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = NEW.referrer_id); END;
  CREATE TRIGGER loyalty_referrals_update AFTER UPDATE OF client_id, referrer_id ON client_referrals
    BEGIN
      INSERT INTO loyalty_stale_clients (client_id) SELECT NEW.referrer_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = NEW.referrer_id);
      INSERT INTO loyalty_stale_clients (client_id) SELECT OLD.referrer_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = OLD.referrer_id);
    END;
  CREATE TRIGGER loyalty_referrals_delete AFTER DELETE ON client_referrals
    BEGIN INSERT INTO loyalty_stale_clients (client_id) SELECT OLD.referrer_id
      WHERE NOT EXISTS (SELECT 1 FROM loyalty_stale_clients WHERE client_id = OLD.referrer_id); END;
`;

/** Migration 20: the Schengen forms shipped so far (2020: the one version 1 of the books had). */
const SHIPPED_SCHENGEN_FORMS = `form_id IN (SELECT id FROM questionnaire_forms
  WHERE key IN ('schengen_2020', 'schengen_2019', 'schengen_2023'))`;

/** A label correction: [field, column, text as shipped before, text now]. */
type Relabel = readonly [string, 'label_en' | 'label_fr', string, string];
/** An option label correction: [field, option code, column, text as shipped before, text now]. */
type OptionRelabel = readonly [string, string, 'label_en' | 'label_fr', string, string];

/**
 * Migration 20: labels corrected since bases were seeded, [field, column, seeded text, text now]:
 * after consulate copies of the form, field 18's after the printed form (docs/forms/wording.md).
 */
const SCHENGEN_RELABELLED: readonly Relabel[] = [
  [
    'company_phone',
    'label_fr',
    "Numéro de téléphone de l'entreprise/l'organisation",
    "N° de téléphone de l'entreprise/l'organisation",
  ],
  [
    'host_name',
    'label_fr',
    "Nom et prénom de la ou des personnes qui invitent dans l'État membre ou les États membres. À défaut, nom d'un ou des hôtels ou lieux d'hébergement temporaire dans l'État membre ou les États membres",
    "Nom et prénom de la ou des personnes qui invitent dans l'État membre ou les États membres. À défaut, nom d'un ou des hôtels ou lieux d'hébergement temporaires dans l'État membre ou les États membres",
  ],
  [
    'host_address',
    'label_fr',
    "Adresse et adresse électronique de la ou des personnes qui invitent/du ou des hôtels/du ou des lieux d'hébergement temporaire",
    "Adresse et adresse électronique de la ou des personnes qui invitent/de l'hôtel ou des hôtels/du ou des lieux d'hébergement temporaire",
  ],
  [
    'filler_name',
    'label_fr',
    "Nom et prénom de la personne qui remplit le formulaire de demande, si ce n'est pas le demandeur",
    "Nom et prénom de la personne qui remplit le formulaire de demande, si elle n'est pas le demandeur",
  ],
  [
    'filler_address',
    'label_en',
    'Address and e-mail address of person filling in the application form',
    'Address and e-mail address of the person filling in the application form',
  ],
  [
    'eu_family_relationship',
    'label_en',
    'Family relationship with an EU, EEA or CH citizen or with a UK national who is a Withdrawal Agreement beneficiary, if applicable',
    'Family relationship with an EU, EEA or CH citizen or a UK national who is a Withdrawal Agreement beneficiary, if applicable',
  ],
  [
    'eu_family_relationship',
    'label_fr',
    "Lien de parenté avec un ressortissant de l'UE, de l'EEE ou de la Confédération suisse ou avec un ressortissant du Royaume-Uni bénéficiaire de l'accord de retrait, le cas échéant",
    "Lien de parenté avec un ressortissant de l'UE, de l'EEE ou de la Confédération suisse ou un ressortissant du Royaume-Uni bénéficiaire de l'accord de retrait, le cas échéant",
  ],
];

/** Migration 20: fields whose wording was checked since, [field, English, French] as checked. */
const SCHENGEN_NOW_CHECKED: readonly (readonly [string, string, string])[] = [
  ['travel_document_number', 'Number of travel document', 'Numéro du document de voyage'],
  ['travel_document_issue_date', 'Date of issue', 'Date de délivrance'],
  ['travel_document_valid_until', 'Valid until', "Date d'expiration"],
  ['occupation', 'Current occupation', 'Profession actuelle'],
  [
    'purpose_details',
    'Additional information on purpose of stay',
    "Informations complémentaires sur l'objet du voyage",
  ],
  [
    'arrival_date',
    'Intended date of arrival of the first intended stay in the Schengen area',
    "Date d'arrivée prévue pour le premier séjour envisagé dans l'espace Schengen",
  ],
  [
    'departure_date',
    'Intended date of departure from the Schengen area after the first intended stay',
    "Date de départ prévue de l'espace Schengen après le premier séjour envisagé",
  ],
];

/**
 * Migration 23: field 22's French, whose students' part reads "adresse de l'établissement
 * d'enseignement" (no "nom et") on the Swiss consulate's English/French copy of the 2019 form and
 * on the French administration's overseas visa form modelled on it (docs/forms/wording.md).
 */
const SCHENGEN_RELABELLED_23: readonly Relabel[] = [
  [
    'employer',
    'label_fr',
    "Nom, adresse et numéro de téléphone de l'employeur. Pour les étudiants, nom et adresse de l'établissement d'enseignement",
    "Nom, adresse et numéro de téléphone de l'employeur. Pour les étudiants, adresse de l'établissement d'enseignement",
  ],
];

/**
 * Migration 23: option labels, [field, option code, column, text as shipped before, text now]: 9's
 * "Veuf (Veuve)" as every consulate copy prints it, 23's "Visite à la famille ou à des amis" as the
 * French administration's form modelled on the annex prints it, the costs' "Pre-paid" as an Italian
 * consulate's English/Italian copy of the 2019 form prints it (docs/forms/wording.md).
 */
const SCHENGEN_OPTIONS_RELABELLED_23: readonly OptionRelabel[] = [
  ['civil_status', 'widowed', 'label_fr', 'Veuf (veuve)', 'Veuf (Veuve)'],
  [
    'purpose',
    'family_friends',
    'label_fr',
    'Visite familiale ou amicale',
    'Visite à la famille ou à des amis',
  ],
  [
    'cost_applicant_means',
    'prepaid_accommodation',
    'label_en',
    'Prepaid accommodation',
    'Pre-paid accommodation',
  ],
  ['cost_applicant_means', 'prepaid_transport', 'label_en', 'Prepaid transport', 'Pre-paid transport'],
  ['cost_sponsor_means', 'prepaid_transport', 'label_en', 'Prepaid transport', 'Pre-paid transport'],
];

/**
 * Migration 28: fields no longer called checked. The bilingual consulate copy that checked field 9
 * prints "Divorcé" where ours and every older French copy have "Divorcé(e)", and its passage stops
 * before "Autre (veuillez préciser)"; the "other" part's label is our own.
 */
const SCHENGEN_NO_LONGER_CHECKED = ['civil_status', 'civil_status_other'] as const;

/** A label changes only where it is still as shipped, only on the shipped Schengen forms. */
function relabelShippedSchengen(db: BetterSqlite3.Database, list: readonly Relabel[]): void {
  for (const [key, column, before, now] of list) {
    db.prepare(
      `UPDATE questionnaire_fields SET ${column} = ? WHERE key = ? AND ${column} = ? AND ${SHIPPED_SCHENGEN_FORMS}`,
    ).run(now, key, before);
  }
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
        -- Partial indexes: the list never shows deleted clients, so sorting and counting need not
        -- visit them. The IS NULL terms keep clients without a date last, still as an index scan.
        CREATE INDEX clients_live_sort_name ON clients (sort_name, id) WHERE deleted_at IS NULL;
        CREATE INDEX clients_live_sort_name_lat ON clients (sort_name_lat, id) WHERE deleted_at IS NULL;
        CREATE INDEX clients_live_birth_date ON clients ((birth_date IS NULL), birth_date, id) WHERE deleted_at IS NULL;
        CREATE INDEX clients_live_citizenship ON clients (citizenship, sort_name, id) WHERE deleted_at IS NULL;
        CREATE INDEX clients_live_passport_expiry ON clients ((passport_expiry IS NULL), passport_expiry, id) WHERE deleted_at IS NULL;
        CREATE INDEX clients_live_updated_at ON clients (updated_at, id) WHERE deleted_at IS NULL;

        -- One row per distinct surname spelling of a live client. prev_lcp is the length of the
        -- prefix this key shares with the client's previous key (-1 for the first), so a prefix
        -- search counts each client once by a range scan alone: keep rows where prev_lcp < length.
        CREATE TABLE client_search_keys (
          key TEXT NOT NULL,
          sort_name TEXT NOT NULL,
          client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          prev_lcp INTEGER NOT NULL,
          PRIMARY KEY (key, sort_name, client_id)
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
  {
    // The names issue replaced the ICAO-only surname key with nameKey, which folds every
    // transliteration scheme (IULIIA = YULIYA = Юлия): every live client's keys are recomputed.
    name: 'search keys by nameKey',
    up: (db) => recomputeSearchKeys(db),
  },
  {
    name: 'countries, tours, services, tourists',
    up: (db) => {
      db.exec(`
        ALTER TABLE clients ADD COLUMN card_last4 TEXT NOT NULL DEFAULT '';

        CREATE TABLE countries (
          code TEXT PRIMARY KEY,
          name_ru TEXT NOT NULL,
          name_en TEXT NOT NULL,
          passport_margin_months INTEGER NOT NULL DEFAULT 6
        );

        CREATE TABLE tours (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          voucher TEXT NOT NULL,
          created_at TEXT NOT NULL,
          arrival_date TEXT,
          departure_date TEXT,
          country TEXT NOT NULL DEFAULT '',
          resort TEXT NOT NULL DEFAULT '',
          hotel TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL DEFAULT 'draft',
          price_minor INTEGER NOT NULL DEFAULT 0,
          cost_minor INTEGER NOT NULL DEFAULT 0,
          currency TEXT NOT NULL DEFAULT 'RUB',
          notes TEXT NOT NULL DEFAULT '',
          version INTEGER NOT NULL DEFAULT 1,
          updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX tours_voucher ON tours (voucher);
        CREATE INDEX tours_created_at ON tours (created_at);
        CREATE INDEX tours_arrival_date ON tours (arrival_date);

        CREATE TABLE tour_services (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          tour_id INTEGER NOT NULL REFERENCES tours (id) ON DELETE CASCADE,
          kind TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          start_date TEXT,
          end_date TEXT,
          price_minor INTEGER NOT NULL DEFAULT 0,
          position INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX tour_services_tour ON tour_services (tour_id);

        CREATE TABLE tourists (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          tour_id INTEGER NOT NULL REFERENCES tours (id) ON DELETE CASCADE,
          client_id INTEGER REFERENCES clients (id) ON DELETE SET NULL,
          position INTEGER NOT NULL DEFAULT 0,
          last_name_ru TEXT NOT NULL DEFAULT '',
          first_name_ru TEXT NOT NULL DEFAULT '',
          middle_name_ru TEXT NOT NULL DEFAULT '',
          last_name_lat TEXT NOT NULL DEFAULT '',
          first_name_lat TEXT NOT NULL DEFAULT '',
          gender TEXT CHECK (gender IN ('M', 'F')),
          birth_date TEXT,
          citizenship TEXT NOT NULL DEFAULT '',
          passport_series TEXT NOT NULL DEFAULT '',
          passport_number TEXT NOT NULL DEFAULT '',
          passport_issue_date TEXT,
          passport_expiry TEXT,
          passport_last_name_lat TEXT NOT NULL DEFAULT '',
          passport_first_name_lat TEXT NOT NULL DEFAULT '',
          internal_series TEXT NOT NULL DEFAULT '',
          internal_number TEXT NOT NULL DEFAULT '',
          ticket_number TEXT NOT NULL DEFAULT '',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          name_key TEXT NOT NULL DEFAULT '',
          name_key_lat TEXT NOT NULL DEFAULT '',
          version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX tourists_tour ON tourists (tour_id, position);
        CREATE INDEX tourists_client ON tourists (client_id);
        CREATE INDEX tourists_name_key ON tourists (name_key);
        CREATE INDEX tourists_name_key_lat ON tourists (name_key_lat);

        CREATE TABLE tourist_services (
          tourist_id INTEGER NOT NULL REFERENCES tourists (id) ON DELETE CASCADE,
          service_id INTEGER NOT NULL REFERENCES tour_services (id) ON DELETE CASCADE,
          PRIMARY KEY (tourist_id, service_id)
        ) WITHOUT ROWID;
        CREATE INDEX tourist_services_service ON tourist_services (service_id);
      `);
      const insert = db.prepare(
        'INSERT INTO countries (code, name_ru, name_en, passport_margin_months) VALUES (?, ?, ?, ?)',
      );
      for (const [code, ru, en, margin] of SEED_COUNTRIES) insert.run(code, ru, en, margin);
    },
  },
  {
    // An import commit records what it wrote, so the whole import can be undone.
    name: 'import batches',
    up: (db) => {
      db.exec(`
        CREATE TABLE import_batches (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          created_at TEXT NOT NULL,
          tour_id INTEGER REFERENCES tours (id) ON DELETE SET NULL,
          undone_at TEXT
        );
        CREATE TABLE import_batch_items (
          batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
          entity TEXT NOT NULL CHECK (entity IN ('tourist', 'client', 'document')),
          entity_id INTEGER NOT NULL
        );
        CREATE INDEX import_batch_items_batch ON import_batch_items (batch_id);
      `);
    },
  },
  {
    // Issue 6: questionnaire reference books and answers. The shipped forms, dictionary and the
    // countries' French names and questionnaire languages are written by seedReferenceBooks.
    name: 'questionnaires',
    up: (db) => {
      db.exec(`
        CREATE TABLE questionnaire_forms (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          key TEXT NOT NULL UNIQUE,
          name_ru TEXT NOT NULL DEFAULT '',
          name_en TEXT NOT NULL DEFAULT '',
          name_fr TEXT NOT NULL DEFAULT ''
        );

        ALTER TABLE countries ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
        ALTER TABLE countries ADD COLUMN questionnaire_language TEXT NOT NULL DEFAULT 'ru'
          CHECK (questionnaire_language IN ('ru', 'en', 'fr'));
        ALTER TABLE countries ADD COLUMN form_id INTEGER
          REFERENCES questionnaire_forms (id) ON DELETE SET NULL;

        CREATE TABLE questionnaire_fields (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          form_id INTEGER NOT NULL REFERENCES questionnaire_forms (id) ON DELETE CASCADE,
          position INTEGER NOT NULL DEFAULT 0,
          number TEXT NOT NULL DEFAULT '',
          key TEXT NOT NULL,
          label_ru TEXT NOT NULL DEFAULT '',
          label_en TEXT NOT NULL DEFAULT '',
          label_fr TEXT NOT NULL DEFAULT '',
          type TEXT NOT NULL CHECK (type IN ('text', 'date', 'choice', 'multichoice', 'yesno')),
          translation TEXT NOT NULL CHECK (translation IN ('none', 'transliterate', 'dictionary', 'copy')),
          binding TEXT,
          required INTEGER NOT NULL DEFAULT 0,
          UNIQUE (form_id, key)
        );

        CREATE TABLE questionnaire_options (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          field_id INTEGER NOT NULL REFERENCES questionnaire_fields (id) ON DELETE CASCADE,
          position INTEGER NOT NULL DEFAULT 0,
          code TEXT NOT NULL,
          label_ru TEXT NOT NULL DEFAULT '',
          label_en TEXT NOT NULL DEFAULT '',
          label_fr TEXT NOT NULL DEFAULT '',
          is_default INTEGER NOT NULL DEFAULT 0,
          UNIQUE (field_id, code)
        );

        CREATE TABLE dictionary_entries (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          ru TEXT NOT NULL,
          ru_key TEXT NOT NULL UNIQUE,
          en TEXT NOT NULL DEFAULT '',
          fr TEXT NOT NULL DEFAULT '',
          version INTEGER NOT NULL DEFAULT 1,
          updated_at TEXT NOT NULL
        );

        CREATE TABLE questionnaire_answers (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          tourist_id INTEGER REFERENCES tourists (id) ON DELETE CASCADE,
          client_id INTEGER REFERENCES clients (id) ON DELETE CASCADE,
          country TEXT NOT NULL,
          field_key TEXT NOT NULL,
          source TEXT NOT NULL DEFAULT '',
          value TEXT NOT NULL DEFAULT '',
          updated_at TEXT NOT NULL,
          CHECK ((tourist_id IS NULL) <> (client_id IS NULL))
        );
        CREATE UNIQUE INDEX questionnaire_answers_tourist
          ON questionnaire_answers (tourist_id, country, field_key) WHERE tourist_id IS NOT NULL;
        CREATE UNIQUE INDEX questionnaire_answers_client
          ON questionnaire_answers (client_id, country, field_key) WHERE client_id IS NOT NULL;
      `);
    },
  },
  {
    // Issue 18: one undo journal for every undoable change (it replaces the import batches) and
    // the clerk in the audit trail.
    name: 'undo journal, clerk in audit',
    up: (db) => {
      db.exec(`
        CREATE TABLE undo_entries (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          clerk TEXT NOT NULL DEFAULT '',
          kind TEXT NOT NULL,
          summary TEXT NOT NULL DEFAULT '{}',
          undone_at TEXT
        );
        CREATE TABLE undo_items (
          entry_id INTEGER NOT NULL REFERENCES undo_entries (id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          table_name TEXT NOT NULL,
          row_key TEXT NOT NULL,
          before_rows TEXT NOT NULL,
          after_rows TEXT NOT NULL,
          PRIMARY KEY (entry_id, seq)
        );
        DROP TABLE import_batch_items;
        DROP TABLE import_batches;
        ALTER TABLE audit ADD COLUMN clerk TEXT NOT NULL DEFAULT '';
      `);
    },
  },
  {
    // Issue 18: nameKey folds English and German spellings too (JULIA = Юлия, ALEXANDER =
    // Александр), so the stored keys of clients and tourists are recomputed with it.
    name: 'search keys with English spellings folded',
    up: (db) => {
      recomputeSearchKeys(db);
      const tourists = db.prepare('SELECT id, last_name_ru, last_name_lat FROM tourists').all() as {
        id: number;
        last_name_ru: string;
        last_name_lat: string;
      }[];
      const update = db.prepare('UPDATE tourists SET name_key = ?, name_key_lat = ? WHERE id = ?');
      for (const t of tourists) {
        update.run(
          nameKey(t.last_name_ru || t.last_name_lat),
          nameKey(t.last_name_lat || t.last_name_ru),
          t.id,
        );
      }
    },
  },
  {
    // Issue 11: an import commit whose reply was lost is retried with the same key and must not
    // write the rows twice. The key goes with the undo entry it made.
    name: 'import commit keys',
    up: (db) => {
      db.exec(`
        CREATE TABLE import_commits (
          key TEXT PRIMARY KEY,
          entry_id INTEGER NOT NULL REFERENCES undo_entries (id) ON DELETE CASCADE,
          result TEXT NOT NULL,
          at TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    // Issue 11: a client's consents to the processing of personal data (152-FZ, GDPR), per scope.
    name: 'consents',
    up: (db) => {
      db.exec(`
        CREATE TABLE client_consents (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          scope TEXT NOT NULL CHECK (scope IN ('processing', 'marketing', 'transfer')),
          given_on TEXT NOT NULL,
          withdrawn_on TEXT,
          document TEXT NOT NULL DEFAULT '',
          clerk TEXT NOT NULL DEFAULT '',
          recorded_at TEXT NOT NULL
        );
        CREATE INDEX client_consents_client ON client_consents (client_id, scope);
      `);
    },
  },
  {
    // Issue 16: official form layouts and versions, the family-member asterisk, checked wording,
    // untranslated words the clerk accepted, countries that apply online, and the consulates' own
    // PDF and Word forms with the clerk's mapping of their fields.
    name: 'visa form versions and consulate templates',
    up: (db) => {
      db.exec(`
        ALTER TABLE questionnaire_forms ADD COLUMN layout TEXT NOT NULL DEFAULT 'worksheet';
        ALTER TABLE questionnaire_fields ADD COLUMN family_exempt INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE questionnaire_fields ADD COLUMN wording TEXT NOT NULL DEFAULT 'unverified'
          CHECK (wording IN ('checked', 'unverified'));
        ALTER TABLE questionnaire_answers ADD COLUMN accepted INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE countries ADD COLUMN applies_online INTEGER NOT NULL DEFAULT 0;

        CREATE TABLE consulate_templates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          country TEXT NOT NULL REFERENCES countries (code) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx')),
          name TEXT NOT NULL,
          content BLOB NOT NULL,
          fields TEXT NOT NULL DEFAULT '[]',
          mapping TEXT NOT NULL DEFAULT '{}',
          flatten INTEGER NOT NULL DEFAULT 1,
          version INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL
        );
        CREATE INDEX consulate_templates_country ON consulate_templates (country);
      `);
    },
  },
  {
    // Issue 13: pairs the clerk marked as different people, family and travel-group links, and
    // expression indexes (built-in functions only, so no write path can forget them) for finding a
    // client by passport series and number typed together, the last digits of a phone, an e-mail.
    name: 'duplicates, families, identifier search',
    up: (db) => {
      db.exec(`
        CREATE TABLE duplicate_dismissals (
          client_a INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          client_b INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          at TEXT NOT NULL,
          clerk TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (client_a, client_b),
          CHECK (client_a < client_b)
        ) WITHOUT ROWID;
        CREATE INDEX duplicate_dismissals_b ON duplicate_dismissals (client_b);

        CREATE TABLE client_links (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          other_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          kind TEXT NOT NULL CHECK (kind IN ('spouse', 'parent', 'sibling', 'group')),
          created_at TEXT NOT NULL,
          CHECK (client_id <> other_id),
          UNIQUE (client_id, other_id)
        );
        CREATE INDEX client_links_other ON client_links (other_id);

        CREATE INDEX documents_series_number ON documents (series || number);
        CREATE INDEX clients_live_email ON clients (lower(email)) WHERE deleted_at IS NULL;
        CREATE INDEX clients_live_phone_last4 ON clients (substr(${PHONE_DIGITS_SQL}, -4))
          WHERE deleted_at IS NULL;
      `);
    },
  },
  {
    // Issue 15: who paid for a tour, feedback and complaints, who recommended whom, and the log of
    // contacts made from the who-to-contact worklist.
    name: 'payers, feedback, referrals, contact log',
    up: (db) => {
      db.exec(`
        ALTER TABLE tours ADD COLUMN payer_client_id INTEGER REFERENCES clients (id) ON DELETE SET NULL;
        CREATE INDEX tours_payer ON tours (payer_client_id) WHERE payer_client_id IS NOT NULL;

        CREATE TABLE feedback (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          tour_id INTEGER REFERENCES tours (id) ON DELETE SET NULL,
          kind TEXT NOT NULL CHECK (kind IN ('score', 'complaint', 'praise', 'suggestion')),
          score INTEGER CHECK (score BETWEEN 0 AND 10),
          text TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'inProgress', 'resolved')),
          resolver TEXT NOT NULL DEFAULT '',
          resolution TEXT NOT NULL DEFAULT '',
          received_on TEXT NOT NULL,
          resolved_on TEXT,
          clerk TEXT NOT NULL DEFAULT '',
          version INTEGER NOT NULL DEFAULT 1,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX feedback_client ON feedback (client_id, received_on);
        CREATE INDEX feedback_tour ON feedback (tour_id);
        CREATE INDEX feedback_unresolved ON feedback (status, received_on) WHERE status <> 'resolved';

        CREATE TABLE client_referrals (
          client_id INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
          referrer_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          recorded_on TEXT NOT NULL,
          CHECK (client_id <> referrer_id)
        );
        CREATE INDEX client_referrals_referrer ON client_referrals (referrer_id);

        CREATE TABLE contact_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
          item_key TEXT NOT NULL,
          reason TEXT NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('done', 'postponed', 'dismissed')),
          note TEXT NOT NULL DEFAULT '',
          postponed_until TEXT,
          at TEXT NOT NULL,
          clerk TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX contact_log_client ON contact_log (client_id, at);
        CREATE INDEX contact_log_item ON contact_log (item_key, at);
      `);
    },
  },
  {
    // Issue 14: clerks who sign in, with a role; name_key is the name folded in JS (SQLite's lower()
    // leaves Cyrillic as it is), so Иванова and ИВАНОВА are one clerk. No password on one computer.
    name: 'clerks',
    up: (db) => {
      db.exec(`
        CREATE TABLE clerks (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          name_key TEXT NOT NULL UNIQUE,
          password_hash TEXT,
          role TEXT NOT NULL CHECK (role IN ('clerk', 'head', 'admin')),
          active INTEGER NOT NULL DEFAULT 1,
          version INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    // Issue 14: the list sorted Ёлкин after Яковлев (ё is past я in code-point order, on SQLite and
    // on the server alike); the sort keys now spell Ё as Е, as a Russian index does.
    name: 'sort names with Ё as Е',
    up: (db) => {
      db.exec(`
        UPDATE clients SET sort_name = replace(sort_name, 'ё', 'е'), sort_name_lat = replace(sort_name_lat, 'ё', 'е')
          WHERE sort_name LIKE '%ё%' OR sort_name_lat LIKE '%ё%';
        UPDATE client_search_keys SET sort_name = replace(sort_name, 'ё', 'е') WHERE sort_name LIKE '%ё%';
      `);
    },
  },
  {
    // Issue 17: the start-up purge of cards deleted long ago read the whole clients table (4.7 s at a
    // million clients); deleted cards are few, so their own small index finds them at once.
    name: 'index of deleted cards',
    up: (db) => {
      db.exec(`CREATE INDEX clients_deleted_at ON clients (deleted_at) WHERE deleted_at IS NOT NULL;`);
    },
  },
  {
    // Issue 15: the Loyalty screen read every tour, traveller and service and shared the money out
    // on each open (47 s at 200,000 clients). client_trips keeps each client's share of each trip;
    // triggers mark a tour stale in the writing transaction, whatever repository, import or undo
    // wrote it, and loyalty-trips.ts recomputes the stale tours before the next read. Every tour
    // starts stale, so an existing base builds its facts on the first loyalty read.
    name: 'loyalty trip facts',
    // No INSERT OR IGNORE in these triggers: a foreign key's ON DELETE SET NULL runs its update with
    // ABORT, which overrides the trigger's IGNORE, so forgetting a payer broke the key. NOT EXISTS
    // does not depend on the outer statement's conflict policy.
    up: (db) => {
      db.exec(LOYALTY_FACTS_TABLES);
      db.exec(`
        ${LOYALTY_TOUR_TRIGGERS}
        INSERT INTO loyalty_stale_tours (tour_id) SELECT id FROM tours;
      `);
    },
    postgres: async (client) => {
      for (const statement of postgresStatements(LOYALTY_FACTS_TABLES)) await client.query(statement);
      await client.query(`
        CREATE FUNCTION loyalty_mark_tour() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'tours' THEN
            IF TG_OP <> 'DELETE' THEN INSERT INTO loyalty_stale_tours VALUES (NEW.id) ON CONFLICT DO NOTHING; END IF;
            IF TG_OP <> 'INSERT' THEN INSERT INTO loyalty_stale_tours VALUES (OLD.id) ON CONFLICT DO NOTHING; END IF;
          ELSE
            IF TG_OP <> 'DELETE' THEN INSERT INTO loyalty_stale_tours VALUES (NEW.tour_id) ON CONFLICT DO NOTHING; END IF;
            IF TG_OP <> 'INSERT' THEN INSERT INTO loyalty_stale_tours VALUES (OLD.tour_id) ON CONFLICT DO NOTHING; END IF;
          END IF;
          RETURN NULL;
        END $$;
        CREATE FUNCTION loyalty_mark_client_tours() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO loyalty_stale_tours SELECT tour_id FROM tourists WHERE client_id = OLD.id
            UNION SELECT id FROM tours WHERE payer_client_id = OLD.id ON CONFLICT DO NOTHING;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER loyalty_tours AFTER INSERT OR DELETE OR UPDATE OF status, currency, arrival_date,
          departure_date, created_at, country, hotel, price_minor, cost_minor, payer_client_id
          ON tours FOR EACH ROW EXECUTE FUNCTION loyalty_mark_tour();
        CREATE TRIGGER loyalty_tourists AFTER INSERT OR DELETE OR UPDATE OF tour_id, client_id, position
          ON tourists FOR EACH ROW EXECUTE FUNCTION loyalty_mark_tour();
        CREATE TRIGGER loyalty_services AFTER INSERT OR DELETE OR UPDATE OF tour_id, price_minor
          ON tour_services FOR EACH ROW EXECUTE FUNCTION loyalty_mark_tour();
        CREATE TRIGGER loyalty_clients_deleted BEFORE UPDATE OF deleted_at ON clients FOR EACH ROW
          WHEN ((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)) EXECUTE FUNCTION loyalty_mark_client_tours();
        CREATE TRIGGER loyalty_clients_forgotten BEFORE DELETE ON clients FOR EACH ROW
          EXECUTE FUNCTION loyalty_mark_client_tours();
        INSERT INTO loyalty_stale_tours SELECT id FROM tours;
      `);
    },
  },
  {
    // Issue 15: each open of the Loyalty screen grouped 940k trips into 165k summaries (7 s at
    // 200,000 clients). loyalty_client_figures keeps each client's summary for the default plan on
    // one day, recomputed by loyalty-trips.ts for the clients the triggers (tours as before, feedback
    // and referrals now) marked stale, and rebuilt in chunks when the day changes. The migration-16
    // triggers are created again because bases made before their NOT EXISTS fix still held the
    // INSERT OR IGNORE ones. Nothing is computed here: the first refresh builds the figures.
    name: 'loyalty client figures',
    up: (db) => {
      db.exec(LOYALTY_FIGURES_TABLES);
      db.exec(LOYALTY_SQLITE_TRIGGERS_17);
    },
    postgres: async (client) => {
      for (const statement of postgresStatements(LOYALTY_FIGURES_TABLES)) await client.query(statement);
      // DO UPDATE instead of DO NOTHING: the no-op update locks the stale mark until the writer
      // commits, so a refresh that takes the marks waits for it and then reads what it wrote.
      await client.query(`
        CREATE OR REPLACE FUNCTION loyalty_mark_tour() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'tours' THEN
            IF TG_OP <> 'DELETE' THEN INSERT INTO loyalty_stale_tours VALUES (NEW.id)
              ON CONFLICT (tour_id) DO UPDATE SET tour_id = EXCLUDED.tour_id; END IF;
            IF TG_OP <> 'INSERT' THEN INSERT INTO loyalty_stale_tours VALUES (OLD.id)
              ON CONFLICT (tour_id) DO UPDATE SET tour_id = EXCLUDED.tour_id; END IF;
          ELSE
            IF TG_OP <> 'DELETE' THEN INSERT INTO loyalty_stale_tours VALUES (NEW.tour_id)
              ON CONFLICT (tour_id) DO UPDATE SET tour_id = EXCLUDED.tour_id; END IF;
            IF TG_OP <> 'INSERT' THEN INSERT INTO loyalty_stale_tours VALUES (OLD.tour_id)
              ON CONFLICT (tour_id) DO UPDATE SET tour_id = EXCLUDED.tour_id; END IF;
          END IF;
          RETURN NULL;
        END $$;
        CREATE OR REPLACE FUNCTION loyalty_mark_client_tours() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO loyalty_stale_tours SELECT tour_id FROM tourists WHERE client_id = OLD.id
            UNION SELECT id FROM tours WHERE payer_client_id = OLD.id
            ON CONFLICT (tour_id) DO UPDATE SET tour_id = EXCLUDED.tour_id;
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          RETURN NEW;
        END $$;
        CREATE FUNCTION loyalty_mark_client() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_TABLE_NAME = 'feedback' THEN
            IF TG_OP <> 'DELETE' THEN INSERT INTO loyalty_stale_clients VALUES (NEW.client_id)
              ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id; END IF;
            IF TG_OP <> 'INSERT' THEN INSERT INTO loyalty_stale_clients VALUES (OLD.client_id)
              ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id; END IF;
          ELSE
            IF TG_OP <> 'DELETE' THEN INSERT INTO loyalty_stale_clients VALUES (NEW.referrer_id)
              ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id; END IF;
            IF TG_OP <> 'INSERT' THEN INSERT INTO loyalty_stale_clients VALUES (OLD.referrer_id)
              ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id; END IF;
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER loyalty_feedback AFTER INSERT OR DELETE OR UPDATE OF client_id, score, received_on
          ON feedback FOR EACH ROW EXECUTE FUNCTION loyalty_mark_client();
        CREATE TRIGGER loyalty_referrals AFTER INSERT OR DELETE OR UPDATE OF client_id, referrer_id
          ON client_referrals FOR EACH ROW EXECUTE FUNCTION loyalty_mark_client();
      `);
    },
  },
  {
    // Issue 14: a surname search pages and counts by a range of client_search_keys filtered on
    // prev_lcp. On SQLite the table is its key (WITHOUT ROWID), so both are index-only; on a server
    // every matching key was read again from the table for prev_lcp (a bitmap heap scan, 3-7x
    // SQLite). The key carries prev_lcp now, so the server's search is index-only too.
    name: 'search keys cover prev_lcp on a server',
    up: () => undefined,
    postgres: async (client) => {
      await client.query(`ALTER TABLE client_search_keys DROP CONSTRAINT client_search_keys_pkey,
        ADD CONSTRAINT client_search_keys_pkey PRIMARY KEY (key, sort_name, client_id) INCLUDE (prev_lcp)`);
    },
  },
  {
    // Issue 14: wrong sign-ins were counted in memory, so restarting the app (or using another
    // computer of the office) started the guessing over. Kept by folded name, whether a clerk of
    // that name exists or not; times in ms since the epoch.
    name: 'sign-in failures',
    up: (db) => {
      db.exec(`
        CREATE TABLE sign_in_failures (
          name_key TEXT PRIMARY KEY,
          failures INTEGER NOT NULL,
          locked_until INTEGER NOT NULL,
          failed_at INTEGER NOT NULL
        );
        CREATE INDEX sign_in_failures_failed_at ON sign_in_failures (failed_at);
      `);
    },
  },
  {
    // Issue 16: the reference book is seeded once, so bases seeded before a wording correction keep
    // the old text on the questionnaire and the worksheet (the printed form reads the wording
    // module). Only a label still as shipped changes, only on the shipped Schengen forms: one the
    // clerk edited stays theirs. Nothing is read, so PostgreSQL replays the same UPDATEs.
    name: 'visa forms: corrected labels and checked wording',
    up: (db) => {
      relabelShippedSchengen(db, SCHENGEN_RELABELLED);
      for (const [key, en, fr] of SCHENGEN_NOW_CHECKED) {
        db.prepare(
          `UPDATE questionnaire_fields SET wording = 'checked'
            WHERE key = ? AND label_en = ? AND label_fr = ? AND ${SHIPPED_SCHENGEN_FORMS}`,
        ).run(key, en, fr);
      }
    },
  },
  {
    // Issue 15: the worklist's wide reasons (no trip lately, trip anniversaries) and a client's trips
    // group the tourists by client and join their tours: through tourists_client every row was read
    // again from the table for its tour_id (3.5 s for "no trip lately" on 1,000,000 tourists). With
    // the tour in the index those reads are index-only. It replaces tourists_client (its prefix).
    name: 'tourists by client and tour',
    up: (db) => {
      db.exec(`
        CREATE INDEX tourists_client_tour ON tourists (client_id, tour_id);
        DROP INDEX tourists_client;
      `);
    },
  },
  {
    // Issue 15: a counter the loyalty refresh bumps in the transaction that rewrites any kept
    // figures row, so a computed overview can be reused while it stands. Kept in the base, not in
    // memory: another clerk's refresh on a server, or a restored copy, changes it too.
    name: 'loyalty figures version',
    up: (db) => {
      db.exec('ALTER TABLE loyalty_figures_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0');
    },
  },
  {
    // Issue 16: a wording correction found after migration 20, brought to installed bases the same
    // way (a label the clerk edited stays theirs); UPDATEs only, so PostgreSQL replays them.
    name: 'visa forms: labels after consulate copies',
    up: (db) => {
      relabelShippedSchengen(db, SCHENGEN_RELABELLED_23);
      for (const [field, code, column, before, now] of SCHENGEN_OPTIONS_RELABELLED_23) {
        db.prepare(
          `UPDATE questionnaire_options SET ${column} = ? WHERE code = ? AND ${column} = ?
            AND field_id IN (SELECT id FROM questionnaire_fields WHERE key = ? AND ${SHIPPED_SCHENGEN_FORMS})`,
        ).run(now, code, before, field);
      }
    },
  },
  {
    // Issue 15: the worklist's "no trip lately" grouped every tourist with their tour on each read
    // (1.4 s on 1,000,000 tourists). client_trip_tally keeps each traveller's trip count and latest
    // start (repositories/loyalty-tally.ts), kept by triggers; an installed base is counted here.
    name: 'loyalty trip tally',
    up: (db) => {
      db.exec(TALLY_TABLE);
      db.exec(TALLY_SQLITE_TRIGGERS);
      db.exec(TALLY_BACKFILL);
    },
    postgres: async (client) => {
      for (const statement of postgresStatements(TALLY_TABLE)) await client.query(statement);
      await client.query(TALLY_POSTGRES_TRIGGERS);
      await client.query(TALLY_BACKFILL);
    },
  },
  {
    // Issue 15: the worklist's trip anniversaries matched the month and day of every past tour with
    // LIKE, a scan of the arrival dates (0.5 s on 393,609 tours); by month and day they are a few
    // index lookups. The expression is the candidates' query's, word for word, so both SQLs use it.
    name: 'tours by arrival month and day',
    up: (db) => {
      db.exec('CREATE INDEX tours_arrival_month_day ON tours (substr(arrival_date, 6, 5));');
    },
  },
  {
    // Issue 15: the NPS figures were counted on every open of the Loyalty screen (0.5 s at 200,000
    // clients), since a complaint's status or dates mark no client stale. A counter bumped by any
    // change of their inputs (loyalty-feedback-version.ts) lets an open reuse them while it stands.
    name: 'loyalty feedback version',
    up: (db) => {
      db.exec(FEEDBACK_VERSION_COLUMN);
      db.exec(FEEDBACK_VERSION_SQLITE_TRIGGERS);
    },
    postgres: async (client) => {
      await client.query(FEEDBACK_VERSION_COLUMN);
      await client.query(FEEDBACK_VERSION_POSTGRES_TRIGGERS);
    },
  },
  {
    // Issue 15: the Loyalty screen's counted figures kept in the base (loyalty-kept-counts.ts), so a
    // fresh backend reuses them while their inputs' counters stand (a first open counted 200,000
    // clients again: 2 s). A new, empty table: nothing to backfill, it only means "count".
    name: 'loyalty kept counts',
    up: (db) => {
      db.exec(KEPT_COUNTS_TABLE);
    },
  },
  {
    // Issue 16: a claim withdrawn, not a text changed: field 9 was called checked although not all
    // its French options were seen (docs/forms/wording.md). Only the state, only on the shipped
    // Schengen forms, whoever typed the texts; an UPDATE only, so PostgreSQL replays it.
    name: 'visa forms: field 9 not checked',
    up: (db) => {
      db.prepare(
        `UPDATE questionnaire_fields SET wording = 'unverified'
          WHERE wording = 'checked' AND key IN (?, ?) AND ${SHIPPED_SCHENGEN_FORMS}`,
      ).run(...SCHENGEN_NO_LONGER_CHECKED);
    },
  },
  {
    // Issue 15: "a year ago" on the Loyalty screen grouped a million trips on each open (4.4 s at
    // 200,000 clients). loyalty_client_figures_back keeps the default plan's rows for the day one
    // period back beside the day's (loyalty-figures-back.ts); the state's day emptied makes the next
    // refresh rebuild both (the backfill, in the background); an UPDATE, so PostgreSQL replays it.
    name: 'loyalty figures a period back',
    up: (db) => {
      db.exec(FIGURES_BACK_TABLE);
      db.exec(FIGURES_REBUILD);
    },
  },
];

if (migrations.length !== LATEST_SCHEMA_VERSION) {
  throw new Error(
    `schema-version.ts says ${LATEST_SCHEMA_VERSION} but there are ${migrations.length} migrations: make them agree`,
  );
}
export { LATEST_SCHEMA_VERSION };

function recomputeSearchKeys(db: BetterSqlite3.Database): void {
  const clients = db
    .prepare(
      'SELECT id, last_name_ru, first_name_ru, middle_name_ru, last_name_lat, first_name_lat FROM clients WHERE deleted_at IS NULL',
    )
    .all() as {
    id: number;
    last_name_ru: string;
    first_name_ru: string;
    middle_name_ru: string;
    last_name_lat: string;
    first_name_lat: string;
  }[];
  const documentNames = db.prepare('SELECT last_name_lat FROM documents WHERE client_id = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO client_search_keys (key, sort_name, client_id, prev_lcp) VALUES (?, ?, ?, ?)',
  );
  db.exec('DELETE FROM client_search_keys');
  for (const c of clients) {
    const names = {
      lastNameRu: c.last_name_ru,
      firstNameRu: c.first_name_ru,
      middleNameRu: c.middle_name_ru,
      lastNameLat: c.last_name_lat,
      firstNameLat: c.first_name_lat,
      documents: (documentNames.all(c.id) as string[]).map((lastNameLat) => ({ lastNameLat })),
    };
    for (const row of searchKeyRows(c.id, sortNamesOf(names).sortName, searchKeysOf(names))) {
      insert.run(row.key, row.sort_name, row.client_id, row.prev_lcp);
    }
  }
}

/**
 * Destinations the agency starts with, and how long a passport must stay valid after the return
 * (Schengen: 3 months; most others: 6). Editable later; never changed by a migration again.
 */
const SEED_COUNTRIES: readonly (readonly [string, string, string, number])[] = [
  ['AUT', 'Австрия', 'Austria', 3],
  ['BEL', 'Бельгия', 'Belgium', 3],
  ['CHE', 'Швейцария', 'Switzerland', 3],
  ['CYP', 'Кипр', 'Cyprus', 3],
  ['CZE', 'Чехия', 'Czechia', 3],
  ['DEU', 'Германия', 'Germany', 3],
  ['ESP', 'Испания', 'Spain', 3],
  ['FIN', 'Финляндия', 'Finland', 3],
  ['FRA', 'Франция', 'France', 3],
  ['GRC', 'Греция', 'Greece', 3],
  ['HUN', 'Венгрия', 'Hungary', 3],
  ['ITA', 'Италия', 'Italy', 3],
  ['NLD', 'Нидерланды', 'Netherlands', 3],
  ['PRT', 'Португалия', 'Portugal', 3],
  ['ARE', 'ОАЭ', 'United Arab Emirates', 6],
  ['CHN', 'Китай', 'China', 6],
  ['CUB', 'Куба', 'Cuba', 6],
  ['EGY', 'Египет', 'Egypt', 6],
  ['GEO', 'Грузия', 'Georgia', 0],
  ['IDN', 'Индонезия', 'Indonesia', 6],
  ['IND', 'Индия', 'India', 6],
  ['JPN', 'Япония', 'Japan', 6],
  ['LKA', 'Шри-Ланка', 'Sri Lanka', 6],
  ['MDV', 'Мальдивы', 'Maldives', 6],
  ['MNE', 'Черногория', 'Montenegro', 3],
  ['THA', 'Таиланд', 'Thailand', 6],
  ['TUN', 'Тунис', 'Tunisia', 6],
  ['TUR', 'Турция', 'Turkey', 4],
  ['VNM', 'Вьетнам', 'Vietnam', 6],
  ['RUS', 'Россия', 'Russia', 0],
];
