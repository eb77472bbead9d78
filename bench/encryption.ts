/**
 * Encryption at rest, in one run: the same 200,000-client base plain and encrypted (search p95 and a
 * 5,000-client commit within 1.2x), a verified backup of the encrypted base, and the conversion of
 * the plain one. `node scripts/run-ts.mjs bench/encryption.ts` alone, or from `npm run bench`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../electron/backend';
import { newDatabaseKey, type DatabaseKey } from '../electron/backend/crypto/database-key';
import { encryptFileInPlace } from '../electron/backend/crypto/encrypt-file';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { SURNAMES } from '../electron/backend/demo/names';
import { percentile, printRow, time } from './report';
import { fileOnly } from '../electron/backend/db/open-store';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);
const SLICE = 50_000;
const quiet = { error: (m: string) => console.error(m) };

async function seeded(dbPath: string, key: DatabaseKey | null): Promise<Backend> {
  const backend = await createBackend({ dbPath, key, logger: quiet, backupEveryMinutes: null });
  for (let done = 0; done < CLIENTS; done += SLICE) {
    await backend.clients.insertMany(
      generateClients(Math.min(SLICE, CLIENTS - done), 7 + done, '2026-01-01'),
    );
  }
  return backend;
}

async function searchP95(backend: Backend): Promise<number> {
  const prefixes = SURNAMES.flatMap((s) => [s.slice(0, 1), s.slice(0, 3), s]);
  const timings: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const search of prefixes) {
      const { ms, value } = await time(() => backend.dispatch('clients.list', { limit: 100, search }));
      if (!value.ok) throw new Error(`search failed: ${JSON.stringify(value.error)}`);
      timings.push(ms);
    }
  }
  return percentile(timings, 95);
}

async function commit5000(backend: Backend, round: number): Promise<number> {
  const rows = generateClients(5_000, 99 + round, '2026-01-01');
  return (await time(() => backend.clients.insertMany(rows))).ms;
}

const ratioLine = (label: string, plain: number, encrypted: number) =>
  console.log(
    `  ${label}: encrypted/plain = ${(encrypted / plain).toFixed(2)} (budget 1.20: ${encrypted / plain <= 1.2 ? 'OK' : 'OVER'})`,
  );

export async function benchEncryption(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-crypto-'));
  try {
    console.log(`\nEncryption at rest: ${CLIENTS.toLocaleString('en')} clients, plain and encrypted\n`);
    const plain = await seeded(join(dir, 'plain.sqlite'), null);
    const key = newDatabaseKey();
    const encrypted = await seeded(join(dir, 'encrypted.sqlite'), key);
    // Alternating, so a busy neighbour on the machine weighs on both alike.
    const plainSearch = await searchP95(plain);
    const encSearch = await searchP95(encrypted);
    const plainSearch2 = await searchP95(plain);
    const encSearch2 = await searchP95(encrypted);
    const ps = Math.min(plainSearch, plainSearch2);
    const es = Math.min(encSearch, encSearch2);
    printRow('surname-prefix search, plain (p95)', ps, 10);
    printRow('surname-prefix search, encrypted (p95)', es, 10);
    ratioLine('search p95', ps, es);
    // Three alternating rounds, the best of each: one slow round on a shared machine says little.
    const plainCommits: number[] = [];
    const encryptedCommits: number[] = [];
    for (let round = 0; round < 3; round++) {
      plainCommits.push(await commit5000(plain, round));
      encryptedCommits.push(await commit5000(encrypted, round));
    }
    const pc = Math.min(...plainCommits);
    const ec = Math.min(...encryptedCommits);
    printRow('5,000-client commit, plain', pc, 1000);
    printRow('5,000-client commit, encrypted', ec, 1000);
    ratioLine('5,000-client commit', pc, ec);

    const backup = await time(() => fileOnly(encrypted.backups, 'backup').create('manual'));
    printRow(
      `verified backup of the encrypted base (${(backup.value.sizeBytes / 1e6).toFixed(1)} MB)`,
      backup.ms,
      10_000,
    );
    await plain.close();
    await encrypted.close();
    const plainPath = join(dir, 'plain.sqlite');
    const size = statSync(plainPath).size;
    const conversion = await time(() => encryptFileInPlace(plainPath, newDatabaseKey()));
    printRow(
      `conversion of the plain base (${(size / 1e6).toFixed(1)} MB: copy, rekey, verify, swap)`,
      conversion.ms,
      null,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('encryption.ts')) {
  benchEncryption().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
