import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../electron/main/single-instance';

const { app, codeCacheAtStart, electronAtStart } = await vi.hoisted(() => import('./electron-at-start'));
vi.mock('electron', () => electronAtStart);
vi.mock('../../../electron/boot/code-cache', () => codeCacheAtStart);

function fakeWindow(minimized: boolean) {
  const calls: string[] = [];
  const window = {
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
  return { calls, window: window as unknown as BrowserWindow };
}

describe('one TourDesk per user', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.clearAllMocks();
  });

  it('a second start quits before it opens the base', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../../electron/main/index');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
  });

  it('the first start runs and listens for later starts', async () => {
    await import('../../../electron/main/index');
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.whenReady).toHaveBeenCalledTimes(1);
    expect(app.on).toHaveBeenCalledWith('second-instance', expect.any(Function));
  });

  it('a later start brings the running window to the front, restoring it when minimized', () => {
    const handlers = new Map<string, () => void>();
    const fake = {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: (event: string, handler: () => void) => handlers.set(event, handler),
    };
    let current: BrowserWindow | null = null;
    expect(claimSingleInstance(fake as never, () => current)).toBe(true);
    handlers.get('second-instance')!();
    const minimized = fakeWindow(true);
    current = minimized.window;
    handlers.get('second-instance')!();
    expect(minimized.calls).toEqual(['restore', 'show', 'focus']);
    const open = fakeWindow(false);
    current = open.window;
    handlers.get('second-instance')!();
    expect(open.calls).toEqual(['show', 'focus']);
    expect(fake.quit).not.toHaveBeenCalled();
  });
});
