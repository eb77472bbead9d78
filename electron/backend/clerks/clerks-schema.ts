import type { Generated, Kysely } from 'kysely';
import type { ClerkRole } from '../../../shared/domain/clerk';
import type { Database } from '../db/schema';

/** Kysely's view of migration 13's and 19's tables (issue 14), added with `withTables` so schema.ts stays untouched. */
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
  /** Migration 19: wrong sign-ins per folded name (sign-in-limiter.ts); times in ms since the epoch. */
  sign_in_failures: {
    name_key: string;
    failures: number;
    locked_until: number;
    failed_at: number;
  };
};

export type ClerkDatabase = Database & ClerkTables;

export function clerkDb(db: Kysely<Database>): Kysely<ClerkDatabase> {
  return db.withTables<ClerkTables>();
}
