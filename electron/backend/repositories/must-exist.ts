import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import type { Database } from '../db/schema';

/**
 * A list asked for a client or tour no row has answers NOT_FOUND, not an empty list: the screen
 * then says the record is gone instead of showing it without entries. A null id is no filter.
 */
export async function mustExist(
  db: Kysely<Database>,
  table: 'clients' | 'tours',
  id: number | null,
  what: string,
): Promise<void> {
  if (id === null) return;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `${what} ${id} not found`);
}
