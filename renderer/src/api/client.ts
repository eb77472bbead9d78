import type { CommandInput, CommandName, CommandOutput } from '../../../shared/api/contract';
import type { ApiError, Envelope } from '../../../shared/api/envelope';
import type { WindowApi } from '../../../shared/api/transport';

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

type Transport = (name: string, input: unknown) => Promise<Envelope<unknown>>;

function httpTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="tourdesk-api-token"]')?.content ?? '';
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tourdesk-token': token },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'the app server does not answer' } };
    }
    return (await response.json()) as Envelope<unknown>;
  };
}

function ipcTransport(api: WindowApi): Transport {
  return (name, input) => api.invoke(name, input) as Promise<Envelope<unknown>>;
}

/** Electron's preload API when present, otherwise browser mode's HTTP bridge. Nothing else fetches app data. */
const transport: Transport = window.api ? ipcTransport(window.api) : httpTransport();

export async function call<K extends CommandName>(
  name: K,
  input: CommandInput<K>,
): Promise<CommandOutput<K>> {
  const envelope = await transport(name, input);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.value as CommandOutput<K>;
}

export const runningInElectron = window.api !== undefined;
