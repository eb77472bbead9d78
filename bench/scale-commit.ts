import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../electron/backend';
import { benchCommitBesideRaw } from './scale';

/**
 * The 5,000-row import commit beside the raw prepared-statement transaction alone, on a fresh base:
 * `node scripts/run-ts.mjs bench/scale-commit.ts` (best of 4 on each side, in turns, as `npm run bench` prints it).
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-commit-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const backend = await createBackend({
    dbPath,
    backupEveryMinutes: null,
    logger: { error: (m) => console.error(m) },
  });
  try {
    await benchCommitBesideRaw(backend, dbPath);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
