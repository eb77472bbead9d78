import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, CommandOutput } from '../../shared/api/contract';
import { emptyClientInput, type ClientInput } from '../../shared/domain/client';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

type LookupInput = CommandInput<'clients.lookup'>;

const FIRST_NAMES = ['Анна', 'Вера', 'Зоя', 'Ольга', 'Анастасия'];

/** 60 namesakes: five first names, and twins whose every sort key is equal (only the id differs). */
function namesakes(): ClientInput[] {
  return Array.from({ length: 60 }, (_, i) => ({
    ...emptyClientInput(),
    lastNameRu: 'Лукапова',
    firstNameRu: FIRST_NAMES[i % FIRST_NAMES.length]!,
    lastNameLat: 'LUKAPOVA',
    birthDate: i % 4 === 0 ? null : `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
  }));
}

let t: TempBackend;
beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-29' });
  await t.backend.clients.insertMany(namesakes());
});
afterAll(async () => {
  await t.dispose();
});

async function byCursor(query: LookupInput, limit: number): Promise<{ ids: number[]; totals: number[] }> {
  const ids: number[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  do {
    const page: CommandOutput<'clients.lookup'> = await t.call('clients.lookup', { ...query, limit, after });
    expect(page.candidates.length).toBeLessThanOrEqual(limit);
    ids.push(...page.candidates.map((c) => c.id));
    totals.push(page.total);
    after = page.next;
    // A cursor that does not move on would page for ever.
    expect(totals.length).toBeLessThanOrEqual(page.total / limit + 1);
  } while (after !== null);
  return { ids, totals };
}

describe('tourist lookups page by cursor (the tour card’s tourist dialog)', () => {
  it.each([
    [{ lastName: 'Лукапова' }, 60],
    [{ lastName: 'lukapova', firstName: 'Ан' }, 24],
  ])('%j: cursor pages give every candidate once, in the one-page order', async (query, count) => {
    const whole = await t.call('clients.lookup', { ...query, limit: 200 });
    expect(whole.total).toBe(count);
    expect(whole.next).toBeNull();
    const paged = await byCursor(query, 7);
    expect(paged.ids).toEqual(whole.candidates.map((c) => c.id));
    expect(new Set(paged.totals)).toEqual(new Set([count]));
  });

  it('neither repeats nor loses a candidate when namesakes are added between pages', async () => {
    const first = await t.call('clients.lookup', { lastName: 'Лукапова', firstName: 'Вера', limit: 5 });
    const seen = first.candidates.map((c) => c.id);
    // A new namesake sorting before the cursor, and one after it.
    await t.call('clients.save', { ...emptyClientInput(), lastNameRu: 'Лукапова', firstNameRu: 'Вера' });
    let after = first.next;
    const rest: number[] = [];
    while (after !== null) {
      const page = await t.call('clients.lookup', {
        lastName: 'Лукапова',
        firstName: 'Вера',
        limit: 5,
        after,
      });
      rest.push(...page.candidates.map((c) => c.id));
      after = page.next;
      expect(rest.length).toBeLessThanOrEqual(page.total);
    }
    const now = await t.call('clients.lookup', { lastName: 'Лукапова', firstName: 'Вера', limit: 200 });
    const all = now.candidates.map((c) => c.id);
    expect(new Set([...seen, ...rest]).size).toBe(seen.length + rest.length);
    for (const id of [...seen, ...rest]) expect(all).toContain(id);
    expect(all.length - (seen.length + rest.length)).toBeLessThanOrEqual(1);
  });

  it('refuses a cursor made for other criteria', async () => {
    const page = await t.call('clients.lookup', { lastName: 'Лукапова', limit: 5 });
    expect(page.next).not.toBeNull();
    for (const query of [{ lastName: 'Лукапова', firstName: 'Ан' }, { lastName: 'Иванова' }]) {
      const error = await t.callError('clients.lookup', { ...query, after: page.next });
      expect(error, JSON.stringify(query)).toMatchObject({ code: 'BAD_INPUT', reason: 'cursorStale' });
    }
  });
});
