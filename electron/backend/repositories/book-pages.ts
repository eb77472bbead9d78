import type { Kysely } from 'kysely';
import type { Country } from '../../../shared/domain/tour';
import type { FormSummary } from '../../../shared/questionnaire/model';
import { cursorScope, decodeCursor, encodeCursor, rowAfter } from '../db/keyset';
import type { Database } from '../db/schema';
import { formSummaries, toCountry } from './reference-books';

export interface BookPageQuery {
  limit: number;
  /** For a jump; ignored when `after` is given. */
  offset: number;
  /** The `next` of the previous page: the page starts right after its last row. */
  after: string | null;
  /** Whether to count the rows (the screen asks once). */
  count: boolean;
}

export interface BookPage<T> {
  total: number | null;
  totalExact: boolean;
  next: string | null;
  rows: T[];
}

/** A page of the countries in the book's order (Russian name, then code: the code makes it unique). */
export async function countriesPage(db: Kysely<Database>, q: BookPageQuery): Promise<BookPage<Country>> {
  const scope = cursorScope('countries.page', {});
  const rows = await db
    .selectFrom('countries')
    .leftJoin('questionnaire_forms', 'questionnaire_forms.id', 'countries.form_id')
    .selectAll('countries')
    .select('questionnaire_forms.key as form_key')
    .orderBy('countries.name_ru')
    .orderBy('countries.code')
    .limit(q.limit + 1)
    .$if(q.after !== null, (qb) =>
      qb.where(
        rowAfter(['countries.name_ru', 'countries.code'], decodeCursor(q.after ?? '', scope, 2), 'asc'),
      ),
    )
    .$if(q.after === null, (qb) => qb.offset(q.offset))
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    total: q.count ? await countOf(db, 'countries') : null,
    totalExact: true,
    next: rows.length > q.limit && last ? encodeCursor(scope, [last.name_ru, last.code]) : null,
    rows: page.map(toCountry),
  };
}

/** A page of the questionnaire forms by key (unique). */
export async function formsPage(db: Kysely<Database>, q: BookPageQuery): Promise<BookPage<FormSummary>> {
  const scope = cursorScope('forms.page', {});
  const rows = await db
    .selectFrom('questionnaire_forms')
    .selectAll()
    .orderBy('key')
    .limit(q.limit + 1)
    .$if(q.after !== null, (qb) => qb.where(rowAfter(['key'], decodeCursor(q.after ?? '', scope, 1), 'asc')))
    .$if(q.after === null, (qb) => qb.offset(q.offset))
    .execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    total: q.count ? await countOf(db, 'questionnaire_forms') : null,
    totalExact: true,
    next: rows.length > q.limit && last ? encodeCursor(scope, [last.key]) : null,
    rows: await formSummaries(db, page),
  };
}

async function countOf(db: Kysely<Database>, table: 'countries' | 'questionnaire_forms'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
