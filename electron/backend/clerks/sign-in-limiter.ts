import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import type { Database } from '../db/schema';
import { clerkDb } from './clerks-schema';

/** Wrong sign-ins a name gets before it must wait. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** Names remembered at most; the oldest go first (a flood of made-up names cannot grow the base). */
const MAX_NAMES = 10_000;

interface Failures {
  failures: number;
  lockedUntil: number;
}

function lockedUntil(failures: number, now: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return now + Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 10), LONGEST_WAIT_MS);
}

const readOnly = (error: unknown) => error instanceof AppError && error.code === 'READ_ONLY';

/**
 * Slows password guessing: after FREE_ATTEMPTS wrong sign-ins for one name, that name waits 30 s,
 * then twice as long after each further wrong one (up to 15 min); a right one clears it. Kept by
 * name, whether or not a clerk of that name exists, so the wait tells nothing about who exists.
 * The counts live in the base (sign_in_failures), so a restart, or another computer on the office
 * server, goes on counting; a base that cannot be written (read-only) counts in memory instead.
 */
export class SignInLimiter {
  private readonly inMemory = new Map<string, Failures>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  private table() {
    return clerkDb(this.db);
  }

  /** Whole seconds the name must still wait; 0 when it may try. */
  async waitSeconds(nameKey: string): Promise<number> {
    const row = await this.table()
      .selectFrom('sign_in_failures')
      .select('locked_until')
      .where('name_key', '=', nameKey)
      .executeTakeFirst();
    const until = Math.max(Number(row?.locked_until ?? 0), this.inMemory.get(nameKey)?.lockedUntil ?? 0);
    return Math.max(0, Math.ceil((until - this.now()) / 1000));
  }

  async failed(nameKey: string): Promise<void> {
    const now = this.now();
    try {
      await this.table()
        .transaction()
        .execute(async (trx) => {
          // One statement counts, so two clerks' apps failing the same name at once both count.
          const counted = await trx
            .insertInto('sign_in_failures')
            .values({ name_key: nameKey, failures: 1, locked_until: 0, failed_at: now })
            .onConflict((oc) =>
              oc.column('name_key').doUpdateSet((eb) => ({
                failures: eb('sign_in_failures.failures', '+', 1),
                failed_at: now,
              })),
            )
            .returning('failures')
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('sign_in_failures')
            .set({ locked_until: lockedUntil(Number(counted.failures), now) })
            .where('name_key', '=', nameKey)
            .execute();
          await trx
            .deleteFrom('sign_in_failures')
            .where('failed_at', '<', (eb) =>
              eb
                .selectFrom('sign_in_failures')
                .select('failed_at')
                .orderBy('failed_at', 'desc')
                .limit(1)
                .offset(MAX_NAMES),
            )
            .execute();
        });
    } catch (error) {
      if (!readOnly(error)) throw error;
      const entry = this.inMemory.get(nameKey) ?? { failures: 0, lockedUntil: 0 };
      entry.failures += 1;
      entry.lockedUntil = lockedUntil(entry.failures, now);
      this.inMemory.delete(nameKey);
      this.inMemory.set(nameKey, entry);
      if (this.inMemory.size > MAX_NAMES) {
        const oldest = this.inMemory.keys().next().value;
        if (oldest !== undefined) this.inMemory.delete(oldest);
      }
    }
  }

  async succeeded(nameKey: string): Promise<void> {
    this.inMemory.delete(nameKey);
    try {
      await this.table().deleteFrom('sign_in_failures').where('name_key', '=', nameKey).execute();
    } catch (error) {
      if (!readOnly(error)) throw error;
    }
  }
}
