import { describe, expect, it, vi } from 'vitest';

// The electron module as the shell sees it at start; the app never gets ready in this test.
const app = vi.hoisted(() => ({
  isPackaged: true,
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  on: vi.fn(),
  whenReady: vi.fn(() => new Promise<void>(() => undefined)),
}));
vi.mock('electron', () => ({
  app,
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  BrowserWindow: { getAllWindows: () => [] },
  dialog: {},
  ipcMain: {},
  safeStorage: {},
  session: {},
  shell: {},
}));
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
