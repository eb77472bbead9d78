import type { Generated, Kysely } from 'kysely';
import type { ClerkRole } from '../../../shared/domain/clerk';
import type { Database } from '../db/schema';

/** Kysely's view of migration 13's table (issue 14), added with `withTables` so schema.ts stays untouched. */
export type ClerkTables = {
  clerks: {
    id: Generated<number>;
    name: string;
    name_key: string;
    password_hash: string | null;
    role: ClerkRole;
    active: number;
    version: Generated<number>;
    created_at: string;
    updated_at: string;
  };
};

export type ClerkDatabase = Database & ClerkTables;

export function clerkDb(db: Kysely<Database>): Kysely<ClerkDatabase> {
  return db.withTables<ClerkTables>();
}
