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
import { sql } from 'kysely';
import { createBackend, type Backend } from '../electron/backend';
import { createRandom, generateClients } from '../electron/backend/demo/generate-clients';
import { scanPairs } from '../electron/backend/repositories/duplicates';
import { findByIdentifier, identifiedPage } from '../electron/backend/repositories/client-identifiers';
import type { ClientInput } from '../shared/domain/client';
import { toLatin, toLatinInformal } from '../shared/names';
import { percentile, printRow, time } from './report';

const TOTAL = Number(process.env.BENCH_CLIENTS ?? 200_000);
const PLANTED = Math.round(TOTAL * 0.02);
const QUERIES = 400;

type Plant = (c: ClientInput, random: () => number) => ClientInput;

const upper = (s: string) => s.toUpperCase();

/** The ways one person gets a second card, each a realistic clerk's or list's habit. */
const PLANTS: readonly [string, Plant][] = [
  // A list gave only the passport's Latin: no Cyrillic, no documents, no phone.
  [
    'other script',
    (c) => ({
      ...c,
      lastNameRu: '',
      firstNameRu: '',
      middleNameRu: '',
      lastNameLat: upper(toLatin(c.lastNameRu)),
      firstNameLat: upper(toLatin(c.firstNameRu)),
      phone: '',
      documents: [],
    }),
  ],
  // An older passport's informal spelling (YULIYA, ANDREY), typed as the card's Latin.
  [
    'passport Latin',
    (c) => ({
      ...c,
      lastNameRu: '',
      firstNameRu: '',
      middleNameRu: '',
      lastNameLat: upper(toLatinInformal(c.lastNameRu)),
      firstNameLat: upper(toLatinInformal(c.firstNameRu)),
      email: '',
      documents: [],
    }),
  ],
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
      ...c,
      lastNameRu: '',
      firstNameRu: '',
      middleNameRu: '',
      lastNameLat: upper(toLatinInformal(c.lastNameRu)),
      firstNameLat: upper(toLatinInformal(c.firstNameRu)),
      birthDate: null,
      phone: '',
      email: '',
      documents: c.documents.filter((d) => d.kind === 'foreign_passport').slice(0, 1),
    }),
  ],
];

export async function benchDuplicates(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-bench-dupes-'));
  const backend = await createBackend({
    dbPath: join(dir, 'dupes.sqlite'),
    logger: { error: console.error },
  });
  try {
    const originals = generateClients(TOTAL - PLANTED, 1313);
    const random = createRandom(7);
    const truth: [number, number][] = [];
    const copies: ClientInput[] = [];
    const perKind = new Map<string, number>();
    for (let i = 0; i < PLANTED; i++) {
      const index = Math.floor(random() * originals.length);
      const original = originals[index] as ClientInput;
      if (original.lastNameRu === '' || !original.birthDate) {
        i--;
        continue;
      }
      const [kind, plant] = PLANTS[i % PLANTS.length] as [string, Plant];
      if (kind === 'same passport' && !original.documents.some((d) => d.kind === 'foreign_passport')) {
        i--;
        continue;
      }
      copies.push(plant(original, random));
      // Ids follow the insertion order from 1: originals first, then the copies.
      truth.push([index + 1, originals.length + copies.length]);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    }
    await backend.clients.insertMany(originals);
    await backend.clients.insertMany(copies);
    console.log(
      `${TOTAL.toLocaleString('en')} clients, ${PLANTED.toLocaleString('en')} planted duplicates (${[
        ...perKind,
      ]
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`,
    );

    const raw = await time(() => rawRead(backend));
    const scan = await time(() => backend.dispatch('duplicates.scan', { limit: 5000 }));
    if (!scan.value.ok) throw new Error(`scan failed: ${JSON.stringify(scan.value)}`);
    const all = await allPairs(backend);
    const pairs = all.length;
    const allSet = new Set(all);
    const planted = new Set(truth.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
    const hits = all.filter((k) => planted.has(k)).length;
    printRow('full duplicate scan (200,000 clients)', scan.ms, 5000);
    printRow('  raw SQLite: read the columns it needs', raw.ms, null);
    console.log(`  ratio scan / raw read: ${(scan.ms / raw.ms).toFixed(1)}`);
    console.log(
      `  candidates ${pairs}, planted found ${hits} of ${planted.size}: recall ${pct(hits, planted.size)} (goal 95%), precision ${pct(hits, all.length)} (goal 90%)`,
    );
    for (const [kind] of PLANTS) {
      const ofKind = truth.filter((_, i) => (PLANTS[i % PLANTS.length] as [string, Plant])[0] === kind);
      const kindHits = ofKind.filter(([a, b]) => allSet.has(`${Math.min(a, b)}-${Math.max(a, b)}`)).length;
      console.log(`    ${kind.padEnd(18)} recall ${pct(kindHits, ofKind.length)}`);
    }
    await benchSearch(backend, originals);
  } finally {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (n: number, of: number) => `${of === 0 ? 0 : ((100 * n) / of).toFixed(1)}%`;

async function rawRead(backend: Backend): Promise<number> {
  const clients =
    await sql`SELECT id, last_name_ru, first_name_ru, middle_name_ru, last_name_lat, first_name_lat,
    birth_date, phone, email, updated_at FROM clients WHERE deleted_at IS NULL`.execute(backend.db);
  const documents =
    await sql`SELECT d.client_id, d.kind, d.series, d.number, d.last_name_lat, d.first_name_lat
    FROM documents d JOIN clients c ON c.id = d.client_id
    WHERE c.deleted_at IS NULL AND d.kind IN ('foreign_passport', 'internal_passport')`.execute(backend.db);
  return clients.rows.length + documents.rows.length;
}

/** Every pair the scan finds, not only the first page the screen shows. */
async function allPairs(backend: Backend): Promise<string[]> {
  return (await scanPairs(backend.db)).pairs.map((p) => `${p.a}-${p.b}`);
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
