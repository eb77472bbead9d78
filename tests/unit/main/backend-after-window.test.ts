import { describe, expect, it, vi } from 'vitest';

const { app, electronAtStart } = await vi.hoisted(() => import('./electron-at-start'));
vi.mock('electron', () => electronAtStart);
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
});
