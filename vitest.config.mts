import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // These need the PostgreSQL server: `npm run test:pg` runs them on its one server (each file here
    // would start a cluster of its own).
    exclude: [
      '**/node_modules/**',
      'tests/integration/dialect-parity.test.ts',
      'tests/integration/db-move.test.ts',
      'tests/integration/live-updates.test.ts',
      'tests/integration/connection.test.ts',
      'tests/integration/server-backups.test.ts',
      'tests/integration/pg-*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
