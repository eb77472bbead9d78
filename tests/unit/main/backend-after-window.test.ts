import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const { app, codeCacheAtStart, electronAtStart } = await vi.hoisted(() => import('./electron-at-start'));
vi.mock('electron', () => electronAtStart);
vi.mock('../../../electron/boot/code-cache', () => codeCacheAtStart);
// Counts when the backend's entry module is loaded.
const loads = vi.hoisted(() => ({ backend: 0 }));
vi.mock('../../../electron/backend/connection/open-chosen', () => {
  loads.backend++;
  return { openChosenBase: vi.fn(), serverStartHelp: () => '' };
});

describe('the Electron shell starts before the backend loads (issue 17)', () => {
  it('runs its start without loading the backend; the base opener loads it after the window', async () => {
    await import('../../../electron/main/index');
    expect(app.whenReady).toHaveBeenCalledTimes(1);
    expect(loads.backend).toBe(0);
    await import('../../../electron/main/open-base');
    expect(loads.backend).toBe(1);
  });

  it('keeps the compiled code of its start in the user-data folder, under its version', async () => {
    await import('../../../electron/main/index');
    expect(codeCacheAtStart.keepCompiledCode).toHaveBeenCalledWith(
      join('/user-data-of-test/userData', 'code-cache'),
      '9.9.9',
    );
  });
});
