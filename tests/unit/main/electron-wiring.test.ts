import { beforeEach, describe, expect, it, vi } from 'vitest';

// A small stand-in for the electron module: records what the shell registers.
const handlers = new Map<string, (...args: unknown[]) => unknown>();
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, value: 'from-main' }));
const rendererListeners = new Map<string, (event: unknown, payload: unknown) => void>();

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke,
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) =>
      rendererListeners.set(channel, fn),
    removeListener: (channel: string) => rendererListeners.delete(channel),
  },
}));

describe('IPC channel and preload', () => {
  beforeEach(() => {
    handlers.clear();
    invoke.mockClear();
  });

  it('forwards only trusted senders and contract commands to dispatch', async () => {
    const { ipcMain } = await import('electron');
    const { registerIpc } = await import('../../../electron/main/ipc');
    const { IPC_CHANNEL } = await import('../../../shared/api/transport');
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 42 }));
    let sender = { url: 'app://app/index.html', isOwnTopFrame: true };
    registerIpc(ipcMain, dispatch, () => sender);
    const handle = handlers.get(IPC_CHANNEL);
    expect(handle).toBeDefined();

    expect(await handle!({}, 'clients.list', { search: 'x' })).toEqual({ ok: true, value: 42 });
    expect(dispatch).toHaveBeenCalledWith('clients.list', { search: 'x' });
    expect(await handle!({}, 'fs.readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    });

    sender = { url: 'https://evil.example/', isOwnTopFrame: true };
    expect(await handle!({}, 'clients.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('exposes only invoke for contract names, never ipcRenderer', async () => {
    await import('../../../electron/preload/index');
    const api = exposed.api as { invoke: (name: string, input: unknown) => Promise<unknown>; shell: string };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onChange', 'print', 'shell', 'transfer']);
    expect(await api.invoke('clients.get', { id: 1 })).toEqual({ ok: true, value: 'from-main' });
    expect(invoke).toHaveBeenCalledWith('tourdesk:invoke', 'clients.get', { id: 1 });
    expect(await api.invoke('constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it("relays other clerks' changes to the page, only well-formed ones, until it unsubscribes", async () => {
    await import('../../../electron/preload/index');
    const { LIVE_CHANNEL } = await import('../../../shared/api/live-events');
    const api = exposed.api as { onChange: (listener: (change: unknown) => void) => () => void };
    const seen: unknown[] = [];
    const stop = api.onChange((change) => seen.push(change));
    const relay = rendererListeners.get(LIVE_CHANNEL)!;
    relay({}, { entity: 'client', id: 7, version: 3, clerk: 'Анна' });
    relay({}, { entity: 'client', id: 'x' });
    relay({}, null);
    expect(seen).toEqual([{ entity: 'client', id: 7, version: 3, clerk: 'Анна' }]);
    stop();
    expect(rendererListeners.has(LIVE_CHANNEL)).toBe(false);
  });

  it('prints a trusted page to the PDF file the clerk chose, and refuses others', async () => {
    const { ipcMain } = await import('electron');
    const { registerPrint, safePdfName } = await import('../../../electron/main/print');
    const { PRINT_CHANNEL } = await import('../../../shared/api/transport');
    const written: { path: string; bytes: number }[] = [];
    const chosen: string[] = [];
    let sender = { url: 'app://app/index.html', isOwnTopFrame: true };
    registerPrint(
      ipcMain,
      {
        choosePdfPath: async (_contents, name) => {
          chosen.push(name);
          return name.startsWith('cancel') ? undefined : `/tmp/${name}`;
        },
        writeFile: async (path, data) => void written.push({ path, bytes: data.length }),
      },
      () => sender,
    );
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 test'));
    const event = { sender: { printToPDF, print: vi.fn() } };
    const handle = handlers.get(PRINT_CHANNEL)!;

    expect(await handle(event, 'pdf', 'FR-100 / France')).toEqual({
      done: true,
      path: '/tmp/FR-100 _ France.pdf',
    });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
    expect(written).toEqual([{ path: '/tmp/FR-100 _ France.pdf', bytes: 13 }]);
    expect(await handle(event, 'pdf', 'cancel')).toEqual({ done: false });
    expect(written).toHaveLength(1);

    sender = { url: 'https://evil.example/', isOwnTopFrame: true };
    expect(await handle(event, 'pdf', 'x')).toEqual({ done: false });
    expect(chosen).toEqual(['FR-100 _ France.pdf', 'cancel.pdf']);
    expect(safePdfName('')).toBe('questionnaires.pdf');
  });
});
