import { vi } from 'vitest';

/**
 * The electron module as the shell sees it at start, enough for electron/main/index.ts to load; the
 * app never gets ready. Tests take it through `vi.hoisted` (so a `vi.resetModules()` keeps the same
 * object) and hand it to `vi.mock('electron', ...)`.
 */
export const app = {
  isPackaged: true,
  getPath: vi.fn((name: string) => `/user-data-of-test/${name}`),
  getVersion: vi.fn(() => '9.9.9'),
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  on: vi.fn(),
  whenReady: vi.fn(() => new Promise<void>(() => undefined)),
};

/**
 * The compiled-code cache as the shell installs it, never the real one: in a test process it would
 * hook how every later module is compiled.
 */
export const codeCacheAtStart = { keepCompiledCode: vi.fn() };

export const electronAtStart = {
  app,
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  BrowserWindow: { getAllWindows: () => [] },
  dialog: {},
  ipcMain: {},
  safeStorage: {},
  session: {},
  shell: {},
};
