import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommandInput, CommandOutput } from '../../shared/api/contract';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

// The renderer's API client looks for Electron's preload API on `window` when it loads.
(globalThis as { window?: object }).window ??= {};
const { ApiCallError } = await import('../../renderer/src/api/client');
const { readPages } = await import('../../renderer/src/books/read-pages');

let t: TempBackend;
beforeAll(async () => {
  t = await createTempBackend({ today: '2026-11-23' });
  // More than two pages of countries (the test base ships a few dozen).
  for (let i = 0; i < 180; i++)
    await t.call('countries.save', {
      code: `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
      nameRu: `Страна ${String(i).padStart(3, '0')}`,
      nameEn: `Country ${i}`,
      nameFr: `Pays ${i}`,
      passportMarginMonths: 3,
      questionnaireLanguage: 'en',
      formKey: null,
    });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

it('a cursor the backend refuses as stale starts the reading again from the first page', async () => {
  const asked: (string | null)[] = [];
  const shown: number[] = [];
  let spoiled = false;
  const fetchPage = async (
    input: CommandInput<'countries.page'>,
  ): Promise<CommandOutput<'countries.page'>> => {
    asked.push(input.after ?? null);
    // The second page's cursor arrives damaged once (as after an upgrade changed the cursors' form).
    const after = input.after && !spoiled ? `${input.after.slice(0, -4)}!!!!` : input.after;
    if (input.after) spoiled = true;
    const envelope = await t.backend.dispatch('countries.page', { ...input, after });
    if (!envelope.ok) throw new ApiCallError(envelope.error);
    return envelope.value as CommandOutput<'countries.page'>;
  };
  const rows = await readPages(fetchPage, (soFar) => shown.push(soFar.length));
  const whole = await t.call('countries.list', {});
  expect(whole.length).toBeGreaterThan(200); // more than two pages
  // The whole book once, in order: the rows of the first reading are not kept twice.
  expect(rows.map((c) => c.code)).toEqual(whole.map((c) => c.code));
  expect(asked.filter((a) => a === null)).toHaveLength(2);
  expect(shown.slice(0, 3)).toEqual([100, 100, 200]);
});
