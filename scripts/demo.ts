import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../electron/backend';
import { KeyStore } from '../electron/backend/crypto/key-store';
import { fileKeyWrapper } from '../electron/backend/crypto/key-wrappers';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { fillDemoHistory } from '../electron/backend/demo/fill-history';
import { defaultDatabasePath } from '../electron/backend/paths';
import { clientListQuerySchema } from '../shared/api/contract';
import { today as todayOf } from '../shared/domain/clock';

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
  // The same key file as browser mode: a base whose key only the desktop app's OS key store holds stays locked here.
  const keys = await new KeyStore(dbPath, [fileKeyWrapper(dirname(dbPath))]).open();
  if (keys.kind === 'locked')
    throw new Error(
      `${dbPath} is encrypted with a key this command cannot unwrap: add demo data in browser mode or before the first start`,
    );
  const backend = await createBackend({ dbPath, key: keys.key, logger: { error: (m) => console.error(m) } });
  try {
    // The whole list with its total: every filter at its default, as the contract defines it.
    const existing = await backend.clients.list(clientListQuerySchema().parse({ limit: 1, count: true }));
    if ((existing.total ?? 0) > 0 && !values.force) {
      console.log(
        `${dbPath} already has ${existing.total} clients; nothing added (use --force to add more).`,
      );
      return;
    }
    const count = Number(values.count);
    const today = todayOf();
    const added = await backend.clients.insertMany(generateClients(count, Date.now() % 100000, today));
    // Several years of tours with payers, feedback, referrals and a few contacts, so the tours
    // screen, the clients' histories, the Loyalty screen and the worklist have something to show.
    const history = await fillDemoHistory(backend, { today, seed: Date.now() % 100 });
    console.log(
      `Added ${added} demo clients, ${history.tours} tours (${history.tourists} tourists, ${history.payers} payers), ` +
        `${history.feedback} feedback entries, ${history.referrals} referrals and ${history.contacts} contacts to ${dbPath}`,
    );
  } finally {
    await backend.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
