import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { dialectOf } from '../db/dialect';
import { rowAfter, type KeyValue } from '../db/keyset';

type ClientQuery = SelectQueryBuilder<Database, 'clients', Record<never, never>>;

/** Rows between two sampled keys: a jump skips at most this many index entries. */
export const JUMP_STEP = 5000;
/** Queries whose samples are kept (one per list the clerk has open, sorts and filters included). */
const KEPT = 8;

interface Sample {
  token: string;
  /** keys[k] is the sort key of row (k + 1) * JUMP_STEP - 1 of the list, as rowAfter takes it. */
  keys: KeyValue[][];
}

/** Per base: two backends in one process (tests) never share a sample. */
const samplesOf = new WeakMap<Kysely<Database>, Map<string, Sample>>();
/** The walks running per base, by scope and token: one walk per list and state of the base. */
const walksOf = new WeakMap<Kysely<Database>, Map<string, Promise<void>>>();
/** Tests hold the walks here to see that a jump never waits for one. */
let walkGate: Promise<void> = Promise.resolve();

/** Test hook: walks started from now on wait for `gate` before they read the index. */
export function holdSampleWalks(gate: Promise<void>): void {
  walkGate = gate;
}

/** Resolves once the walks running on this base are over (tests, the bench). */
export async function sampleWalksSettled(db: Kysely<Database>): Promise<void> {
  await Promise.all([...(walksOf.get(db)?.values() ?? [])]);
}

async function changeToken(db: Kysely<Database>): Promise<string | null> {
  if (dialectOf(db) !== 'sqlite') return null;
  const changes = await sql<{ c: number }>`SELECT total_changes() AS c`.execute(db);
  const version = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return `${changes.rows[0]?.c ?? 0}/${version.rows[0]?.data_version ?? 0}`;
}

/**
 * Walks the list's index in steps of JUMP_STEP rows, keeping the key at each step: each step is an
 * index seek plus a skip of JUMP_STEP entries (a million rows: 200 small queries). LIMIT 10 and the
 * last row rather than LIMIT 1: with LIMIT 1 SQLite's planner picked a skip-scan and a sort.
 */
async function buildSample(
  base: ClientQuery,
  columns: readonly string[],
  direction: 'asc' | 'desc',
): Promise<KeyValue[][]> {
  const keys: KeyValue[][] = [];
  let after: KeyValue[] | null = null;
  for (;;) {
    const from: KeyValue[] | null = after;
    let step = base.select(columns.map((c) => sql.ref<KeyValue>(c).as(c.replace('clients.', ''))));
    if (from !== null) step = step.where(rowAfter(columns, from, direction));
    const rows = (await columns
      .reduce((q, c) => q.orderBy(sql.ref(c), direction), step)
      .limit(10)
      .offset(JUMP_STEP - 10)
      .execute()) as Record<string, KeyValue>[];
    const last = rows[rows.length - 1];
    if (!last || rows.length < 10) return keys;
    after = columns.map((c) => last[c.replace('clients.', '')] ?? null);
    keys.push(after);
  }
}

/**
 * Where a jump to row `offset` starts: the sampled key before it and the rows still to skip after
 * that key (under JUMP_STEP), so the scrollbar lands anywhere in a million rows by a seek instead of
 * an OFFSET that reads every row before it. null: jump by offset (near the top, or no sample here).
 * A missing or outdated sample (the base changed since) is walked again in the background and this
 * jump goes by offset meanwhile: exact, and never waiting for the walk (1.4 s at a million clients).
 */
export async function jumpStart(
  db: Kysely<Database>,
  base: ClientQuery,
  scope: string,
  columns: readonly string[],
  direction: 'asc' | 'desc',
  offset: number,
): Promise<{ after: KeyValue[]; skip: number } | null> {
  const index = Math.floor(offset / JUMP_STEP);
  if (index === 0) return null;
  const token = await changeToken(db);
  if (token === null) return null;
  const samples = samplesOf.get(db) ?? new Map<string, Sample>();
  samplesOf.set(db, samples);
  const sample = samples.get(scope);
  if (!sample || sample.token !== token) {
    walkInBackground(db, samples, { scope, token }, () => buildSample(base, columns, direction));
    return null;
  }
  samples.delete(scope);
  samples.set(scope, sample);
  const at = Math.min(index, sample.keys.length);
  const key = sample.keys[at - 1];
  if (!key) return null;
  return { after: key, skip: offset - at * JUMP_STEP };
}

/** Walks the index for a sample after the answer, unless the same walk is running already. */
function walkInBackground(
  db: Kysely<Database>,
  samples: Map<string, Sample>,
  { scope, token }: { scope: string; token: string },
  walk: () => Promise<KeyValue[][]>,
): void {
  const walks = walksOf.get(db) ?? new Map<string, Promise<void>>();
  walksOf.set(db, walks);
  const id = `${scope}/${token}`;
  if (walks.has(id)) return;
  const running = walkGate
    .then(walk)
    .then((keys) => {
      // Kept with the token read before the walk: a change during it makes the sample outdated.
      samples.delete(scope);
      if (samples.size >= KEPT) samples.delete(samples.keys().next().value as string);
      samples.set(scope, { token, keys });
    })
    // A base closed or found damaged meanwhile: no sample, the jumps go on by offset.
    .catch(() => undefined)
    .finally(() => walks.delete(id));
  walks.set(id, running);
}
