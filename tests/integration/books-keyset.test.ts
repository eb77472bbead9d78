import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, CommandOutput } from '../../shared/api/contract';
import type { Country } from '../../shared/domain/tour';
import type { FormSummary } from '../../shared/questionnaire/model';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  // Namesake countries (the same Russian name) so the code has to break the tie, and more forms than a page.
  for (const code of ['XAA', 'XAB', 'XAC'])
    await t.call('countries.save', {
      code,
      nameRu: 'Тестовия',
      nameEn: 'Testia',
      nameFr: 'Testie',
      passportMarginMonths: 3,
      questionnaireLanguage: 'en',
      formKey: null,
    });
  for (let i = 0; i < 9; i++)
    await t.call('forms.save', {
      key: `form_k${i}`,
      name: { ru: `Анкета ${i}`, en: `Form ${i}`, fr: `Form ${i}` },
    });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

type PageInput = CommandInput<'countries.page'>;
type Fetch<R> = (input: PageInput) => Promise<{ total: number | null; next: string | null; rows: R[] }>;

/** The whole book read page by page, by cursor or by offset; only the first page is counted. */
async function walk<R>(fetch: Fetch<R>, limit: number, byCursor: boolean): Promise<R[]> {
  const rows: R[] = [];
  let after: string | null = null;
  for (let page = 0; ; page++) {
    const answer = await fetch({
      limit,
      ...(byCursor ? { after } : { offset: page * limit }),
      count: page === 0,
    });
    if (page === 0) expect(answer.total).not.toBeNull();
    else expect(answer.total).toBeNull();
    rows.push(...answer.rows);
    after = answer.next;
    if (byCursor ? after === null : answer.rows.length < limit) return rows;
  }
}
const countries: Fetch<Country> = (input) => t.call('countries.page', input);
const forms: Fetch<FormSummary> = (input) => t.call('forms.page', input);

describe('the reference books page by cursor', () => {
  it.each([1, 7, 50])(
    'countries, %s a page: cursor pages equal offset pages and the whole book',
    async (limit) => {
      const whole = await t.call('countries.list', {});
      const first = await t.call('countries.page', { limit });
      expect(first.total).toBe(whole.length);
      const byCursor = await walk(countries, limit, true);
      const byOffset = await walk(countries, limit, false);
      const codes = byCursor.map((c) => c.code);
      expect(codes).toEqual(byOffset.map((c) => c.code));
      expect(new Set(codes).size).toBe(whole.length);
      expect([...codes].sort()).toEqual(whole.map((c) => c.code).sort());
      // The namesakes come together, in code order.
      const namesakes = codes.filter((c) => c.startsWith('XA'));
      expect(namesakes).toEqual(['XAA', 'XAB', 'XAC']);
      expect(codes.indexOf('XAC') - codes.indexOf('XAA')).toBe(2);
      expect(byCursor.find((c) => c.code === 'ITA')).toEqual(whole.find((c) => c.code === 'ITA'));
    },
  );

  it.each([1, 4])('forms, %s a page: cursor pages equal offset pages and the whole list', async (limit) => {
    const whole = await t.call('forms.list', {});
    expect(whole.length).toBeGreaterThan(9);
    const byCursor = await walk(forms, limit, true);
    const byOffset = await walk(forms, limit, false);
    expect(byCursor).toEqual(whole);
    expect(byOffset).toEqual(whole);
  });

  it('refuses a cursor of another book as stale', async () => {
    const page = await t.call('countries.page', { limit: 2 });
    expect(page.next).not.toBeNull();
    const error = await t.callError('forms.page', { limit: 2, after: page.next });
    expect(error).toMatchObject({ code: 'BAD_INPUT', reason: 'cursorStale' });
  });
});

describe('the dictionary pages by cursor', () => {
  it.each(['', 'а', 'the'])('search "%s": cursor pages equal offset pages, counted once', async (search) => {
    const byOffsetIds: number[] = [];
    for (let offset = 0; ; offset += 50) {
      const page = await t.call('dictionary.list', { search, limit: 50, offset, count: false });
      byOffsetIds.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 50) break;
    }
    const ids: number[] = [];
    let after: string | null = null;
    let first = true;
    do {
      const page: CommandOutput<'dictionary.list'> = await t.call('dictionary.list', {
        search,
        limit: 50,
        after,
        count: first,
      });
      if (first) expect(page.total).toBe(byOffsetIds.length);
      else expect(page.total).toBeNull();
      first = false;
      ids.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after !== null);
    expect(byOffsetIds.length).toBeGreaterThan(search === '' ? 700 : 0);
    expect(ids).toEqual(byOffsetIds);
  });

  it('refuses a cursor of another search', async () => {
    const page = await t.call('dictionary.list', { search: 'а', limit: 5 });
    const error = await t.callError('dictionary.list', { search: 'б', after: page.next });
    expect(error).toMatchObject({ code: 'BAD_INPUT', reason: 'cursorStale' });
  });
});
