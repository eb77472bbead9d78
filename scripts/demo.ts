import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../electron/backend';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { defaultDatabasePath } from '../electron/backend/paths';
import { todayIso } from '../shared/domain/dates';

/** `npm run demo [-- --db FILE] [--count N] [--force]`: fills a database with realistic regular clients. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      count: { type: 'string', default: '200' },
      force: { type: 'boolean', default: false },
    },
  });
  const dbPath = values.db ?? defaultDatabasePath();
  mkdirSync(dirname(dbPath), { recursive: true });
  const backend = await createBackend({ dbPath, logger: { error: (m) => console.error(m) } });
  try {
    const existing = await backend.clients.list({
      search: '',
      citizenship: '',
      passportExpiresWithinMonths: null,
      birthdayMonth: null,
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: 1,
    });
    if (existing.total > 0 && !values.force) {
      console.log(
        `${dbPath} already has ${existing.total} clients; nothing added (use --force to add more).`,
      );
      return;
    }
    const count = Number(values.count);
    const added = await backend.clients.insertMany(generateClients(count, Date.now() % 100000, todayIso()));
    console.log(`Added ${added} demo clients to ${dbPath}`);
  } finally {
    await backend.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
