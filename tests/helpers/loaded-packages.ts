/**
 * Run in a fresh process (tsx): starts the backend on the file given, answers what the first screen
 * asks (and then the loyalty worklist, with `--then-worklist`), and prints the npm packages and the
 * project's own modules Node has loaded by then, one JSON object on stdout.
 */
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { createBackend } from '../../electron/backend';

async function main(): Promise<void> {
  const [dbPath, then] = process.argv.slice(2);
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
  if (then === '--then-worklist') {
    const answer = await backend.dispatch('worklist.list', { period: 'week' });
    if (!answer.ok) throw new Error(`worklist.list: ${answer.error.code} ${answer.error.message}`);
  }
  await backend.integrityChecked;
  const packages = new Set<string>();
  const own: string[] = [];
  const root = join(__dirname, '..', '..');
  for (const file of Object.keys(createRequire(__filename).cache)) {
    const found = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (found?.[1]) packages.add(found[1]);
    else if (file.startsWith(root)) own.push(relative(root, file));
  }
  await backend.close();
  process.stdout.write(JSON.stringify({ packages: [...packages].sort(), own: own.sort() }));
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
