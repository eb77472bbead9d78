import type pg from 'pg';
import type { ConnectionOutcome, ServerSettings } from '../../../shared/api/office-contract';
import { LATEST_SCHEMA_VERSION } from '../db/schema-version';

export interface ConnectionReport {
  outcome: ConnectionOutcome;
  found: number | null;
  expected: number;
  detail: string | null;
}

/** How long a server that does not answer is waited for before it counts as down. */
const CONNECT_TIMEOUT_MS = 5000;

const DOWN = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
]);

/** The server's answer or the socket's error, as one of the outcomes the UI words for the clerk. */
export function classifyConnectionError(error: unknown): ConnectionOutcome {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string') {
    if (DOWN.has(code)) return 'serverDown';
    // 28P01 wrong password; 28000 no such role or no pg_hba.conf line for this user.
    if (code === '28P01' || code === '28000') return 'wrongPassword';
    if (code === '3D000') return 'databaseMissing';
    if (/CERT|SSL|TLS/i.test(code)) return 'tlsRefused';
  }
  if (/does not support SSL|SSL|certificate/i.test(message)) return 'tlsRefused';
  if (/timeout|terminated unexpectedly/i.test(message)) return 'serverDown';
  return 'failed';
}

export function clientConfig(server: ServerSettings, password: string | undefined): pg.ClientConfig {
  return {
    host: server.host,
    port: server.port,
    database: server.database,
    user: server.user,
    ...(password ? { password } : {}),
    // TLS checks the server's certificate against the system's authorities: an office with its own
    // authority installs it on the computers, rather than the app accepting any certificate.
    ssl: server.tls ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'TourDesk',
  };
}

/**
 * The schema version a server database holds: 0 when it has no tables at all, null when it has
 * tables but is not a TourDesk base (the version table pg-core's migrations keep is missing).
 */
async function schemaVersion(client: pg.Client): Promise<number | null> {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
  );
  if (tables.rows.length === 0) return 0;
  if (!tables.rows.some((t) => t.name === 'tourdesk_schema')) return null;
  const row = await client.query<{ version: number | string | null }>(
    'SELECT max(version) AS version FROM tourdesk_schema',
  );
  return Number(row.rows[0]?.version ?? 0);
}

/** Connects with `pg` directly (no pool, no migrations), reads the schema version and disconnects. */
export async function testConnection(
  server: ServerSettings,
  password: string | undefined,
): Promise<ConnectionReport> {
  const expected = LATEST_SCHEMA_VERSION;
  // pg loads when a server is first asked for, not at every start of a file base (issue 17).
  const { default: Pg } = await import('pg');
  const client = new Pg.Client(clientConfig(server, password));
  // A socket error after connect would otherwise be an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const outcome = classifyConnectionError(error);
    return {
      outcome,
      found: null,
      expected,
      detail: outcome === 'failed' ? String((error as Error).message).slice(0, 300) : null,
    };
  }
  try {
    const found = await schemaVersion(client);
    if (found === null)
      return { outcome: 'failed', found, expected, detail: 'the database holds tables of another program' };
    const outcome: ConnectionOutcome =
      found === 0 ? 'empty' : found < expected ? 'older' : found > expected ? 'newer' : 'ready';
    return { outcome, found, expected, detail: null };
  } catch (error) {
    return {
      outcome: 'failed',
      found: null,
      expected,
      detail: String((error as Error).message).slice(0, 300),
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Builds the schema in an empty server database at once (openPostgres migrates it in one
 * transaction; the reference books are filled at the first start, as for any new base), then tests
 * it again so the form shows the result. Anything but an empty database is left untouched.
 */
export async function createSchema(
  server: ServerSettings,
  password: string | undefined,
): Promise<ConnectionReport> {
  const before = await testConnection(server, password);
  if (before.outcome !== 'empty') return before;
  const { openPostgres } = await import('../db/open-postgres');
  const opened = await openPostgres({ ...clientConfig(server, password) }, { poolSize: 1 });
  await opened.db.destroy();
  return testConnection(server, password);
}
