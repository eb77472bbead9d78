import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { dialectOf } from './db/dialect';
import type { Database } from './db/schema';
import type { ReferenceBooksRepository } from './repositories/reference-books';
import {
  dictionaryEntryInputSchema,
  formDefinitionSchema,
  type FormDefinition,
} from '../../shared/questionnaire/reference';
import { schemaOnce } from '../../shared/domain/schema-once';

// About 190 KB of object literals that every start would parse; most starts find them seeded.
const shippedData = () => import('./reference-seed-data');

const SEEDED_SETTING = 'referenceBooks.seededVersion';
/** pg_advisory_xact_lock key of the seeding: two apps starting at once on a new server seed once. */
const SEED_LOCK = 1_404_115;
/** Raise when the shipped reference data gains something an existing database should receive. */
const SHIPPED_VERSION = 2;
/** The one Schengen form version 1 shipped (Regulation 2019/1155 with the old costs field). */
const FIRST_SCHENGEN_FORM = 'schengen_2020';

const countrySettingsSchema = schemaOnce(() =>
  z.array(
    z.object({
      code: z.string(),
      nameFr: z.string(),
      language: z.enum(['ru', 'en', 'fr']),
      form: z.string().nullable(),
      appliesOnline: z.boolean(),
    }),
  ),
);

type CountrySettings = z.infer<ReturnType<typeof countrySettingsSchema>>;

async function formIdsByKey(trx: Transaction<Database>): Promise<Map<string, number>> {
  const rows = await trx.selectFrom('questionnaire_forms').select(['id', 'key']).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** A new base: every shipped form, the dictionary, and the countries' names, languages and forms. */
async function seedFresh(
  trx: Transaction<Database>,
  books: ReferenceBooksRepository,
  forms: readonly FormDefinition[],
  settings: CountrySettings,
  dictionary: unknown,
): Promise<void> {
  for (const form of forms) await books.writeFormDefinition(trx, form);
  await books.importDictionary(z.array(dictionaryEntryInputSchema()).parse(dictionary), trx);
  const ids = await formIdsByKey(trx);
  for (const c of settings) {
    await trx
      .updateTable('countries')
      .set({
        name_fr: c.nameFr,
        questionnaire_language: c.language,
        form_id: c.form === null ? null : (ids.get(c.form) ?? null),
        applies_online: c.appliesOnline ? 1 : 0,
      })
      .where('code', '=', c.code)
      .execute();
  }
}

/**
 * Version 1 to 2: the two Schengen form versions and the official layouts arrive without touching
 * what the clerk made. A form whose key exists is left as it is; a country moves to its version only
 * while it still uses the form version 1 shipped; "applies online" is new, so it is set.
 */
async function upgradeFromFirst(
  trx: Transaction<Database>,
  books: ReferenceBooksRepository,
  forms: readonly FormDefinition[],
  settings: CountrySettings,
): Promise<void> {
  const existing = await formIdsByKey(trx);
  for (const form of forms) if (!existing.has(form.key)) await books.writeFormDefinition(trx, form);
  await trx
    .updateTable('questionnaire_forms')
    .set({ layout: 'japan' })
    .where('key', '=', 'japan')
    .where('layout', '=', 'worksheet')
    .execute();
  const ids = await formIdsByKey(trx);
  const first = ids.get(FIRST_SCHENGEN_FORM);
  for (const c of settings) {
    await trx
      .updateTable('countries')
      .set({ applies_online: c.appliesOnline ? 1 : 0 })
      .where('code', '=', c.code)
      .execute();
    const target = c.form === null ? undefined : ids.get(c.form);
    if (first === undefined || target === undefined || c.form === FIRST_SCHENGEN_FORM) continue;
    await trx
      .updateTable('countries')
      .set({ form_id: target })
      .where('code', '=', c.code)
      .where('form_id', '=', first)
      .execute();
  }
}

/**
 * Writes the shipped forms, dictionary and the countries' French names, questionnaire languages and
 * forms, once per database (and again only when SHIPPED_VERSION grows), in one transaction.
 * The clerk's later edits are never overwritten by a restart.
 */
export async function seedReferenceBooks(
  db: Kysely<Database>,
  books: ReferenceBooksRepository,
): Promise<void> {
  if ((await seededVersion(db)) >= SHIPPED_VERSION) return;
  const shipped = await shippedData();
  const forms = shipped.shippedForms.map((f) => formDefinitionSchema().parse(f));
  const settings = countrySettingsSchema().parse(shipped.shippedCountries);
  await db.transaction().execute(async (trx) => {
    // Another app of the office may have seeded since the read above: asked again under the lock.
    if (dialectOf(trx) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const version = await seededVersion(trx);
    if (version >= SHIPPED_VERSION) return;
    if (version === 0) await seedFresh(trx, books, forms, settings, shipped.shippedDictionary);
    else await upgradeFromFirst(trx, books, forms, settings);
    const value = String(SHIPPED_VERSION);
    await trx
      .insertInto('settings')
      .values({ key: SEEDED_SETTING, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  });
}

async function seededVersion(db: Kysely<Database>): Promise<number> {
  const seeded = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SEEDED_SETTING)
    .executeTakeFirst();
  return seeded ? Number(seeded.value) : 0;
}
