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

  it('starts no part while the server is still serving a page', async () => {
    const order: string[] = [];
    let quietNow: () => void = () => undefined;
    let busy = true;
    const quiet = () => (busy ? new Promise<void>((resolve) => (quietNow = resolve)) : Promise.resolve());
    const loading = loadInTurns([async () => order.push('part')], async () => order.push('backend'), quiet);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    busy = false;
    quietNow();
    await loading;
    expect(order).toEqual(['part', 'backend']);
  });
});
