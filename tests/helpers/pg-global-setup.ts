import { startPgServer } from './pg-server';

/**
 * vitest globalSetup of the PostgreSQL half: one real server for the whole run; every test file's
 * backends get fresh databases on it (tests/helpers/pg-server.ts testPgServer), found through
 * TOURDESK_PG_ADMIN_URL, which the forked workers inherit.
 */
export default async function setup(): Promise<() => void> {
  const server = await startPgServer();
  process.env.TOURDESK_PG_ADMIN_URL = server.url('postgres');
  return () => server.stop();
}
