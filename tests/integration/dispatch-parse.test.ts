import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { ivanov } from '../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;
beforeEach(async () => {
  t = await createTempBackend();
});
afterEach(async () => {
  await t.dispose();
});

/** Counts the functions zod compiles (its parsers are made with `new Function`) while `run` runs. */
async function compilesDuring(run: () => Promise<unknown>): Promise<number> {
  const original = globalThis.Function;
  let made = 0;
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      made++;
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    await run();
  } finally {
    globalThis.Function = original;
  }
  return made;
}

describe('dispatch parses (issue 17: fast start)', () => {
  it("compiles a command's parsers only from its third call on, and answers the same before and after", async () => {
    await t.call('clients.save', ivanov());
    // The schemas are built first: zod asks once, as it builds the first of them, whether it may compile.
    void contract['clients.list'];
    const input = { limit: 5, count: false, unknownKey: 'dropped' } as never;
    const answers: unknown[] = [];
    const compiles: number[] = [];
    for (let call = 0; call < 4; call++) {
      compiles.push(await compilesDuring(async () => answers.push(await t.call('clients.list', input))));
    }
    expect(compiles.slice(0, 2)).toEqual([0, 0]);
    // The query, the page and its row: each an object schema compiled once.
    expect(compiles[2]).toBeGreaterThanOrEqual(3);
    expect(compiles[3]).toBe(0);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect((answers[0] as { rows: unknown[] }).rows).toHaveLength(1);

    // A bad input is refused alike by the parser that is not compiled and by the compiled one.
    const refusals: unknown[] = [];
    for (let call = 0; call < 3; call++) {
      refusals.push(await t.callError('clients.get', { id: -1 }));
    }
    for (const refusal of refusals) expect(refusal).toEqual(refusals[0]);
    expect(refusals[0]).toMatchObject({ code: 'BAD_INPUT' });
  });
});
