/**
 * Issue 13's figures: a base of 200,000 clients of which 2% are planted duplicates, planted the ways
 * they arise at a desk (the other script only, an informal passport spelling, a patronymic added, a
 * typo, the same passport under another spelling); the full duplicate scan with its recall and
 * precision, and the search by passport and by phone, each beside the bare SQL it stands on.
 * Runs alone (`npx tsx bench/duplicates.ts`) or from `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { createBackend, type Backend } from '../electron/backend';
import { createRandom, generateClients } from '../electron/backend/demo/generate-clients';
import { scanPairs } from '../electron/backend/repositories/duplicates-scan';
import { findByIdentifier, identifiedPage } from '../electron/backend/repositories/client-identifiers';
import type { ClientInput } from '../shared/domain/client';
import { toLatin, toLatinInformal } from '../shared/names';
import { percentile, printRow, time } from './report';

const TOTAL = Number(process.env.BENCH_CLIENTS ?? 200_000);
const PLANTED = Math.round(TOTAL * 0.02);
const QUERIES = 400;

type Plant = (c: ClientInput, random: () => number) => ClientInput;

const upper = (s: string) => s.toUpperCase();

/** The card as a list that gave only the passport's Latin (in the given spelling) would make it. */
function latinOnly(c: ClientInput, spell: (cyrillic: string) => string): ClientInput {
  return {
    ...c,
    lastNameRu: '',
    firstNameRu: '',
    middleNameRu: '',
    lastNameLat: upper(spell(c.lastNameRu)),
    firstNameLat: upper(spell(c.firstNameRu)),
  };
}

/** The ways one person gets a second card, each a realistic clerk's or list's habit. */
const PLANTS: readonly [string, Plant][] = [
  // A list gave only the passport's Latin: no Cyrillic, no documents, no phone.
  ['other script', (c) => ({ ...latinOnly(c, toLatin), phone: '', documents: [] })],
  // An older passport's informal spelling (YULIYA, ANDREY), typed as the card's Latin.
  ['passport Latin', (c) => ({ ...latinOnly(c, toLatinInformal), email: '', documents: [] })],
  // The same person again with the patronymic this time, another phone, no passport.
  [
    'patronymic added',
    (c) => ({
      ...c,
      middleNameRu: c.middleNameRu === '' ? 'Петровна' : '',
      phone: '+7 999 000-00-00',
      documents: [],
    }),
  ],
  // A typo in the surname (a letter dropped or doubled), same birth date.
  [
    'typo',
    (c, random) => {
      const s = c.lastNameRu;
      const at = 1 + Math.floor(random() * Math.max(1, s.length - 2));
      const typo = random() < 0.5 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + s[at] + s.slice(at);
      return { ...c, lastNameRu: typo, lastNameLat: '', firstNameLat: '', documents: [] };
    },
  ],
  // The same passport under another spelling and no birth date (a hotel list).
  [
    'same passport',
    (c) => ({
      ...latinOnly(c, toLatinInformal),
      birthDate: null,
      phone: '',
      email: '',
      documents: c.documents.filter((d) => d.kind === 'foreign_passport').slice(0, 1),
    }),
  ],
];

const pairKey = (x: number, y: number) => (x < y ? `${x}-${y}` : `${y}-${x}`);

interface Planted {
  copies: ClientInput[];
  /** Each planted pair, "a-b", with the kind of plant that made it. */
  truth: { key: string; kind: string }[];
}

/** PLANTED second cards of random originals, the plants taken in turn; deterministic. */
function plantDuplicates(originals: readonly ClientInput[]): Planted {
  const random = createRandom(7);
  const planted: Planted = { copies: [], truth: [] };
  let turn = 0;
  while (planted.copies.length < PLANTED) {
    const index = Math.floor(random() * originals.length);
    const original = originals[index] as ClientInput;
    const [kind, plant] = PLANTS[turn % PLANTS.length] as [string, Plant];
    const usable =
      original.lastNameRu !== '' &&
      original.birthDate !== null &&
      (kind !== 'same passport' || original.documents.some((d) => d.kind === 'foreign_passport'));
    if (!usable) continue;
    turn++;
    planted.copies.push(plant(original, random));
    // Ids follow the insertion order from 1: originals first, then the copies.
    planted.truth.push({ key: pairKey(index + 1, originals.length + planted.copies.length), kind });
  }
  return planted;
}

/**
 * BENCH_DUPES_DB keeps the seeded base for the next run; the base is generated from fixed seeds,
 * so the planted pairs are known again without reading it.
 */
const KEPT_DB = process.env.BENCH_DUPES_DB ?? null;

export async function benchDuplicates(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-dupes-'));
  const dbPath = KEPT_DB ?? join(dir, 'dupes.sqlite');
  const backend = await createBackend({
    dbPath,
    backupEveryMinutes: null,
    logger: { error: console.error },
  });
  try {
    const originals = generateClients(TOTAL - PLANTED, 1313);
    const { copies, truth } = plantDuplicates(originals);
    const seeded = Number(
      (
        await backend.db
          .selectFrom('clients')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (seeded === 0) {
      await backend.clients.insertMany(originals);
      await backend.clients.insertMany(copies);
    } else if (seeded !== TOTAL) throw new Error(`${KEPT_DB} holds ${seeded} clients, not ${TOTAL}`);
    const perKind = PLANTS.map(([kind]) => `${kind} ${truth.filter((t) => t.kind === kind).length}`);
    console.log(
      `${TOTAL.toLocaleString('en')} clients, ${PLANTED.toLocaleString('en')} planted duplicates (${perKind.join(', ')})${seeded === 0 ? '' : ', reused base'}`,
    );

    const raw = await timeWithCpu(() => rawRead(dbPath));
    const scan = await timeWithCpu(() => backend.dispatch('duplicates.scan', { limit: 500 }));
    if (!scan.value.ok) throw new Error(`scan failed: ${JSON.stringify(scan.value)}`);
    const all = new Set(await allPairs(backend));
    const hits = truth.filter((t) => all.has(t.key)).length;
    printRow(`full duplicate scan (${TOTAL.toLocaleString('en')} clients)`, scan.ms, 5000);
    printRow('  raw better-sqlite3: the same rows read and dropped', raw.ms, null);
    console.log(
      `  ratio scan / raw read: ${(scan.ms / raw.ms).toFixed(1)}; CPU time of this process: scan ${scan.cpuMs.toFixed(0)} ms, raw ${raw.cpuMs.toFixed(0)} ms (the rest of the wall time is waiting for a shared CPU)`,
    );
    console.log(
      `  candidates ${all.size}, planted found ${hits} of ${truth.length}: recall ${pct(hits, truth.length)} (goal 95%), precision ${pct(hits, all.size)} (goal 90%)`,
    );
    for (const [kind] of PLANTS) {
      const ofKind = truth.filter((t) => t.kind === kind);
      const kindHits = ofKind.filter((t) => all.has(t.key)).length;
      console.log(`    ${kind.padEnd(18)} recall ${pct(kindHits, ofKind.length)}`);
    }
    await benchSearch(backend, originals);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true }); // a BENCH_DUPES_DB base is outside it and kept
  }
}

const pct = (n: number, of: number) => `${of === 0 ? 0 : ((100 * n) / of).toFixed(1)}%`;

/**
 * The floor under the scan: the same rows it reads (the live cards' names, birth dates and contacts;
 * the passports' own Latin; the documents whose number is on two), straight from better-sqlite3,
 * each row looked at and dropped.
 */
function rawRead(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    let cells = 0;
    for (const query of [
      `SELECT id, last_name_ru, first_name_ru, last_name_lat, first_name_lat, birth_date, phone, email
        FROM clients WHERE deleted_at IS NULL`,
      `SELECT d.client_id, d.last_name_lat, d.first_name_lat FROM documents d JOIN clients c ON c.id = d.client_id
        WHERE d.kind IN ('foreign_passport', 'internal_passport') AND d.last_name_lat <> ''
        AND (d.last_name_lat <> c.last_name_lat OR d.first_name_lat <> c.first_name_lat)`,
      `SELECT client_id, kind, series, number FROM documents
        WHERE kind IN ('foreign_passport', 'internal_passport')
        AND number IN (SELECT number FROM documents WHERE number <> '' GROUP BY number HAVING count(*) > 1)`,
    ]) {
      for (const row of db.prepare(query).raw().iterate()) cells += (row as unknown[]).length;
    }
    return cells;
  } finally {
    db.close();
  }
}

/** Wall time and this process's CPU time of one run: the machine is shared, so both are printed. */
async function timeWithCpu<T>(run: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const { ms, value } = await time(run);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** Every pair the scan finds, not only the first page the screen shows. */
async function allPairs(backend: Backend): Promise<string[]> {
  return (await scanPairs(backend.db, () => false)).map((p) => `${p.a}-${p.b}`);
}

async function benchSearch(backend: Backend, originals: ClientInput[]): Promise<void> {
  const random = createRandom(99);
  const passports: string[] = [];
  const phones: string[] = [];
  while (passports.length < QUERIES) {
    const c = originals[Math.floor(random() * originals.length)] as ClientInput;
    const p = c.documents.find((d) => d.kind === 'foreign_passport');
    if (p) passports.push(random() < 0.5 ? `${p.series} ${p.number}` : `${p.series}${p.number}`);
    const digits = c.phone.replace(/\D/g, '');
    if (digits.length >= 10) {
      const forms = [c.phone, `8${digits.slice(-10)}`, digits.slice(-4), digits.slice(-7)];
      phones.push(forms[Math.floor(random() * forms.length)] as string);
    }
  }
  for (const [label, queries, rawQuery] of [
    [
      'passport',
      passports,
      (q: string) =>
        sql`SELECT client_id FROM documents WHERE number = ${q.replace(/\s/g, '')} OR series || number = ${q.replace(/\s/g, '')}`,
    ],
    [
      'phone',
      phones.slice(0, QUERIES),
      (q: string) =>
        sql`SELECT id FROM clients WHERE deleted_at IS NULL AND substr(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', ''), -4) = ${q.replace(/\D/g, '').slice(-4)}`,
    ],
  ] as const) {
    const timings: number[] = [];
    const raws: number[] = [];
    const direct: number[] = [];
    for (const q of queries) {
      direct.push(
        (
          await time(async () =>
            identifiedPage(backend.db, (await findByIdentifier(backend.db, q)) ?? [], {
              sort: 'name',
              direction: 'asc',
              offset: 0,
              limit: 100,
            }),
          )
        ).ms,
      );
      const { ms, value } = await time(() => backend.dispatch('clients.list', { search: q, limit: 100 }));
      if (!value.ok || (value.value as { rows: unknown[] }).rows.length === 0)
        throw new Error(`${label} search found nothing for ${q}`);
      timings.push(ms);
      raws.push((await time(() => rawQuery(q).execute(backend.db))).ms);
    }
    const p95 = percentile(timings, 95);
    const rawP95 = percentile(raws, 95);
    printRow(`clients search by ${label} (p95, ${timings.length} queries)`, p95, 10);
    printRow(`  raw SQLite index query (p95)`, rawP95, null);
    printRow(`  the search itself, without the command dispatch (p95)`, percentile(direct, 95), null);
    console.log(`  ratio: ${(p95 / rawP95).toFixed(1)}`);
  }
}

if (require.main === module) {
  benchDuplicates().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
