import { defineConfig } from 'vitest/config';

/**
 * `npm run test:pg`: the backend integration tests again, on a real PostgreSQL server that
 * tests/helpers/pg-global-setup.ts starts and stops (issue 14). The files are those that exercise
 * the repositories; file-only features (encryption at rest, file backups, opening and upgrading a
 * base file) stay in the SQLite half.
 */
export default defineConfig({
  test: {
    include: [
      'tests/integration/dialect-parity.test.ts',
      'tests/integration/db-move.test.ts',
      'tests/integration/clients*.test.ts',
      'tests/integration/tours*.test.ts',
      'tests/integration/tourists*.test.ts',
      'tests/integration/import*.test.ts',
      'tests/integration/undo*.test.ts',
      'tests/integration/audit*.test.ts',
      'tests/integration/duplicates*.test.ts',
      'tests/integration/loyalty*.test.ts',
      'tests/integration/questionnaire*.test.ts',
      'tests/integration/books-keyset.test.ts',
      // Server-only features: run here alone, on the global set-up's one server.
      'tests/integration/live-updates.test.ts',
      'tests/integration/connection.test.ts',
      'tests/integration/server-backups.test.ts',
      'tests/integration/pg-*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['tests/helpers/pg-global-setup.ts'],
    env: { TOURDESK_TEST_DIALECT: 'postgres' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
