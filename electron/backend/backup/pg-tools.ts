import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type pg from 'pg';

export type PgTool = 'pg_dump' | 'pg_restore';

/**
 * A PostgreSQL client tool: first on PATH, then the newest Debian/Ubuntu install
 * (/usr/lib/postgresql/<version>/bin, which is not on PATH there). null when none is installed.
 */
export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string | null {
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (existsSync(join(dir, exe))) return join(dir, exe);
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', exe)))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin', exe);
}

/**
 * The tools' connection arguments and environment. The password goes in PGPASSWORD, never on the
 * command line (another local account could read it there); a connection string loses its password.
 */
export function toolConnection(config: pg.ClientConfig): { args: string[]; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: 'TourDesk backup' };
  const args: string[] = [];
  if (config.connectionString) {
    const url = new URL(config.connectionString);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
    args.push(`--dbname=${url.href}`);
  }
  if (config.host) args.push(`--host=${config.host}`);
  if (config.port) args.push(`--port=${config.port}`);
  if (config.user) args.push(`--username=${config.user}`);
  if (config.database) args.push(`--dbname=${config.database}`);
  if (typeof config.password === 'string') env.PGPASSWORD = config.password;
  if (config.ssl) env.PGSSLMODE = 'verify-full';
  return { args: [...args, '--no-password'], env };
}

/** Runs a tool to its end; rejects with its own words (stderr) on failure. */
export function runPgTool(path: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(path, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${path} failed: ${stderr.trim() || error.message}`));
      else resolve();
    });
  });
}
