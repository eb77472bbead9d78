import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for tests, benches and the load test: a fresh cluster in a temp
 * folder (ICU ru-RU collation, as an office server is set up), on a free port of 127.0.0.1 and a
 * unix socket in the data folder, stopped and removed by stop() or, at the latest, once the process
 * that started it is gone (a watchdog). No in-memory imitation: the real server binaries of Debian's
 * `postgresql` (found under /usr/lib/postgresql/<version>/bin, or in TOURDESK_PG_BIN). As root, the cluster belongs to the `postgres` user (initdb refuses root).
 */
export interface PgServer {
  host: string;
  port: number;
  /** The superuser the tests connect as (trust authentication, local only). */
  user: string;
  dataDir: string;
  /** A connection string to one database of this server. */
  url: (database: string) => string;
  /**
   * Creates a database with a fresh unique name (empty, or a copy of `template`) and answers its
   * connection string.
   */
  createDatabase: (prefix?: string, template?: string) => Promise<string>;
  dropDatabase: (url: string) => Promise<void>;
  stop: () => void;
}

export class PgBinariesMissing extends Error {}

/** The folder with initdb and pg_ctl: TOURDESK_PG_BIN, or the newest /usr/lib/postgresql/<v>/bin. */
export function findPgBin(): string {
  const fromEnv = process.env.TOURDESK_PG_BIN;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'initdb'))) {
      throw new PgBinariesMissing(`TOURDESK_PG_BIN=${fromEnv} has no initdb`);
    }
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new PgBinariesMissing(
      'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (install Debian\'s "postgresql" package: apt-get install -y postgresql, as .ci/run does) or set TOURDESK_PG_BIN to the folder holding initdb and pg_ctl',
    );
  }
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs a server binary, as `postgres` when this process is root; throws with its output on failure. */
function runPg(bin: string, tool: string, args: string[]): void {
  const command = isRoot() ? 'runuser' : join(bin, tool);
  const fullArgs = isRoot() ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(
      `${tool} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout || result.error?.message}`,
    );
  }
}

/**
 * A detached watchdog that stops the cluster and removes its folder once `owner` is gone, however
 * it ended: vitest ends a test fork with SIGTERM, then SIGKILL after 0.5 s, so neither an 'exit'
 * handler nor a signal handler of the owner can be relied on to stop the server.
 */
function stopWhenGone(owner: number, bin: string, dataDir: string, base: string) {
  const pgCtl = [join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', '-w', 'stop'];
  const command = isRoot() ? ['runuser', '-u', 'postgres', '--', ...pgCtl] : pgCtl;
  const script =
    'owner=$1; base=$2; shift 2; while kill -0 "$owner" 2>/dev/null; do sleep 0.5; done; "$@"; rm -rf "$base"';
  const child = spawn('sh', ['-c', script, 'pg-watchdog', String(owner), base, ...command], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child;
}

let counter = 0;

export async function startPgServer(): Promise<PgServer> {
  const bin = findPgBin();
  const base = mkdtempSync(join(tmpdir(), 'tourdesk-pg-'));
  const dataDir = join(base, 'data');
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(base, uid, gid);
  }
  chmodSync(base, 0o700);
  const started = Date.now();
  runPg(bin, 'initdb', [
    '-D',
    dataDir,
    '--auth=trust',
    '--username=postgres',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--locale-provider=icu',
    '--icu-locale=ru-RU',
    '--no-sync',
  ]);
  const port = await freePort();
  // Durability is not what a test measures: fsync off keeps the shared 2-core machine free.
  const serverOptions = [
    `-p ${port}`,
    `-k ${dataDir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
    '-c shared_buffers=128MB',
  ].join(' ');
  runPg(bin, 'pg_ctl', [
    '-D',
    dataDir,
    '-l',
    join(dataDir, 'server.log'),
    '-o',
    serverOptions,
    '-w',
    'start',
  ]);
  if (process.env.TEST_LOG)
    console.error(`PostgreSQL test server on port ${port} in ${Date.now() - started} ms`);

  const host = '127.0.0.1';
  const user = 'postgres';
  const url = (database: string) => `postgres://${user}@${host}:${port}/${database}`;
  const watchdog = stopWhenGone(process.pid, bin, dataDir, base);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    watchdog.kill();
    try {
      runPg(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  };
  return { host, port, user, dataDir, url, stop, ...databaseManager(url) };
}

/** Creating and dropping databases of a running server (also used through TOURDESK_PG_ADMIN_URL). */
export function databaseManager(url: (database: string) => string): {
  createDatabase: (prefix?: string, template?: string) => Promise<string>;
  dropDatabase: (url: string) => Promise<void>;
} {
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    createDatabase: async (prefix = 'td', template?: string) => {
      counter += 1;
      const name = `${prefix}_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
      // A backend that just closed on the template may still be leaving it on the server's side.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin((c) =>
            c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
          );
          return url(name);
        } catch (error) {
          if ((error as { code?: unknown }).code !== '55006' || attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    dropDatabase: async (databaseUrl) => {
      const name = new URL(databaseUrl).pathname.slice(1);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** The migrated, empty base every test database is copied from (CREATE DATABASE … TEMPLATE). */
export const TEMPLATE_DATABASE = 'tourdesk_template';

/** Builds the template database: the whole schema, once per server. */
export async function createTemplateDatabase(server: Pick<PgServer, 'url'>): Promise<void> {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  // A whole backend once: the schema and the shipped reference books, which every test base needs.
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-template-'));
  // Loaded here, not at the top: Playwright specs start a server from this file without the backend.
  const { createBackend } = await import('../../electron/backend');
  try {
    const backend = await createBackend({
      dbPath: join(dir, 'unused.sqlite'),
      postgres: { connectionString: server.url(TEMPLATE_DATABASE) },
      backupEveryMinutes: null,
      // The clerk temp-backend signs in as: the base then knows this one clerk, as a test file does.
      clerk: 'test clerk',
      logger: { error: () => undefined },
    });
    await backend.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The server of this test run: the one vitest's global set-up started (its admin URL in
 * TOURDESK_PG_ADMIN_URL), or one started now for this process and stopped when it ends.
 */
let shared: Promise<Pick<PgServer, 'createDatabase' | 'dropDatabase'>> | null = null;

export function testPgServer(): Promise<Pick<PgServer, 'createDatabase' | 'dropDatabase'>> {
  shared ??= (async () => {
    const adminUrl = process.env.TOURDESK_PG_ADMIN_URL;
    if (adminUrl) {
      const parsed = new URL(adminUrl);
      return databaseManager((database) => {
        const u = new URL(parsed.href);
        u.pathname = `/${database}`;
        return u.href;
      });
    }
    // Stopped at this process's exit, or by startPgServer's watchdog when the process is killed.
    const server = await startPgServer();
    process.once('exit', () => server.stop());
    await createTemplateDatabase(server);
    return server;
  })();
  return shared;
}
