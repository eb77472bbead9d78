import { contextBridge, ipcRenderer } from 'electron';
import { COMMAND_NAMES } from '../../shared/api/command-names';
import { isChangeEvent, LIVE_CHANNEL } from '../../shared/api/live-events';
import {
  IPC_CHANNEL,
  PRINT_CHANNEL,
  TRANSFER_CHANNEL,
  type PrintResult,
  type TransferResult,
  type WindowApi,
} from '../../shared/api/transport';

const allowed = new Set<string>(COMMAND_NAMES);

/** Only `invoke` for the contract's own command names crosses into the page; never ipcRenderer itself. */
const api: WindowApi = {
  invoke: (name, input) => {
    if (typeof name !== 'string' || !allowed.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'unknown command' } });
    }
    return ipcRenderer.invoke(IPC_CHANNEL, name, input) as Promise<unknown>;
  },
  print: (target, suggestedName) =>
    ipcRenderer.invoke(PRINT_CHANNEL, target, suggestedName) as Promise<PrintResult>,
  transfer: (request) => ipcRenderer.invoke(TRANSFER_CHANNEL, request) as Promise<TransferResult>,
  onChange: (listener) => {
    const relay = (_event: unknown, change: unknown) => {
      if (isChangeEvent(change)) listener(change);
    };
    ipcRenderer.on(LIVE_CHANNEL, relay);
    return () => ipcRenderer.removeListener(LIVE_CHANNEL, relay);
  },
  shell: 'electron',
};

contextBridge.exposeInMainWorld('api', api);
