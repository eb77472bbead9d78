import { installCodeCache } from '../../electron/boot/code-cache';

/**
 * A fresh process for code-cache.test.ts: installs the cache under argv[2] (version argv[3]), loads
 * the module argv[4], runs its `run()`, writes the code, and prints what it answered and the counts.
 */
async function main(): Promise<void> {
  const [root, version, entry] = process.argv.slice(2) as [string, string, string];
  const cache = installCodeCache(root, version);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(entry) as { run: () => Promise<unknown> };
  const result = await loaded.run();
  cache.flush();
  process.stdout.write(JSON.stringify({ result, counts: cache.counts() }));
}

void main();
