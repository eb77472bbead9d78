import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../electron/backend/dispatch';
import { openBehindWindow } from '../../../electron/main/window-first';

/** A base whose opening the test finishes when it chooses. */
function slowBase() {
  let finish: (opened: boolean) => void = () => undefined;
  const base = { dispatch: (async (name) => ({ ok: true, value: name })) as Dispatch };
  const opening = new Promise<typeof base | null>((resolve) => (finish = (ok) => resolve(ok ? base : null)));
  return { opening, finish };
}

describe('the Electron window shows before the base opens', () => {
  it('creates the window while the base is still opening, and its first request waits for the base', async () => {
    const order: string[] = [];
    const slow = slowBase();
    let dispatch: Dispatch | null = null;
    const started = openBehindWindow({
      register: (d) => {
        order.push('ipc');
        dispatch = d;
      },
      createWindow: () => order.push('window'),
      openBase: () => {
        order.push('open');
        return slow.opening;
      },
    });
    expect(order).toEqual(['ipc', 'window', 'open']);
    let answered = false;
    const answer = dispatch!('settings.get', {}).then((a) => ((answered = true), a));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    slow.finish(true);
    expect(await answer).toEqual({ ok: true, value: 'settings.get' });
    expect(await started).not.toBeNull();
  });

  it('a base that does not open fails the waiting requests instead of leaving them hanging', async () => {
    const slow = slowBase();
    let dispatch: Dispatch | null = null;
    const started = openBehindWindow({
      register: (d) => (dispatch = d),
      createWindow: () => undefined,
      openBase: () => slow.opening,
    });
    const answer = dispatch!('clerks.status', {});
    slow.finish(false);
    expect(await started).toBeNull();
    await expect(answer).rejects.toThrow('the database did not open');
  });
});
