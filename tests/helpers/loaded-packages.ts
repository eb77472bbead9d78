/**
 * Run in a fresh process (tsx): starts the backend on the file given, answers what the first screen
 * asks, and prints the npm packages Node has loaded by then, one JSON array on stdout.
 */
import { createRequire } from 'node:module';
import { createBackend } from '../../electron/backend';

async function main(): Promise<void> {
  const [dbPath] = process.argv.slice(2);
  if (!dbPath) throw new Error('usage: loaded-packages.ts FILE');
  const backend = await createBackend({
    dbPath,
    logger: { error: () => undefined },
    backupEveryMinutes: null,
    deferIntegrityCheck: true,
  });
  for (const [name, input] of [
    ['app.info', {}],
    ['settings.get', { key: 'ui.language' }],
    ['clients.list', { limit: 100 }],
  ] as const) {
    const answer = await backend.dispatch(name, input);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code}`);
  }
  await backend.integrityChecked;
  const packages = new Set<string>();
  for (const file of Object.keys(createRequire(__filename).cache)) {
    const found = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (found?.[1]) packages.add(found[1]);
  }
  await backend.close();
  process.stdout.write(JSON.stringify([...packages].sort()));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
