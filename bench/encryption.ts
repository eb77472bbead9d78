/**
 * Encryption at rest, in one run: the same base plain, in AEGIS (the app's cipher) and in ChaCha20
 * (the cipher of bases made before, for comparison): surname search p95 and a 5,000-client commit,
 * wall and CPU, each against the budget of 1.2x plain; then a verified backup of the AEGIS base and
 * the one-time conversions (plain → AEGIS, ChaCha20 → AEGIS). `node scripts/run-ts.mjs
 * bench/encryption.ts` alone (BENCH_CLIENTS=50000 for a quicker run), or from `npm run bench`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../electron/backend';
import { newDatabaseKey, withCipher, type DatabaseKey } from '../electron/backend/crypto/database-key';
import { encryptFileInPlace, recipherFileInPlace } from '../electron/backend/crypto/encrypt-file';
import { generateClients } from '../electron/backend/demo/generate-clients';
import { SURNAMES } from '../electron/backend/demo/names';
import { fileOnly } from '../electron/backend/db/open-store';
import { percentile, printRow } from './report';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);
const SLICE = 50_000;
const ROUNDS = 3;
const BUDGET = 1.2;
const quiet = { error: (m: string) => console.error(m) };

interface Cost {
  wall: number;
  cpu: number;
}

/** Wall and CPU milliseconds of one run (CPU: this process, every thread). */
async function measure(run: () => Promise<unknown>): Promise<Cost> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

async function seeded(dbPath: string, key: DatabaseKey | null): Promise<Backend> {
  const backend = await createBackend({ dbPath, key, logger: quiet, backupEveryMinutes: null });
  for (let done = 0; done < CLIENTS; done += SLICE) {
    await backend.clients.insertMany(
      generateClients(Math.min(SLICE, CLIENTS - done), 7 + done, '2026-01-01'),
    );
  }
  return backend;
}

const PREFIXES = SURNAMES.flatMap((s) => [s.slice(0, 1), s.slice(0, 3), s]);

/** p95 of the wall and of the CPU time of one pass of surname searches. */
async function searchP95(backend: Backend): Promise<Cost> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (const search of PREFIXES) {
    const cost = await measure(async () => {
      const answer = await backend.dispatch('clients.list', { limit: 100, search });
      if (!answer.ok) throw new Error(`search failed: ${JSON.stringify(answer.error)}`);
    });
    walls.push(cost.wall);
    cpus.push(cost.cpu);
  }
  return { wall: percentile(walls, 95), cpu: percentile(cpus, 95) };
}

const commit5000 = (backend: Backend, round: number) => {
  const rows = generateClients(5_000, 99 + round, '2026-01-01');
  return measure(() => backend.clients.insertMany(rows));
};

const best = (costs: Cost[]): Cost => ({
  wall: Math.min(...costs.map((c) => c.wall)),
  cpu: Math.min(...costs.map((c) => c.cpu)),
});

function ratioLines(label: string, plain: Cost, encrypted: Cost, budgeted: boolean): void {
  for (const part of ['wall', 'cpu'] as const) {
    const ratio = encrypted[part] / plain[part];
    const verdict = budgeted ? `  budget ${BUDGET.toFixed(2)}x: ${ratio <= BUDGET ? 'OK' : 'OVER'}` : '';
    console.log(
      `  ${`${label}, ${part}`.padEnd(56)} ${`${ratio.toFixed(2)}x`.padStart(10)}` +
        `  (${encrypted[part].toFixed(1)} / ${plain[part].toFixed(1)} ms)${verdict}`,
    );
  }
}

export async function benchEncryption(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-crypto-'));
  try {
    console.log(
      `\nEncryption at rest: ${CLIENTS.toLocaleString('en')} clients, plain, AEGIS (the app's) and ChaCha20 (before)\n`,
    );
    const key = newDatabaseKey();
    const bases = [
      { name: 'plain', backend: await seeded(join(dir, 'plain.sqlite'), null) },
      { name: 'AEGIS', backend: await seeded(join(dir, 'aegis.sqlite'), key) },
      { name: 'ChaCha20', backend: await seeded(join(dir, 'chacha20.sqlite'), withCipher(key, 'chacha20')) },
    ];
    // Rounds alternate between the bases, so a busy neighbour on the machine weighs on all alike;
    // the best round of each counts.
    const searches = bases.map(() => [] as Cost[]);
    const commits = bases.map(() => [] as Cost[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, base] of bases.entries()) searches[i]!.push(await searchP95(base.backend));
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, base] of bases.entries()) commits[i]!.push(await commit5000(base.backend, round));
    }
    const search = searches.map(best);
    const commit = commits.map(best);
    for (const [i, base] of bases.entries()) {
      printRow(
        `surname search p95, ${base.name} (wall; CPU ${search[i]!.cpu.toFixed(2)} ms)`,
        search[i]!.wall,
        10,
      );
    }
    for (const [i, base] of bases.entries()) {
      printRow(
        `5,000-client commit, ${base.name} (wall; CPU ${commit[i]!.cpu.toFixed(0)} ms)`,
        commit[i]!.wall,
        null,
      );
    }
    console.log('\nEncrypted / plain (best of each):');
    ratioLines('search p95, AEGIS', search[0]!, search[1]!, true);
    ratioLines('5,000-client commit, AEGIS', commit[0]!, commit[1]!, true);
    ratioLines('search p95, ChaCha20 (bases made before)', search[0]!, search[2]!, false);
    ratioLines('5,000-client commit, ChaCha20 (bases made before)', commit[0]!, commit[2]!, false);
    console.log('');

    const aegis = bases[1]!.backend;
    const backup = await measure(() => Promise.resolve(fileOnly(aegis.backups, 'backup').create('manual')));
    printRow('verified backup of the AEGIS base', backup.wall, 10_000);
    for (const base of bases) await base.backend.close();

    const plainPath = join(dir, 'plain.sqlite');
    const chachaPath = join(dir, 'chacha20.sqlite');
    const size = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;
    const plainSize = size(plainPath);
    const toAegis = await measure(() => Promise.resolve(encryptFileInPlace(plainPath, newDatabaseKey())));
    printRow(`conversion plain → AEGIS once (${plainSize}: copy, rekey, verify, swap)`, toAegis.wall, null);
    const chachaSize = size(chachaPath);
    const fromChacha = await measure(() =>
      Promise.resolve(recipherFileInPlace(chachaPath, withCipher(key, 'chacha20'), key)),
    );
    printRow(`conversion ChaCha20 → AEGIS once (${chachaSize})`, fromChacha.wall, null);
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
