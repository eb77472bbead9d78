import { describe, expect, it } from 'vitest';
import { loadInTurns } from '../../../electron/web/load-in-turns';

describe('the backend loads in turns (browser mode start, issue 17)', () => {
  it('lets what arrived during one part run before the next part starts', async () => {
    const order: string[] = [];
    const part = (name: string) => async () => {
      order.push(name);
      // A request coming in while this part loads: its callback waits for the event loop.
      setImmediate(() => order.push(`served during ${name}`));
    };
    const value = await loadInTurns([part('kysely'), part('zod')], async () => {
      order.push('backend');
      return 42;
    });
    expect(value).toBe(42);
    expect(order).toEqual(['kysely', 'served during kysely', 'zod', 'served during zod', 'backend']);
  });
});
