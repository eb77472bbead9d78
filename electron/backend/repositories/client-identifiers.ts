import { sql, type Kysely } from 'kysely';
import { lastChars } from '../db/dialect';
import { compactDocumentNumber } from '../../../shared/domain/passport';
import { nameKey } from '../../../shared/names';
import type { ClientRow } from '../../../shared/domain/client';
import type { Database } from '../db/schema';
import { toClientRow } from './client-mapping';
import { prefixRangeEnd } from '../db/key-range';

/**
 * A phone's digits in SQL, with built-in functions only, so the expression index
 * clients_live_phone_last4 (migration 11) needs nothing registered on the connection. A query must
 * repeat this exact text for SQLite to use the index.
 */
export const PHONE_DIGITS_SQL =
  "replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '')";

/** How many digits of a phone the clerk must type at least; fewer match too many cards. */
const MIN_PHONE_DIGITS = 4;
/** A phone's national part: +7 916… and 8 916… are one number. */
const NATIONAL_DIGITS = 10;

/** More cards than this are not one identifier's: the search is cut there. */
const MAX_FOUND = 5000;

export type IdentifierQuery =
  | { kind: 'number'; compact: string; digits: string }
  | { kind: 'email'; text: string }
  | { kind: 'fullName'; surname: string; first: string; joined: string };

/** What the clerk typed into a search box, when it is not a surname prefix alone. */
export function identifierQuery(search: string): IdentifierQuery | null {
  const text = search.trim();
  if (text.includes('@')) return { kind: 'email', text: text.toLowerCase() };
  const compact = compactDocumentNumber(text.replace(/[()+./]/g, ''));
  const digits = compact.replace(/\D/g, '');
  if (/^[A-Z0-9]+$/.test(compact) && digits.length >= MIN_PHONE_DIGITS)
    return { kind: 'number', compact, digits };
  const words = text.split(/\s+/).filter((w) => nameKey(w) !== '');
  if (words.length >= 2) {
    const surname = nameKey(words[0] as string);
    const first = nameKey(words.slice(1).join(' '));
    if (surname !== '' && first !== '') return { kind: 'fullName', surname, first, joined: nameKey(text) };
  }
  return null;
}

/**
 * The live clients an identifier finds, each through an index: a passport (foreign or internal,
 * the number alone or with its series), the last digits of a phone, an e-mail prefix, or
 * "surname first-name" in either script. Null when the text is not an identifier.
 */
export async function findByIdentifier(db: Kysely<Database>, search: string): Promise<number[] | null> {
  const query = identifierQuery(search);
  if (!query) return null;
  if (query.kind === 'email') {
    const rows = await sql<{ id: number }>`SELECT id FROM clients
      WHERE deleted_at IS NULL AND lower(email) >= ${query.text} AND lower(email) < ${`${query.text}\uffff`}
      LIMIT ${MAX_FOUND}`.execute(db);
    return rows.rows.map((r) => r.id);
  }
  if (query.kind === 'fullName') {
    const rows = await sql<{ id: number; first_name_ru: string; first_name_lat: string }>`
      SELECT c.id, c.first_name_ru, c.first_name_lat FROM client_search_keys k
      JOIN clients c ON c.id = k.client_id
      WHERE k.key = ${query.surname} AND c.deleted_at IS NULL LIMIT ${MAX_FOUND}`.execute(db);
    // A surname of several words ("ван дер Берг") is still found by its whole key's prefix.
    const joined = await sql<{ id: number }>`SELECT client_id AS id FROM client_search_keys
      WHERE key >= ${query.joined} AND key < ${prefixRangeEnd(query.joined)} LIMIT ${MAX_FOUND}`.execute(db);
    const ids = rows.rows
      .filter(
        (r) =>
          nameKey(r.first_name_ru).startsWith(query.first) ||
          nameKey(r.first_name_lat).startsWith(query.first),
      )
      .map((r) => r.id);
    return [...new Set([...ids, ...joined.rows.map((r) => r.id)])];
  }
  const found = new Set<number>();
  // No join with clients here: the planner would walk the live clients first. Deleted cards are
  // dropped by the callers, which read the cards found by id anyway.
  const passports = await sql<{ id: number }>`SELECT client_id AS id FROM documents
    WHERE number = ${query.compact} OR series || number = ${query.compact}`.execute(db);
  passports.rows.forEach((r) => found.add(r.id));
  if (query.digits === query.compact) {
    const wanted = query.digits.slice(-NATIONAL_DIGITS);
    const phones = await sql<{ id: number; digits: string }>`SELECT id, ${sql.raw(PHONE_DIGITS_SQL)} AS digits
      FROM clients
      WHERE deleted_at IS NULL AND ${lastChars(db, PHONE_DIGITS_SQL, 4)} = ${wanted.slice(-4)}
      LIMIT ${MAX_FOUND}`.execute(db);
    for (const r of phones.rows) if (r.digits.endsWith(wanted)) found.add(r.id);
  }
  return [...found];
}

const SORT_FIELDS = {
  name: 'sort_name',
  nameLat: 'sort_name_lat',
  birthDate: 'birth_date',
  citizenship: 'citizenship',
  passportExpiry: 'passport_expiry',
  updatedAt: 'updated_at',
} as const;

/**
 * The clients list's page of what an identifier found: a few cards, read by id and sorted here, so
 * no sort index is walked over the whole base to find them. One page holds them all (next: null).
 */
export async function identifiedPage(
  db: Kysely<Database>,
  ids: number[],
  query: { sort: keyof typeof SORT_FIELDS; direction: 'asc' | 'desc'; offset: number; limit: number },
): Promise<{ total: number; totalExact: boolean; next: null; rows: ClientRow[] }> {
  const records =
    ids.length === 0
      ? []
      : await db
          .selectFrom('clients')
          .selectAll()
          .where('id', 'in', ids)
          .where('deleted_at', 'is', null)
          .execute();
  const field = SORT_FIELDS[query.sort];
  const sign = query.direction === 'asc' ? 1 : -1;
  records.sort((a, b) => {
    const x = a[field] ?? '\uffff';
    const y = b[field] ?? '\uffff';
    return sign * (x < y ? -1 : x > y ? 1 : a.id - b.id);
  });
  return {
    total: records.length,
    totalExact: true,
    next: null,
    rows: records.slice(query.offset, query.offset + query.limit).map(toClientRow),
  };
}
