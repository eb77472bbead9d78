import { z } from 'zod';
import type { CommandDefinitions } from './lazy-commands';
import { clerkNameSchema, clerkRoleSchema, clerkSchema, MIN_CLERK_PASSWORD } from '../domain/clerk';
import { schemaOnce } from '../domain/schema-once';

const password = schemaOnce(() => z.string().max(200));

/** Where the base is: this computer's SQLite file, or the office's PostgreSQL server. */
export const connectionKindSchema = schemaOnce(() => z.enum(['local', 'server']));

export const serverSettingsSchema = schemaOnce(() =>
  z.object({
    host: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    database: z.string().trim().min(1).max(63),
    user: z.string().trim().min(1).max(63),
    tls: z.boolean(),
  }),
);
export type ServerSettings = z.infer<ReturnType<typeof serverSettingsSchema>>;

/**
 * What a test connection found. Anything but `ready` is worded in the UI language with the server's
 * address; `older` can be upgraded at start, `empty` offers to create the schema.
 */
export const connectionOutcomeSchema = schemaOnce(() =>
  z.enum([
    'ready',
    'empty',
    'older',
    'newer',
    'serverDown',
    'wrongPassword',
    'databaseMissing',
    'tlsRefused',
    'failed',
  ]),
);
export type ConnectionOutcome = z.infer<ReturnType<typeof connectionOutcomeSchema>>;

export const officeContract = {
  /** Who is signed in, and what the sign-in screen needs: names to pick (one computer) or a password() (server). */
  'clerks.status': () => ({
    input: z.object({}),
    output: z.object({
      signedIn: clerkSchema().nullable(),
      /** On a server every clerk signs in with a password(); on one computer a name is enough. */
      passwordRequired: z.boolean(),
      /** No clerk yet: the first one to sign in becomes the administrator. */
      firstStart: z.boolean(),
      /** Active clerks' names to pick from (one computer only; a server never lists them). */
      names: z.array(z.string()),
    }),
  }),
  'clerks.signIn': () => ({
    input: z.object({ name: clerkNameSchema(), password: password().optional() }),
    output: clerkSchema(),
  }),
  'clerks.signOut': () => ({ input: z.object({}), output: z.object({}) }),
  'clerks.list': () => ({ input: z.object({}), output: z.array(clerkSchema()) }),
  /** Adds a clerk (no id) or changes one's name, role or active flag (id and version). */
  'clerks.save': () => ({
    input: z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().optional(),
      name: clerkNameSchema(),
      role: clerkRoleSchema(),
      active: z.boolean(),
      /** A new clerk's first password() (required on a server). */
      password: password().optional(),
    }),
    output: clerkSchema(),
  }),
  /** Sets or resets a clerk's password() (admin), or the signed-in clerk's own. */
  'clerks.setPassword': () => ({
    input: z.object({
      id: z.number().int().positive(),
      password: z.string().min(MIN_CLERK_PASSWORD).max(200),
    }),
    output: clerkSchema(),
  }),
  'connection.get': () => ({
    input: z.object({}),
    output: z.object({
      /** What the next start opens. */
      kind: connectionKindSchema(),
      /** What this run has open. */
      active: connectionKindSchema(),
      server: serverSettingsSchema().nullable(),
      passwordSaved: z.boolean(),
      /** Where the password() is kept: the OS key store, or (browser mode, no key store) a private key file. */
      passwordStorage: z.enum(['os', 'file']),
    }),
  }),
  /** Saved for the next start; a password() left out keeps the saved one. */
  'connection.save': () => ({
    input: z.object({
      kind: connectionKindSchema(),
      server: serverSettingsSchema().nullable(),
      password: password().optional(),
    }),
    output: z.object({ restartNeeded: z.boolean() }),
  }),
  'connection.test': () => ({
    input: z.object({ server: serverSettingsSchema(), password: password().optional() }),
    output: z.object({
      outcome: connectionOutcomeSchema(),
      /** The schema version found (0 for an empty database) and the one this app needs. */
      found: z.number().int().nullable(),
      expected: z.number().int(),
      /** The server's own words for `failed`, for the clerk to pass on to whoever runs the server. */
      detail: z.string().max(300).nullable(),
    }),
  }),
  /**
   * Builds the whole schema in an empty server database now (one transaction), instead of at the next
   * start; answers a new test of it. Refused unless the database is empty.
   */
  'connection.createSchema': () => ({
    input: z.object({ server: serverSettingsSchema(), password: password().optional() }),
    output: z.object({
      outcome: connectionOutcomeSchema(),
      found: z.number().int().nullable(),
      expected: z.number().int(),
      detail: z.string().max(300).nullable(),
    }),
  }),
  /** Copies this computer's base into the empty server database, verified per table (pg-core's moveBase). */
  'connection.move': () => ({
    input: z.object({ server: serverSettingsSchema(), password: password().optional() }),
    output: z.object({ tables: z.number().int(), rows: z.number().int() }),
  }),
  /** How far a move has got, for its progress bar; null when none runs. */
  'connection.moveProgress': () => ({
    input: z.object({}),
    output: z.object({ copied: z.number().int(), total: z.number().int(), table: z.string() }).nullable(),
  }),
} satisfies CommandDefinitions;
