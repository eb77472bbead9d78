import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './db/schema';
import type { ReferenceBooksRepository } from './repositories/reference-books';
import { dictionaryEntryInputSchema, formDefinitionSchema } from '../../shared/questionnaire/reference';
import schengen from '../../resources/questionnaires/schengen-2020.json';
import japan from '../../resources/questionnaires/japan.json';
import dictionary from '../../resources/questionnaires/dictionary.json';
import countries from '../../resources/questionnaires/countries.json';

const SEEDED_SETTING = 'referenceBooks.seededVersion';
/** Raise when the shipped reference data gains something an existing database should receive. */
const SHIPPED_VERSION = 1;

const countrySettingsSchema = z.array(
  z.object({
    code: z.string(),
    nameFr: z.string(),
    language: z.enum(['ru', 'en', 'fr']),
    form: z.string().nullable(),
  }),
);

/**
 * Writes the shipped forms, dictionary and the countries' French names, questionnaire languages and
 * forms, once per database (and again only when SHIPPED_VERSION grows), in one transaction.
 * The clerk's later edits are never overwritten by a restart.
 */
export async function seedReferenceBooks(
  db: Kysely<Database>,
  books: ReferenceBooksRepository,
): Promise<void> {
  const seeded = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SEEDED_SETTING)
    .executeTakeFirst();
  if (seeded && Number(seeded.value) >= SHIPPED_VERSION) return;
  const forms = [schengen, japan].map((f) => formDefinitionSchema.parse(f));
  const entries = z.array(dictionaryEntryInputSchema).parse(dictionary);
  const settings = countrySettingsSchema.parse(countries);
  await db.transaction().execute(async (trx) => {
    const formIds = new Map<string, number>();
    for (const form of forms) formIds.set(form.key, await books.writeFormDefinition(trx, form));
    await books.importDictionary(entries, trx);
    for (const c of settings) {
      await trx
        .updateTable('countries')
        .set({
          name_fr: c.nameFr,
          questionnaire_language: c.language,
          form_id: c.form === null ? null : (formIds.get(c.form) ?? null),
        })
        .where('code', '=', c.code)
        .execute();
    }
    const value = String(SHIPPED_VERSION);
    await trx
      .insertInto('settings')
      .values({ key: SEEDED_SETTING, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  });
}
