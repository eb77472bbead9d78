import type { Envelope } from '../../../shared/api/envelope';

export type Transport = (name: string, input: unknown) => Promise<Envelope<unknown>>;

/** Waits before each new attempt: another program's write is over in well under a second. */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [250, 750, 2000];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A BUSY answer means the base was held by another program and nothing was written, so the same
 * command is sent again after a pause, a few times, before the clerk is shown the error.
 */
export function retryingBusy(
  transport: Transport,
  delaysMs: readonly number[] = BUSY_RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = wait,
): Transport {
  return async (name, input) => {
    let envelope = await transport(name, input);
    for (const delay of delaysMs) {
      if (envelope.ok || envelope.error.code !== 'BUSY') break;
      await sleep(delay);
      envelope = await transport(name, input);
    }
    return envelope;
  };
}
