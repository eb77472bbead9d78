import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open-database';
import { openPostgres } from '../../electron/backend/db/open-postgres';
import { SCHENGEN_TEXT } from '../../shared/questionnaire/schengen-wording';
import { testDialect } from '../helpers/temp-backend';
import { testPgServer } from '../helpers/pg-server';

/**
 * Issue 16: migration 20 brings field 31's corrected French to bases seeded before it. The base is
 * built at schema 19 and upgraded by the app's own path, the file's (openDatabase) or the server's
 * (openPostgres, which replays the recorded UPDATE), so later migrations run on top as in the field.
 */

const OLD = "Numéro de téléphone de l'entreprise/l'organisation";
const NEW = SCHENGEN_TEXT.companyPhone.fr;
const CLERK_EDIT = 'Téléphone de la société';
const BEFORE = 19;

/** As session 7's seed left a base: the shipped forms with the old text (2020 only in bases seeded
 * by version 1), a label the clerk retyped, and a form of the clerk's own with the old text. */
const SEEDED_BEFORE = [
  ['schengen_2019', OLD],
  ['schengen_2020', OLD],
  ['schengen_2023', CLERK_EDIT],
  ['agency_form', OLD],
].flatMap(([form, labelFr], i) => [
  `INSERT INTO questionnaire_forms (id, key, name_ru, name_en, name_fr) VALUES (${i + 1}, '${form}', 'Ш', 'S', 'S')`,
  `INSERT INTO questionnaire_fields (form_id, position, number, key, label_ru, label_en, label_fr, type, translation)
     VALUES (${i + 1}, 1, '31', 'company_phone', 'Номер телефона компании / организации',
       'Telephone no. of company/organisation', '${labelFr!.replace(/'/g, "''")}', 'text', 'copy')`,
  `INSERT INTO questionnaire_fields (form_id, position, number, key, label_ru, label_en, label_fr, type, translation)
     VALUES (${i + 1}, 2, '31', 'company_contact', 'Контакт', 'Contact', '${OLD.replace(/'/g, "''")}', 'text', 'copy')`,
]);

const READ_BACK = `SELECT q.key AS form, f.key AS field, f.label_fr, f.label_en, f.label_ru
  FROM questionnaire_fields f JOIN questionnaire_forms q ON q.id = f.form_id ORDER BY q.key, f.key`;

interface Row {
  form: string;
  field: string;
  label_fr: string;
  label_en: string;
  label_ru: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function upgradedOnSqlite(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-wording-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'db.sqlite');
  const old = await openDatabase(path, { migrations: migrations.slice(0, BEFORE) });
  expect(old.schemaVersion).toBe(BEFORE);
  old.db.transaction(() => {
    for (const statement of SEEDED_BEFORE) old.db.exec(statement);
  })();
  old.db.close();
  const upgraded = await openDatabase(path);
  try {
    return upgraded.db.prepare(READ_BACK).all() as Row[];
  } finally {
    upgraded.db.close();
  }
}

async function upgradedOnServer(): Promise<Row[]> {
  const server = await testPgServer();
  const connection = { connectionString: await server.createDatabase('wording') };
  cleanups.push(() => server.dropDatabase(connection.connectionString));
  const old = await openPostgres(connection, { migrations: migrations.slice(0, BEFORE), poolSize: 1 });
  try {
    for (const statement of SEEDED_BEFORE) await old.pool.query(statement);
  } finally {
    await old.db.destroy();
  }
  const upgraded = await openPostgres(connection, { poolSize: 1 });
  try {
    expect(upgraded.foundVersion).toBe(BEFORE);
    return (await upgraded.pool.query<Row>(READ_BACK)).rows;
  } finally {
    await upgraded.db.destroy();
  }
}

describe('migration 20: the company telephone label in French', () => {
  it(`on ${testDialect}: changes the shipped forms’ untouched label, leaves the clerk’s edits, own forms and other fields alone`, async () => {
    expect(NEW).toBe("N° de téléphone de l'entreprise/l'organisation");
    const rows = testDialect === 'postgres' ? await upgradedOnServer() : await upgradedOnSqlite();
    expect(rows.map((r) => [r.form, r.field, r.label_fr])).toEqual([
      ['agency_form', 'company_contact', OLD],
      ['agency_form', 'company_phone', OLD],
      ['schengen_2019', 'company_contact', OLD],
      ['schengen_2019', 'company_phone', NEW],
      ['schengen_2020', 'company_contact', OLD],
      ['schengen_2020', 'company_phone', NEW],
      ['schengen_2023', 'company_contact', OLD],
      ['schengen_2023', 'company_phone', CLERK_EDIT],
    ]);
    const phones = rows.filter((r) => r.field === 'company_phone');
    expect(new Set(phones.map((r) => `${r.label_en}|${r.label_ru}`))).toEqual(
      new Set(['Telephone no. of company/organisation|Номер телефона компании / организации']),
    );
  });
});
