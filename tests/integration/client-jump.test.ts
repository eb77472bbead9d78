import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/api/contract';
import { emptyClientInput } from '../../shared/domain/client';
import { generateClients } from '../../electron/backend/demo/generate-clients';
import {
  holdSampleWalks,
  JUMP_STEP,
  sampleWalksSettled,
} from '../../electron/backend/repositories/client-jump';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

type ListInput = CommandInput<'clients.list'>;

const CLIENTS = 2 * JUMP_STEP + 3100;
const LIMIT = 50;

let t: TempBackend;
beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  await t.backend.clients.insertMany(generateClients(CLIENTS, 17, '2026-11-23'));
}, 120_000);
afterAll(async () => {
  await t.dispose();
});

/** The whole list's ids in the list's order, read straight from the table. */
async function allIds(columns: string[], direction: 'asc' | 'desc', citizenship = ''): Promise<number[]> {
  let q = t.backend.db.selectFrom('clients').select('id').where('deleted_at', 'is', null);
  if (citizenship !== '') q = q.where('citizenship', '=', citizenship);
  for (const c of columns) q = q.orderBy(sql.ref(c), direction);
  return (await q.execute()).map((r) => r.id);
}

async function jumpPage(query: ListInput, offset: number): Promise<number[]> {
  const page = await t.call('clients.list', { ...query, offset, limit: LIMIT, count: false });
  return page.rows.map((r) => r.id);
}

const cases: { query: ListInput; columns: string[]; direction: 'asc' | 'desc'; citizenship?: string }[] = [
  { query: {}, columns: ['sort_name', 'id'], direction: 'asc' },
  { query: { sort: 'nameLat', direction: 'desc' }, columns: ['sort_name_lat', 'id'], direction: 'desc' },
  { query: { sort: 'citizenship' }, columns: ['citizenship', 'sort_name', 'id'], direction: 'asc' },
  { query: { sort: 'updatedAt', direction: 'desc' }, columns: ['updated_at', 'id'], direction: 'desc' },
];

describe('a deep jump lands on the rows an offset would', () => {
  for (const { query, columns, direction } of cases) {
    it(`sorted by ${query.sort ?? 'name'} ${direction}`, async () => {
      const ids = await allIds(columns, direction);
      for (const offset of [JUMP_STEP - 1, JUMP_STEP, JUMP_STEP + 1, 7_321, 2 * JUMP_STEP, ids.length - 20]) {
        expect(await jumpPage(query, offset), `offset ${offset}`).toEqual(ids.slice(offset, offset + LIMIT));
      }
      expect(await jumpPage(query, ids.length + 5)).toEqual([]);
    });
  }

  it('within one citizenship, and again after clients were added and removed before the jump', async () => {
    const top = await t.backend.db
      .selectFrom('clients')
      .select(['citizenship', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('citizenship')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const query: ListInput = { citizenship: top.citizenship };
    const before = await allIds(['sort_name', 'id'], 'asc', top.citizenship);
    expect(before.length).toBeGreaterThan(JUMP_STEP + LIMIT);
    const deep = before.length - 30;
    expect(await jumpPage(query, deep)).toEqual(before.slice(deep, deep + LIMIT));

    // Two clients sorted first and one removed near the top move every later row by one.
    const first = await t.call('clients.save', {
      ...emptyClientInput(),
      lastNameRu: 'Аааа',
      citizenship: top.citizenship,
    });
    await t.call('clients.save', { ...emptyClientInput(), lastNameRu: 'Аааб', citizenship: top.citizenship });
    const gone = await t.call('clients.get', { id: before[100]! });
    await t.call('clients.delete', { id: gone.id, version: gone.version });
    const after = await allIds(['sort_name', 'id'], 'asc', top.citizenship);
    expect(after[0]).toBe(first.id);
    for (const offset of [JUMP_STEP, deep]) {
      expect(await jumpPage(query, offset), `offset ${offset}`).toEqual(after.slice(offset, offset + LIMIT));
    }
  });

  it('after a change, a jump answers by offset at once while the keys are walked again in the background', async () => {
    const ids = await allIds(['sort_name', 'id'], 'asc');
    const deep = ids.length - 40;
    expect(await jumpPage({}, deep)).toEqual(ids.slice(deep, deep + LIMIT));
    await sampleWalksSettled(t.backend.db);

    let release = () => undefined as void;
    holdSampleWalks(new Promise<void>((resolve) => (release = resolve)));
    try {
      await t.call('clients.save', { ...emptyClientInput(), lastNameRu: 'Ааааа' });
      const changed = await allIds(['sort_name', 'id'], 'asc');
      // The walk is held: an answer that waited for it would never come.
      const answer = await Promise.race([
        jumpPage({}, deep),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000)),
      ]);
      expect(answer).toEqual(changed.slice(deep, deep + LIMIT));
      release();
      await sampleWalksSettled(t.backend.db);
      // The new sample serves the next jumps, which land on the same rows as an offset.
      for (const offset of [JUMP_STEP + 7, deep])
        expect(await jumpPage({}, offset)).toEqual(changed.slice(offset, offset + LIMIT));
    } finally {
      release();
      holdSampleWalks(Promise.resolve());
    }
  });
});
