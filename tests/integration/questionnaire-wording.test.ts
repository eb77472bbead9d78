import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open-database';
import { openPostgres } from '../../electron/backend/db/open-postgres';
import schengen2019 from '../../resources/questionnaires/schengen-2019.json';
import schengen2023 from '../../resources/questionnaires/schengen-2023.json';
import { testDialect } from '../helpers/temp-backend';
import { testPgServer } from '../helpers/pg-server';

/**
 * Issue 16: migrations 20 and 23 bring the corrected labels (and 23 the corrected option labels)
 * and the newly checked wording to bases whose reference book was seeded before; 28 withdraws field
 * 9's checked state. A base is built at schema 19 holding the books as they were
 * shipped then, upgraded by the app's own path, the file's (openDatabase) or the server's
 * (openPostgres, which replays the recorded UPDATEs), and compared with the books shipped now.
 */

const BEFORE = 19;

/** What the shipped books said before the corrections, by field and language (this test's own copy). */
const SEEDED_TEXT: Record<string, { en?: string; fr?: string }> = {
  company_phone: { fr: "Numéro de téléphone de l'entreprise/l'organisation" },
  host_name: {
    fr: "Nom et prénom de la ou des personnes qui invitent dans l'État membre ou les États membres. À défaut, nom d'un ou des hôtels ou lieux d'hébergement temporaire dans l'État membre ou les États membres",
  },
  host_address: {
    fr: "Adresse et adresse électronique de la ou des personnes qui invitent/du ou des hôtels/du ou des lieux d'hébergement temporaire",
  },
  filler_name: {
    fr: "Nom et prénom de la personne qui remplit le formulaire de demande, si ce n'est pas le demandeur",
  },
  filler_address: { en: 'Address and e-mail address of person filling in the application form' },
  // Migration 23.
  employer: {
    fr: "Nom, adresse et numéro de téléphone de l'employeur. Pour les étudiants, nom et adresse de l'établissement d'enseignement",
  },
  eu_family_relationship: {
    en: 'Family relationship with an EU, EEA or CH citizen or with a UK national who is a Withdrawal Agreement beneficiary, if applicable',
    fr: "Lien de parenté avec un ressortissant de l'UE, de l'EEE ou de la Confédération suisse ou avec un ressortissant du Royaume-Uni bénéficiaire de l'accord de retrait, le cas échéant",
  },
};
/** Option labels as shipped before migration 23, by field/option code and language. */
const SEEDED_OPTION: Record<string, { en?: string; fr?: string }> = {
  'civil_status/widowed': { fr: 'Veuf (veuve)' },
  'purpose/family_friends': { fr: 'Visite familiale ou amicale' },
  'cost_applicant_means/prepaid_accommodation': { en: 'Prepaid accommodation' },
  'cost_applicant_means/prepaid_transport': { en: 'Prepaid transport' },
  'cost_sponsor_means/prepaid_transport': { en: 'Prepaid transport' },
};
const SEEDED_UNVERIFIED = new Set([
  'travel_document_number',
  'travel_document_issue_date',
  'travel_document_valid_until',
  'occupation',
  'purpose_details',
  'arrival_date',
  'departure_date',
]);
/** Shipped as checked, now unverified (migration 28). */
const SEEDED_CHECKED = new Set(['civil_status', 'civil_status_other']);
const CLERK_PHONE = 'Téléphone de la société';
const CLERK_OCCUPATION = 'Occupation (now)';
const CLERK_EMPLOYER = "Employeur (nom, adresse, téléphone). Pour les étudiants, l'école";
const CLERK_FAMILY_VISIT = 'Visite de proches';

interface ShippedField {
  number: string;
  key: string;
  label: { ru: string; en: string; fr: string };
  type: string;
  translation: string;
  binding: string | null;
  required: boolean;
  familyExempt?: boolean;
  wording?: string;
  options: ShippedOption[];
}
interface ShippedOption {
  code: string;
  label: { ru: string; en: string; fr: string };
  isDefault: boolean;
}
interface OptionRow {
  form: string;
  field: string;
  code: string;
  label_en: string;
  label_fr: string;
}
interface Row {
  form: string;
  field: string;
  label_en: string;
  label_fr: string;
  wording: string;
}

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

function insertField(formId: number, position: number, f: ShippedField): string {
  const values = [
    String(formId),
    String(position),
    sqlText(f.number),
    sqlText(f.key),
    sqlText(f.label.ru),
    sqlText(f.label.en),
    sqlText(f.label.fr),
    sqlText(f.type),
    sqlText(f.translation),
    f.binding === null ? 'NULL' : sqlText(f.binding),
    f.required ? '1' : '0',
    f.familyExempt ? '1' : '0',
    sqlText(f.wording ?? 'unverified'),
  ];
  return `INSERT INTO questionnaire_fields (form_id, position, number, key, label_ru, label_en, label_fr,
    type, translation, binding, required, family_exempt, wording) VALUES (${values.join(', ')})`;
}

function insertOptions(formId: number, f: ShippedField): string[] {
  return f.options.map(
    (
      o,
      position,
    ) => `INSERT INTO questionnaire_options (field_id, position, code, label_ru, label_en, label_fr, is_default)
      VALUES ((SELECT id FROM questionnaire_fields WHERE form_id = ${formId} AND key = ${sqlText(f.key)}),
        ${position}, ${sqlText(o.code)}, ${sqlText(o.label.ru)}, ${sqlText(o.label.en)}, ${sqlText(o.label.fr)},
        ${o.isDefault ? 1 : 0})`,
  );
}

/** A shipped field as the book said it when those bases were seeded. */
function seeded(f: ShippedField): ShippedField {
  const old = SEEDED_TEXT[f.key] ?? {};
  return {
    ...f,
    label: { ...f.label, en: old.en ?? f.label.en, fr: old.fr ?? f.label.fr },
    wording: SEEDED_UNVERIFIED.has(f.key) ? 'unverified' : SEEDED_CHECKED.has(f.key) ? 'checked' : f.wording,
    options: f.options.map((o) => {
      const old = SEEDED_OPTION[`${f.key}/${o.code}`] ?? {};
      return { ...o, label: { ...o.label, en: old.en ?? o.label.en, fr: old.fr ?? o.label.fr } };
    }),
  };
}

const fields2019 = schengen2019.fields as ShippedField[];
const fields2023 = schengen2023.fields as ShippedField[];
const byKey = (list: ShippedField[], key: string) => list.find((f) => f.key === key)!;

/** The fields version 1's form and an agency's own form of the test hold. */
const AGENCY_FIELDS = [
  'company_phone',
  'occupation',
  'employer',
  'civil_status',
  'purpose',
  'cost_sponsor_means',
];

function clerkFamilyVisit(o: ShippedOption): ShippedOption {
  return o.code === 'family_friends' ? { ...o, label: { ...o.label, fr: CLERK_FAMILY_VISIT } } : o;
}

/** The base before: both books as seeded, the clerk's two edits, version 1's form, a form of the clerk's own. */
function seededBase(): string[] {
  const forms: [string, ShippedField[]][] = [
    ['schengen_2019', fields2019.map(seeded)],
    [
      'schengen_2023',
      fields2023.map(seeded).map((f) => {
        if (f.key === 'company_phone') return { ...f, label: { ...f.label, fr: CLERK_PHONE } };
        if (f.key === 'occupation') return { ...f, label: { ...f.label, en: CLERK_OCCUPATION } };
        if (f.key === 'employer') return { ...f, label: { ...f.label, fr: CLERK_EMPLOYER } };
        if (f.key === 'purpose') return { ...f, options: f.options.map(clerkFamilyVisit) };
        return f;
      }),
    ],
    // Version 1 wrote no wording states.
    [
      'schengen_2020',
      AGENCY_FIELDS.map((k) => ({
        ...seeded(byKey(fields2019, k)),
        wording: 'unverified',
      })),
    ],
    ['agency_form', AGENCY_FIELDS.map((k) => seeded(byKey(fields2019, k)))],
  ];
  return forms.flatMap(([key, list], i) => [
    `INSERT INTO questionnaire_forms (id, key, name_ru, name_en, name_fr) VALUES (${i + 1}, ${sqlText(key)}, 'Ш', 'S', 'S')`,
    ...list.flatMap((f, position) => [insertField(i + 1, position, f), ...insertOptions(i + 1, f)]),
  ]);
}

const READ_BACK = `SELECT q.key AS form, f.key AS field, f.label_en, f.label_fr, f.wording
  FROM questionnaire_fields f JOIN questionnaire_forms q ON q.id = f.form_id ORDER BY q.key, f.position`;
const READ_OPTIONS = `SELECT q.key AS form, f.key AS field, o.code, o.label_en, o.label_fr
  FROM questionnaire_options o JOIN questionnaire_fields f ON f.id = o.field_id
  JOIN questionnaire_forms q ON q.id = f.form_id ORDER BY q.key, f.position, o.position`;

interface Upgraded {
  fields: Row[];
  options: OptionRow[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function upgradedOnSqlite(): Promise<Upgraded> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-wording-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'db.sqlite');
  const old = await openDatabase(path, { migrations: migrations.slice(0, BEFORE) });
  expect(old.schemaVersion).toBe(BEFORE);
  old.db.transaction(() => {
    for (const statement of seededBase()) old.db.exec(statement);
  })();
  old.db.close();
  const upgraded = await openDatabase(path);
  try {
    return {
      fields: upgraded.db.prepare(READ_BACK).all() as Row[],
      options: upgraded.db.prepare(READ_OPTIONS).all() as OptionRow[],
    };
  } finally {
    upgraded.db.close();
  }
}

async function upgradedOnServer(): Promise<Upgraded> {
  const server = await testPgServer();
  const connection = { connectionString: await server.createDatabase('wording') };
  cleanups.push(() => server.dropDatabase(connection.connectionString));
  const old = await openPostgres(connection, { migrations: migrations.slice(0, BEFORE), poolSize: 1 });
  try {
    for (const statement of seededBase()) await old.pool.query(statement);
  } finally {
    await old.db.destroy();
  }
  const upgraded = await openPostgres(connection, { poolSize: 1 });
  try {
    expect(upgraded.foundVersion).toBe(BEFORE);
    return {
      fields: (await upgraded.pool.query<Row>(READ_BACK)).rows,
      options: (await upgraded.pool.query<OptionRow>(READ_OPTIONS)).rows,
    };
  } finally {
    await upgraded.db.destroy();
  }
}

const shipped = (form: string, f: ShippedField): Row => ({
  form,
  field: f.key,
  label_en: f.label.en,
  label_fr: f.label.fr,
  wording: f.wording ?? 'unverified',
});

describe('migrations 20, 23 and 28: corrected labels and wording states for bases seeded before', () => {
  it(`on ${testDialect}: an untouched field becomes what the book ships now; the clerk’s edits and own forms stay`, async () => {
    const upgraded = testDialect === 'postgres' ? await upgradedOnServer() : await upgradedOnSqlite();
    const rows = upgraded.fields;
    const of = (form: string) => rows.filter((r) => r.form === form);
    expect(of('schengen_2019')).toEqual(fields2019.map((f) => shipped('schengen_2019', f)));
    expect(of('schengen_2023')).toEqual(
      fields2023.map((f) => {
        const row = shipped('schengen_2023', f);
        if (f.key === 'company_phone') return { ...row, label_fr: CLERK_PHONE };
        // Retyped by the clerk: neither relabelled nor called checked.
        if (f.key === 'occupation') return { ...row, label_en: CLERK_OCCUPATION, wording: 'unverified' };
        if (f.key === 'employer') return { ...row, label_fr: CLERK_EMPLOYER };
        return row;
      }),
    );
    expect(of('schengen_2020')).toEqual(
      AGENCY_FIELDS.map((k) => {
        const row = shipped('schengen_2020', byKey(fields2019, k));
        // Checked before migration 20 and not among its fields: version 1's state stays.
        return k === 'civil_status' ? { ...row, wording: 'unverified' } : row;
      }),
    );
    expect(of('agency_form')).toEqual(
      AGENCY_FIELDS.map((k) => ({
        ...shipped('agency_form', seeded(byKey(fields2019, k))),
      })),
    );

    const optionsOf = (form: string) => upgraded.options.filter((r) => r.form === form);
    const optionRows = (form: string, list: ShippedField[]): OptionRow[] =>
      list.flatMap((f) =>
        f.options.map((o) => ({
          form,
          field: f.key,
          code: o.code,
          label_en: o.label.en,
          label_fr: o.label.fr,
        })),
      );
    expect(optionsOf('schengen_2019')).toEqual(optionRows('schengen_2019', fields2019));
    expect(optionsOf('schengen_2023')).toEqual(
      optionRows(
        'schengen_2023',
        fields2023.map((f) => (f.key === 'purpose' ? { ...f, options: f.options.map(clerkFamilyVisit) } : f)),
      ),
    );
    expect(optionsOf('schengen_2020')).toEqual(
      optionRows(
        'schengen_2020',
        AGENCY_FIELDS.map((k) => byKey(fields2019, k)),
      ),
    );
    expect(optionsOf('agency_form')).toEqual(
      optionRows(
        'agency_form',
        AGENCY_FIELDS.map((k) => seeded(byKey(fields2019, k))),
      ),
    );
  });
});
