import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { timestamp } from '../../../shared/domain/clock';
import type { RepositoryContext } from '../context';
import { cursorScope, decodeCursor, encodeCursor, rowAfter } from '../db/keyset';
import type { AuditEntry } from '../history/audit';
import type { Country } from '../../../shared/domain/tour';
import { AppError } from '../../../shared/api/envelope';
import type { ValidationCode } from '../../../shared/domain/client-validation';
import type {
  DictionaryRow,
  FieldInput,
  FormField,
  FormSummary,
  QuestionnaireForm,
} from '../../../shared/questionnaire/model';
import type {
  DictionaryEntryInput,
  FieldBinding,
  FormDefinition,
  Labels,
} from '../../../shared/questionnaire/reference';
import { createDictionary, dictionaryKey, type Dictionary } from '../../../shared/questionnaire/translate';
import type { Database, QuestionnaireFieldsTable, QuestionnaireOptionsTable } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

function invalid(path: string, code: ValidationCode, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, code }]);
}

/** An edit of a row that is gone is answered NOT_FOUND before any check that compares it with others. */
async function mustExist(
  db: Db,
  table: 'questionnaire_forms' | 'dictionary_entries',
  id: number,
  what: string,
): Promise<void> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `${what} ${id}`);
}

const labelsOf = (r: { name_ru: string; name_en: string; name_fr: string }): Labels => ({
  ru: r.name_ru,
  en: r.name_en,
  fr: r.name_fr,
});

function toField(
  r: Selectable<QuestionnaireFieldsTable>,
  options: Selectable<QuestionnaireOptionsTable>[],
): FormField {
  return {
    id: r.id,
    position: r.position,
    number: r.number,
    key: r.key,
    label: { ru: r.label_ru, en: r.label_en, fr: r.label_fr },
    type: r.type,
    translation: r.translation,
    binding: r.binding as FieldBinding | null,
    required: r.required === 1,
    familyExempt: r.family_exempt === 1,
    wording: r.wording,
    options: options.map((o) => ({
      code: o.code,
      label: { ru: o.label_ru, en: o.label_en, fr: o.label_fr },
      isDefault: o.is_default === 1,
    })),
  };
}

type CountryRecord = Selectable<Database['countries']> & { form_key: string | null };

export function toCountry(r: CountryRecord): Country {
  return {
    code: r.code,
    nameRu: r.name_ru,
    nameEn: r.name_en,
    nameFr: r.name_fr,
    passportMarginMonths: r.passport_margin_months,
    questionnaireLanguage: r.questionnaire_language,
    formKey: r.form_key,
    appliesOnline: r.applies_online === 1,
  };
}

/** The forms' summaries: their field counts and countries, read for these forms only. */
export async function formSummaries(
  db: Db,
  forms: readonly Selectable<Database['questionnaire_forms']>[],
): Promise<FormSummary[]> {
  if (forms.length === 0) return [];
  const ids = forms.map((f) => f.id);
  const counts = await db
    .selectFrom('questionnaire_fields')
    .select(['form_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('form_id', 'in', ids)
    .groupBy('form_id')
    .execute();
  const countries = await db
    .selectFrom('countries')
    .select(['code', 'form_id'])
    .where('form_id', 'in', ids)
    .orderBy('code')
    .execute();
  return forms.map((f) => ({
    id: f.id,
    key: f.key,
    name: labelsOf(f),
    fieldCount: Number(counts.find((c) => c.form_id === f.id)?.n ?? 0),
    countries: countries.filter((c) => c.form_id === f.id).map((c) => c.code),
  }));
}

export interface DictionaryQuery {
  search: string;
  limit: number;
  offset: number;
  /** The `next` of the previous page: the page starts right after that word (keyset, see db/keyset.ts). */
  after: string | null;
  /** Whether to count the matches (the list asks once per search). */
  count: boolean;
}

/** R15: countries, questionnaire forms with their fields and options, and the translation dictionary. */
export class ReferenceBooksRepository {
  private readonly db: Kysely<Database>;

  constructor(private readonly ctx: RepositoryContext) {
    this.db = ctx.db;
  }

  /** Runs one write in a transaction with its audit line, so the line exists exactly when the change does. */
  private audited<T>(entry: (result: T) => AuditEntry, write: (db: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await write(trx);
      await this.ctx.audit.record(trx, entry(result));
      return result;
    });
  }

  saveForm(input: { id?: number | undefined; key: string; name: Labels }): Promise<FormSummary> {
    return this.audited(
      (form) => ({ entity: 'form', entityId: form.id, action: input.id === undefined ? 'create' : 'update' }),
      (db) => this.saveFormIn(db, input),
    );
  }

  deleteForm(id: number): Promise<{ id: number }> {
    return this.audited(
      () => ({ entity: 'form', entityId: id, action: 'delete' }),
      (db) => this.deleteFormIn(db, id),
    );
  }

  deleteField(id: number): Promise<QuestionnaireForm> {
    return this.audited(
      () => ({ entity: 'field', entityId: id, action: 'delete' }),
      (db) => this.deleteFieldIn(db, id),
    );
  }

  saveDictionaryEntry(
    input: DictionaryEntryInput & { id?: number | undefined; version?: number | undefined },
  ): Promise<DictionaryRow> {
    return this.audited(
      (row) => ({
        entity: 'dictionary',
        entityId: row.id,
        action: input.id === undefined ? 'create' : 'update',
        changes: { ru: row.ru },
      }),
      (db) => this.saveDictionaryEntryIn(db, input),
    );
  }

  /** A countries book file: every country saved in one transaction, or none. */
  importCountries(countries: readonly Country[]): Promise<{ saved: number }> {
    return this.audited(
      (result) => ({ entity: 'country', entityId: null, action: 'import', changes: result }),
      async (trx) => {
        for (const country of countries) await this.saveCountryIn(country, trx);
        return { saved: countries.length };
      },
    );
  }

  /** Saves a country edited by the clerk (the seed and a book import write through saveCountryIn). */
  saveCountry(country: Country): Promise<Country> {
    return this.audited(
      () => ({ entity: 'country', entityId: country.code, action: 'update' }),
      (db) => this.saveCountryIn(country, db),
    );
  }

  async countries(db: Db = this.db): Promise<Country[]> {
    const rows = await db
      .selectFrom('countries')
      .leftJoin('questionnaire_forms', 'questionnaire_forms.id', 'countries.form_id')
      .selectAll('countries')
      .select('questionnaire_forms.key as form_key')
      .orderBy('countries.name_ru')
      .execute();
    return rows.map(toCountry);
  }

  async saveCountryIn(country: Country, db: Db): Promise<Country> {
    if (country.nameRu.trim() === '') throw invalid('nameRu', 'labelRequired', 'the Russian name is empty');
    let formId: number | null = null;
    if (country.formKey) {
      const form = await db
        .selectFrom('questionnaire_forms')
        .select('id')
        .where('key', '=', country.formKey)
        .executeTakeFirst();
      if (!form) throw invalid('formKey', 'formUnknown', `no form ${country.formKey}`);
      formId = form.id;
    }
    const values = {
      name_ru: country.nameRu.trim(),
      name_en: country.nameEn.trim(),
      name_fr: country.nameFr.trim(),
      passport_margin_months: country.passportMarginMonths,
      questionnaire_language: country.questionnaireLanguage,
      form_id: formId,
      ...(country.appliesOnline === undefined ? {} : { applies_online: country.appliesOnline ? 1 : 0 }),
    };
    await db
      .insertInto('countries')
      .values({ code: country.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute();
    const online = await db
      .selectFrom('countries')
      .select('applies_online')
      .where('code', '=', country.code)
      .executeTakeFirstOrThrow();
    return {
      ...country,
      nameRu: values.name_ru,
      nameEn: values.name_en,
      nameFr: values.name_fr,
      appliesOnline: online.applies_online === 1,
    };
  }

  async forms(db: Db = this.db): Promise<FormSummary[]> {
    return formSummaries(db, await db.selectFrom('questionnaire_forms').selectAll().orderBy('key').execute());
  }

  async form(id: number, db: Db = this.db): Promise<QuestionnaireForm> {
    const form = await db
      .selectFrom('questionnaire_forms')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!form) throw new AppError('NOT_FOUND', `form ${id}`);
    return {
      id: form.id,
      key: form.key,
      name: labelsOf(form),
      layout: form.layout,
      fields: await this.fields(id, db),
    };
  }

  async formByKey(key: string, db: Db = this.db): Promise<QuestionnaireForm | null> {
    const form = await db
      .selectFrom('questionnaire_forms')
      .select('id')
      .where('key', '=', key)
      .executeTakeFirst();
    return form ? this.form(form.id, db) : null;
  }

  private async fields(formId: number, db: Db): Promise<FormField[]> {
    const fields = await db
      .selectFrom('questionnaire_fields')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const options =
      fields.length === 0
        ? []
        : await db
            .selectFrom('questionnaire_options')
            .selectAll()
            .where(
              'field_id',
              'in',
              fields.map((f) => f.id),
            )
            .orderBy('position')
            .orderBy('id')
            .execute();
    return fields.map((f) =>
      toField(
        f,
        options.filter((o) => o.field_id === f.id),
      ),
    );
  }

  private async saveFormIn(
    db: Db,
    input: { id?: number | undefined; key: string; name: Labels },
  ): Promise<FormSummary> {
    if (input.name.ru.trim() === '') throw invalid('name.ru', 'labelRequired', 'the form name is empty');
    if (input.id !== undefined) await mustExist(db, 'questionnaire_forms', input.id, 'form');
    const taken = await db
      .selectFrom('questionnaire_forms')
      .select('id')
      .where('key', '=', input.key)
      .executeTakeFirst();
    if (taken && taken.id !== input.id) throw invalid('key', 'keyTaken', `form key ${input.key} exists`);
    const values = { key: input.key, name_ru: input.name.ru, name_en: input.name.en, name_fr: input.name.fr };
    let id = input.id;
    if (id === undefined) {
      const row = await db
        .insertInto('questionnaire_forms')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      const result = await db
        .updateTable('questionnaire_forms')
        .set(values)
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `form ${id}`);
    }
    const summary = (await this.forms(db)).find((f) => f.id === id);
    if (!summary) throw new AppError('NOT_FOUND', `form ${id}`);
    return summary;
  }

  private async deleteFormIn(db: Db, id: number): Promise<{ id: number }> {
    const result = await db.deleteFrom('questionnaire_forms').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND', `form ${id}`);
    return { id };
  }

  /** Saves one field with its whole option list; answers are keyed by field key and survive. */
  async saveField(formId: number, field: FieldInput): Promise<QuestionnaireForm> {
    return this.audited(
      () => ({
        entity: 'field',
        entityId: field.id ?? null,
        action: field.id === undefined ? 'create' : 'update',
        changes: { formId, key: field.key },
      }),
      async (trx) => {
        await this.writeField(trx, formId, field);
        return this.form(formId, trx);
      },
    );
  }

  private async writeField(db: Db, formId: number, field: FieldInput): Promise<void> {
    if (field.label.ru.trim() === '')
      throw invalid('label.ru', 'labelRequired', 'the Russian label is empty');
    const isChoice = field.type === 'choice' || field.type === 'multichoice';
    if (isChoice && field.options.length === 0) throw invalid('options', 'optionsRequired', 'no options');
    if (new Set(field.options.map((o) => o.code)).size !== field.options.length)
      throw invalid('options', 'keyTaken', 'option codes repeat');
    if (field.id !== undefined) {
      const own = await db
        .selectFrom('questionnaire_fields')
        .select('id')
        .where('id', '=', field.id)
        .where('form_id', '=', formId)
        .executeTakeFirst();
      if (!own) throw new AppError('NOT_FOUND', `field ${field.id} of form ${formId}`);
    }
    const taken = await db
      .selectFrom('questionnaire_fields')
      .select('id')
      .where('form_id', '=', formId)
      .where('key', '=', field.key)
      .executeTakeFirst();
    if (taken && taken.id !== field.id) throw invalid('key', 'keyTaken', `field key ${field.key} exists`);
    const values = {
      form_id: formId,
      position: field.position,
      number: field.number.trim(),
      key: field.key,
      label_ru: field.label.ru.trim(),
      label_en: field.label.en.trim(),
      label_fr: field.label.fr.trim(),
      type: field.type,
      translation: field.translation,
      binding: field.binding,
      required: field.required ? 1 : 0,
      family_exempt: field.familyExempt ? 1 : 0,
      wording: field.wording,
    };
    let fieldId = field.id;
    if (fieldId === undefined) {
      fieldId = (
        await db.insertInto('questionnaire_fields').values(values).returning('id').executeTakeFirstOrThrow()
      ).id;
    } else {
      const result = await db
        .updateTable('questionnaire_fields')
        .set(values)
        .where('id', '=', fieldId)
        .where('form_id', '=', formId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', `field ${fieldId}`);
      await db.deleteFrom('questionnaire_options').where('field_id', '=', fieldId).execute();
    }
    if (isChoice && field.options.length > 0) {
      await db
        .insertInto('questionnaire_options')
        .values(
          field.options.map((o, position) => ({
            field_id: fieldId,
            position,
            code: o.code,
            label_ru: o.label.ru,
            label_en: o.label.en,
            label_fr: o.label.fr,
            is_default: o.isDefault ? 1 : 0,
          })),
        )
        .execute();
    }
  }

  private async deleteFieldIn(db: Db, id: number): Promise<QuestionnaireForm> {
    const field = await db
      .selectFrom('questionnaire_fields')
      .select('form_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!field) throw new AppError('NOT_FOUND', `field ${id}`);
    await db.deleteFrom('questionnaire_fields').where('id', '=', id).execute();
    return this.form(field.form_id, db);
  }

  /** Writes a whole form definition (a shipped one or an imported file): fields are replaced, by key. */
  async writeFormDefinition(db: Db, definition: FormDefinition): Promise<number> {
    const existing = await db
      .selectFrom('questionnaire_forms')
      .select('id')
      .where('key', '=', definition.key)
      .executeTakeFirst();
    const name = {
      name_ru: definition.name.ru,
      name_en: definition.name.en,
      name_fr: definition.name.fr,
      layout: definition.layout,
    };
    let formId: number;
    if (existing) {
      formId = existing.id;
      await db.updateTable('questionnaire_forms').set(name).where('id', '=', formId).execute();
      await db
        .deleteFrom('questionnaire_fields')
        .where('form_id', '=', formId)
        .where('key', 'not in', definition.fields.length === 0 ? [''] : definition.fields.map((f) => f.key))
        .execute();
    } else {
      formId = (
        await db
          .insertInto('questionnaire_forms')
          .values({ key: definition.key, ...name })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    const ids = new Map(
      (
        await db
          .selectFrom('questionnaire_fields')
          .select(['id', 'key'])
          .where('form_id', '=', formId)
          .execute()
      ).map((f) => [f.key, f.id]),
    );
    for (const [position, field] of definition.fields.entries()) {
      await this.writeField(db, formId, { ...field, id: ids.get(field.key), position });
    }
    return formId;
  }

  async exportForm(id: number): Promise<FormDefinition> {
    const form = await this.form(id);
    return {
      key: form.key,
      name: form.name,
      layout: form.layout,
      fields: form.fields.map(
        ({ number, key, label, type, translation, binding, required, familyExempt, wording, options }) => ({
          number,
          key,
          label,
          type,
          translation,
          binding,
          required,
          familyExempt,
          wording,
          options,
        }),
      ),
    };
  }

  async importForms(definitions: readonly FormDefinition[]): Promise<{ forms: number; fields: number }> {
    return this.audited(
      (result) => ({ entity: 'form', entityId: null, action: 'import', changes: result }),
      async (trx) => {
        for (const definition of definitions) await this.writeFormDefinition(trx, definition);
        return { forms: definitions.length, fields: definitions.reduce((n, d) => n + d.fields.length, 0) };
      },
    );
  }

  async dictionaryList(q: DictionaryQuery): Promise<{
    total: number | null;
    totalExact: boolean;
    next: string | null;
    rows: DictionaryRow[];
  }> {
    let base = this.db.selectFrom('dictionary_entries');
    const search = q.search.trim();
    if (search !== '') {
      const key = dictionaryKey(search);
      const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where((eb) =>
        eb.or([
          eb.and([eb('ru_key', '>=', key), eb('ru_key', '<', key + '\uffff')]),
          eb(sql`lower(en)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`lower(fr)`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    const total = q.count
      ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : null;
    // ru_key is unique: it alone orders the words and is the cursor.
    const scope = cursorScope('dictionary.list', { search: q.search });
    const found = await base
      .select(['id', 'ru', 'en', 'fr', 'version', 'ru_key'])
      .orderBy('ru_key')
      .limit(q.limit)
      .$if(q.after !== null, (qb) =>
        qb.where(rowAfter(['ru_key'], decodeCursor(q.after ?? '', scope, 1), 'asc')),
      )
      .$if(q.after === null, (qb) => qb.offset(q.offset))
      .execute();
    const last = found[found.length - 1];
    return {
      total,
      totalExact: true,
      next: last && found.length === q.limit ? encodeCursor(scope, [last.ru_key]) : null,
      rows: found.map(({ ru_key: _key, ...row }) => row),
    };
  }

  async dictionaryEntries(db: Db = this.db): Promise<DictionaryEntryInput[]> {
    return db.selectFrom('dictionary_entries').select(['ru', 'en', 'fr']).orderBy('ru_key').execute();
  }

  /** The translation dictionary: country names first, so the clerk's own entries win over them. */
  async dictionary(db: Db = this.db): Promise<Dictionary> {
    const countries = await db.selectFrom('countries').select(['name_ru', 'name_en', 'name_fr']).execute();
    return createDictionary([
      ...countries.map((c) => ({ ru: c.name_ru, en: c.name_en, fr: c.name_fr })),
      ...(await this.dictionaryEntries(db)),
    ]);
  }

  private async saveDictionaryEntryIn(
    db: Db,
    input: DictionaryEntryInput & { id?: number | undefined; version?: number | undefined },
  ): Promise<DictionaryRow> {
    const ruKey = dictionaryKey(input.ru);
    if (ruKey === '') throw invalid('ru', 'labelRequired', 'the Russian word is empty');
    if (input.id !== undefined) await mustExist(db, 'dictionary_entries', input.id, 'dictionary entry');
    const taken = await db
      .selectFrom('dictionary_entries')
      .select('id')
      .where('ru_key', '=', ruKey)
      .executeTakeFirst();
    if (taken && taken.id !== input.id)
      throw invalid('ru', 'dictionaryDuplicate', 'the word is in the dictionary');
    const values = {
      ru: input.ru.trim(),
      ru_key: ruKey,
      en: input.en.trim(),
      fr: input.fr.trim(),
      updated_at: timestamp(this.ctx.clock),
    };
    if (input.id === undefined) {
      return db
        .insertInto('dictionary_entries')
        .values(values)
        .returning(['id', 'ru', 'en', 'fr', 'version'])
        .executeTakeFirstOrThrow();
    }
    const row = await db
      .updateTable('dictionary_entries')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .where('version', '=', input.version ?? -1)
      .returning(['id', 'ru', 'en', 'fr', 'version'])
      .executeTakeFirst();
    if (row) return row;
    const exists = await db
      .selectFrom('dictionary_entries')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    throw exists
      ? new AppError('STALE_VERSION', `dictionary entry ${input.id} changed meanwhile`)
      : new AppError('NOT_FOUND', `dictionary entry ${input.id}`);
  }

  /** Deletes a word, recorded in the undo journal: undo brings it back under the same id. */
  async deleteDictionaryEntry(id: number): Promise<DictionaryRow & { undoId: number }> {
    return this.db.transaction().execute(async (trx) => {
      const change = this.ctx.journal.begin(trx);
      await change.touch('dictionary_entries', { id });
      const row = await trx
        .deleteFrom('dictionary_entries')
        .where('id', '=', id)
        .returning(['id', 'ru', 'en', 'fr', 'version'])
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', `dictionary entry ${id}`);
      await this.ctx.audit.record(trx, {
        entity: 'dictionary',
        entityId: id,
        action: 'delete',
        changes: { ru: row.ru },
      });
      return { ...row, undoId: await change.finish('dictionary.delete', { word: row.ru }) };
    });
  }

  /** Adds new words and updates the translations of known ones, in one transaction. */
  async importDictionary(
    entries: readonly DictionaryEntryInput[],
    db?: Db,
  ): Promise<{ added: number; updated: number; unchanged: number }> {
    const run = async (trx: Db) => {
      const existing = new Map(
        (await trx.selectFrom('dictionary_entries').select(['id', 'ru_key', 'en', 'fr']).execute()).map(
          (e) => [e.ru_key, e],
        ),
      );
      let added = 0;
      let updated = 0;
      let unchanged = 0;
      const now = timestamp(this.ctx.clock);
      for (const entry of entries) {
        const key = dictionaryKey(entry.ru);
        if (key === '') continue;
        const known = existing.get(key);
        const en = entry.en.trim();
        const fr = entry.fr.trim();
        if (!known) {
          const row = await trx
            .insertInto('dictionary_entries')
            .values({ ru: entry.ru.trim(), ru_key: key, en, fr, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          existing.set(key, { id: row.id, ru_key: key, en, fr });
          added++;
        } else if ((en !== '' && en !== known.en) || (fr !== '' && fr !== known.fr)) {
          const next = { en: en || known.en, fr: fr || known.fr };
          await trx
            .updateTable('dictionary_entries')
            .set((eb) => ({ ...next, updated_at: now, version: eb('version', '+', 1) }))
            .where('id', '=', known.id)
            .execute();
          existing.set(key, { ...known, ...next });
          updated++;
        } else unchanged++;
      }
      return { added, updated, unchanged };
    };
    return db
      ? run(db)
      : this.audited(
          (result) => ({ entity: 'dictionary', entityId: null, action: 'import', changes: result }),
          run,
        );
  }
}
