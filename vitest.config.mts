import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // These two hold both dialects themselves and need the PostgreSQL server: `npm run test:pg` runs them.
    exclude: [
      '**/node_modules/**',
      'tests/integration/dialect-parity.test.ts',
      'tests/integration/db-move.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
