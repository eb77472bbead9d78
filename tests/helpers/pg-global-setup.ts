import { createTemplateDatabase, startPgServer } from './pg-server';

/**
 * vitest globalSetup of the PostgreSQL half: one real server for the whole run; every test's
 * backend gets a fresh copy of the migrated template database on it (tests/helpers/pg-server.ts testPgServer), found through
 * TOURDESK_PG_ADMIN_URL, which the forked workers inherit.
 */
export default async function setup(): Promise<() => void> {
  const server = await startPgServer();
  try {
    await createTemplateDatabase(server);
  } catch (error) {
    server.stop();
    throw error;
  }
  process.env.TOURDESK_PG_ADMIN_URL = server.url('postgres');
  return () => server.stop();
}
