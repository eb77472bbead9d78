import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

/** A stored setting's value; null when absent or not readable JSON. */
export function parseSetting(stored: string | undefined): unknown {
  if (stored === undefined) return null;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return null;
  }
}

export async function getSetting(db: Kysely<Database>, key: string): Promise<unknown> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return parseSetting(row?.value);
}

export async function setSetting(db: Kysely<Database>, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value ?? null);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
    .execute();
}
