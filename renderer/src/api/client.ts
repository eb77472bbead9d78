import type { CommandInput, CommandName, CommandOutput } from '../../../shared/api/contract';
import type { ApiError, Envelope } from '../../../shared/api/envelope';
import type { WindowApi } from '../../../shared/api/transport';
import { retryingBusy, type Transport } from './busy-retry';

declare global {
  interface Window {
    api?: WindowApi;
  }
}

/** An error envelope turned into something a component can catch and show. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** Browser mode: the session is an HttpOnly cookie the sign-in page got; the page itself holds no secret. */
function httpTransport(): Transport {
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'the app server does not answer' } };
    }
    // The session is gone (the app was restarted): the sign-in page says how to get back in.
    if (response.status === 401) window.location.assign('/login');
    return (await response.json()) as Envelope<unknown>;
  };
}

function ipcTransport(api: WindowApi): Transport {
  return (name, input) => api.invoke(name, input) as Promise<Envelope<unknown>>;
}

/** Electron's preload API when present, otherwise browser mode's HTTP bridge. Nothing else fetches app data. */
const transport: Transport = retryingBusy(window.api ? ipcTransport(window.api) : httpTransport());

const readOnlyListeners = new Set<() => void>();

/**
 * Called whenever a command answers READ_ONLY: the base may have turned read-only since it was opened
 * (a damaged page met by a command), which only the answer tells. Returns the unsubscribe.
 */
export function onReadOnlyAnswer(listener: () => void): () => void {
  readOnlyListeners.add(listener);
  return () => readOnlyListeners.delete(listener);
}

export async function call<K extends CommandName>(
  name: K,
  input: CommandInput<K>,
): Promise<CommandOutput<K>> {
  const envelope = await transport(name, input);
  if (!envelope.ok && envelope.error.code === 'READ_ONLY')
    readOnlyListeners.forEach((listener) => listener());
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.value as CommandOutput<K>;
}

export const runningInElectron = window.api !== undefined;
