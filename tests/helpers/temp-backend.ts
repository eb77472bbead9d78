import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import { createBackend, type Backend } from '../../electron/backend';
import { fixedClock, type Clock } from '../../shared/domain/clock';
import { newDatabaseKey, type DatabaseKey } from '../../electron/backend/crypto/database-key';
import { TEMPLATE_DATABASE, testPgServer } from './pg-server';

/**
 * The dialect the backend tests run on: SQLite files by default, the real PostgreSQL server of
 * `npm run test:pg` (vitest.pg.config.mts) with TOURDESK_TEST_DIALECT=postgres.
 */
export const testDialect: 'sqlite' | 'postgres' =
  process.env.TOURDESK_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

export interface TempBackend {
  backend: Backend;
  dbPath: string;
  dialect: 'sqlite' | 'postgres';
  /** What opens this same base again (a restart of the app): the file and its key, or the server database. */
  openOptions: {
    dbPath: string;
    key: DatabaseKey | null;
    postgres?: { connectionString: string };
    clerk?: string;
  };
  /** The base's encryption key; null for a base made with `plain: true`. */
  key: DatabaseKey | null;
  /** The in-process transport: the same dispatch the IPC and HTTP transports call. */
  call: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;
  callError: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<ApiError>;
  dispose: () => Promise<void>;
}

export async function createTempBackend(
  options: { today?: string; clock?: Clock; plain?: boolean; dialect?: 'sqlite' | 'postgres' } = {},
): Promise<TempBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-test-'));
  const dbPath = join(dir, 'test.sqlite');
  // Tests run on encrypted bases, as the app does; `plain` is for the few that need a plain file.
  const key = options.plain ? null : newDatabaseKey();
  const dialect = options.dialect ?? testDialect;
  const server = dialect === 'postgres' ? await testPgServer() : null;
  const databaseUrl = server ? await server.createDatabase('td', TEMPLATE_DATABASE) : null;
  const backend = await createBackend({
    dbPath,
    ...(databaseUrl ? { postgres: { connectionString: databaseUrl, max: 4 } } : {}),
    key,
    appVersion: 'test',
    logger: { error: (m) => (process.env.TEST_LOG ? console.error(m) : undefined) },
    clerk: 'test clerk',
    backupEveryMinutes: null,
    ...(options.today ? { clock: fixedClock(options.today) } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    backend,
    dbPath,
    dialect,
    // On a server every clerk signs in with a password: the restarted app is signed in as the test clerk.
    openOptions: {
      dbPath,
      key,
      ...(databaseUrl ? { postgres: { connectionString: databaseUrl }, clerk: 'test clerk' } : {}),
    },
    key,
    call: async (name, input) => {
      const envelope = await backend.dispatch(name, input);
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as never;
    },
    callError: async (name, input) => {
      const envelope = await backend.dispatch(name, input);
      if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
      return envelope.error;
    },
    dispose: async () => {
      await backend.close();
      // Dropped in the background: the next test need not wait; the server goes at the run's end.
      if (server && databaseUrl) void server.dropDatabase(databaseUrl).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
