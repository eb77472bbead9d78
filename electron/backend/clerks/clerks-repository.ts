import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/api/envelope';
import { timestamp } from '../../../shared/domain/clock';
import { clerkNameKey, MIN_CLERK_PASSWORD, type Clerk, type ClerkRole } from '../../../shared/domain/clerk';
import type { RepositoryContext } from '../context';
import type { Database } from '../db/schema';
import { clerkDb, type ClerkTables } from './clerks-schema';
import { hashPassword, verifyPassword } from './password';
import { SignInLimiter } from './sign-in-limiter';

type ClerkRow = ClerkTables['clerks'] & { id: number; version: number };

export interface ClerkInput {
  id?: number | undefined;
  version?: number | undefined;
  name: string;
  role: ClerkRole;
  active: boolean;
  password?: string | undefined;
}

const toClerk = (row: ClerkRow): Clerk => ({
  id: row.id,
  name: row.name,
  role: row.role,
  active: row.active === 1,
  hasPassword: row.password_hash !== null,
  version: row.version,
});

function reasonError(
  code: 'FORBIDDEN' | 'VALIDATION',
  reason:
    | 'wrongSignIn'
    | 'signInLocked'
    | 'clerkInactive'
    | 'clerkNameTaken'
    | 'lastAdmin'
    | 'passwordNeeded'
    | 'passwordTooShort',
  message: string,
  params?: Record<string, string | number>,
): AppError {
  return new AppError(code, message, undefined, { reason, ...(params ? { params } : {}) });
}

/**
 * The clerks of a base (issue 14): who may sign in, with which role. Passwords are scrypt hashes;
 * on one computer a clerk may have none. Every change is audited like any other write.
 */
export class ClerksRepository {
  private readonly limiter: SignInLimiter;
  /** A hash no password matches: an unknown name costs one scrypt too, so timing tells nothing. */
  private decoy: Promise<string> | null = null;

  constructor(
    private readonly ctx: RepositoryContext,
    /** On a server every clerk signs in with a password. */
    private readonly passwordRequired: boolean,
  ) {
    this.limiter = new SignInLimiter(ctx.db, () => ctx.clock.now().getTime());
  }

  private rows(db: Kysely<Database> = this.ctx.db) {
    return clerkDb(db).selectFrom('clerks').selectAll();
  }

  async list(): Promise<Clerk[]> {
    const rows = (await this.rows().orderBy('name_key').execute()) as ClerkRow[];
    return rows.map(toClerk);
  }

  async count(): Promise<number> {
    const row = await clerkDb(this.ctx.db)
      .selectFrom('clerks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async activeNames(): Promise<string[]> {
    const rows = await clerkDb(this.ctx.db)
      .selectFrom('clerks')
      .select('name')
      .where('active', '=', 1)
      .orderBy('name_key')
      .execute();
    return rows.map((r) => r.name);
  }

  private checkPassword(password: string | undefined): void {
    if (password !== undefined && password.length < MIN_CLERK_PASSWORD) {
      throw reasonError('VALIDATION', 'passwordTooShort', 'the password is too short', {
        min: MIN_CLERK_PASSWORD,
      });
    }
    if (this.passwordRequired && !password) {
      throw reasonError('VALIDATION', 'passwordNeeded', 'a clerk on a server needs a password');
    }
  }

  /**
   * Signs a clerk in by name (and password where one is set or required). The first clerk of a base
   * becomes its administrator; on one computer a new name becomes a clerk, as a name is enough there.
   * An unknown name and a wrong password get one answer; a name with too many wrong ones waits.
   */
  async signIn(name: string, password: string | undefined): Promise<Clerk> {
    const key = clerkNameKey(name);
    const wait = await this.limiter.waitSeconds(key);
    if (wait > 0)
      throw reasonError('FORBIDDEN', 'signInLocked', 'too many wrong sign-ins for this name', {
        seconds: wait,
      });
    try {
      const clerk = await this.checkSignIn(name, key, password);
      await this.limiter.succeeded(key);
      return clerk;
    } catch (error) {
      if (error instanceof AppError && error.detail?.reason === 'wrongSignIn') await this.limiter.failed(key);
      throw error;
    }
  }

  private checkSignIn(name: string, key: string, password: string | undefined): Promise<Clerk> {
    return this.ctx.db.transaction().execute(async (trx) => {
      const row = (await this.rows(trx).where('name_key', '=', key).executeTakeFirst()) as
        ClerkRow | undefined;
      if (!row) {
        const first =
          (await clerkDb(trx).selectFrom('clerks').select('id').limit(1).executeTakeFirst()) === undefined;
        if (!first && this.passwordRequired) {
          this.decoy ??= hashPassword('decoy');
          await verifyPassword(password ?? '', await this.decoy);
          throw reasonError('FORBIDDEN', 'wrongSignIn', 'wrong name or password');
        }
        this.checkPassword(password || undefined);
        return this.insert(trx, { name, role: first ? 'admin' : 'clerk', active: true, password });
      }
      if (row.password_hash !== null) {
        if (!password || !(await verifyPassword(password, row.password_hash)))
          throw reasonError('FORBIDDEN', 'wrongSignIn', 'wrong name or password');
      }
      // Said only after the password: a deactivated name is not told apart from an unknown one.
      if (row.active !== 1) throw reasonError('FORBIDDEN', 'clerkInactive', 'this clerk is deactivated');
      if (row.password_hash === null && this.passwordRequired) {
        throw reasonError(
          'FORBIDDEN',
          'passwordNeeded',
          'this clerk has no password yet: the administrator sets one',
        );
      }
      return toClerk(row);
    });
  }

  private async insert(trx: Kysely<Database>, input: ClerkInput): Promise<Clerk> {
    const now = timestamp(this.ctx.clock);
    const hash = input.password ? await hashPassword(input.password) : null;
    const row = (await clerkDb(trx)
      .insertInto('clerks')
      .values({
        name: input.name.trim().replace(/\s+/g, ' '),
        name_key: clerkNameKey(input.name),
        password_hash: hash,
        role: input.role,
        active: input.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()) as ClerkRow;
    await this.ctx.audit.record(trx, {
      entity: 'clerk',
      entityId: row.id,
      action: 'create',
      changes: { name: row.name, role: row.role },
    });
    return toClerk(row);
  }

  async save(input: ClerkInput): Promise<Clerk> {
    return this.ctx.db.transaction().execute(async (trx) => {
      const key = clerkNameKey(input.name);
      const row =
        input.id === undefined
          ? undefined
          : ((await this.rows(trx).where('id', '=', input.id).executeTakeFirst()) as ClerkRow | undefined);
      if (input.id !== undefined && !row) throw new AppError('NOT_FOUND', `clerk ${input.id} not found`);
      const same = await clerkDb(trx)
        .selectFrom('clerks')
        .select('id')
        .where('name_key', '=', key)
        .executeTakeFirst();
      if (same && same.id !== input.id)
        throw reasonError('VALIDATION', 'clerkNameTaken', 'a clerk of this name exists', {
          name: input.name,
        });
      if (!row) {
        this.checkPassword(input.password || undefined);
        return this.insert(trx, input);
      }
      if (input.version !== row.version)
        throw new AppError('STALE_VERSION', `clerk ${input.id} changed meanwhile`);
      const losesAdmin =
        row.role === 'admin' && row.active === 1 && (input.role !== 'admin' || !input.active);
      if (losesAdmin) {
        const admins = await clerkDb(trx)
          .selectFrom('clerks')
          .select('id')
          .where('role', '=', 'admin')
          .where('active', '=', 1)
          .execute();
        if (admins.length <= 1)
          throw reasonError('VALIDATION', 'lastAdmin', 'the last administrator stays one');
      }
      const name = input.name.trim().replace(/\s+/g, ' ');
      const updated = (await clerkDb(trx)
        .updateTable('clerks')
        .set({
          name,
          name_key: key,
          role: input.role,
          active: input.active ? 1 : 0,
          version: row.version + 1,
          updated_at: timestamp(this.ctx.clock),
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow()) as ClerkRow;
      const changes: Record<string, unknown> = {};
      if (row.name !== name) changes.name = [row.name, name];
      if (row.role !== input.role) changes.role = [row.role, input.role];
      if ((row.active === 1) !== input.active) changes.active = [row.active === 1, input.active];
      await this.ctx.audit.record(trx, { entity: 'clerk', entityId: row.id, action: 'update', changes });
      return toClerk(updated);
    });
  }

  async get(id: number): Promise<Clerk> {
    const row = (await this.rows().where('id', '=', id).executeTakeFirst()) as ClerkRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `clerk ${id} not found`);
    return toClerk(row);
  }

  /** A new password; the audit says it changed, never what it is. */
  async setPassword(id: number, password: string): Promise<Clerk> {
    const hash = await hashPassword(password);
    return this.ctx.db.transaction().execute(async (trx) => {
      const row = (await this.rows(trx).where('id', '=', id).executeTakeFirst()) as ClerkRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', `clerk ${id} not found`);
      const updated = (await clerkDb(trx)
        .updateTable('clerks')
        .set({ password_hash: hash, version: row.version + 1, updated_at: timestamp(this.ctx.clock) })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()) as ClerkRow;
      await this.ctx.audit.record(trx, { entity: 'clerk', entityId: id, action: 'password', changes: {} });
      return toClerk(updated);
    });
  }
}
