import { Worker } from 'node:worker_threads';
import type { ChangeEvent } from '../../shared/api/live-events';
import type { Envelope } from '../../shared/api/envelope';
import { askLocalOnTerminal } from './ask-local';
import type { BackendWorkerData, FromBackend, ToBackend } from './backend-worker-protocol';
import type { BrowserModeBase } from './open-backend';

/**
 * A bigger young generation than a new thread's default: loading the backend's modules allocates
 * a lot that dies young, and each scavenge of a small one stops the load (about 30 ms of ~200).
 */
const YOUNG_GENERATION_MB = 32;

const unavailable = (message: string): Envelope<unknown> => ({
  ok: false,
  error: { code: 'UNAVAILABLE', message },
});

/**
 * Opens browser mode's base on a backend thread (backend-worker.ts) and answers with the same
 * dispatch, live changes and close as an in-process base. Resolves once the base is open; rejects
 * with the backend's own message when it cannot be opened. If the thread dies after, waiting and
 * later commands are answered UNAVAILABLE and `onCrash` is told.
 */
export function openBaseInWorker(
  script: string,
  data: BackendWorkerData,
  onCrash: (error: Error) => void,
): Promise<BrowserModeBase> {
  const worker = new Worker(script, {
    workerData: data,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return baseOnThread(worker, onCrash);
}

/** The base a backend thread (started with its BackendWorkerData) opens, as openBaseInWorker says. */
export function baseOnThread(worker: Worker, onCrash: (error: Error) => void): Promise<BrowserModeBase> {
  const post = (message: ToBackend) => worker.postMessage(message);
  const results = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Map<number, (event: ChangeEvent) => void>();
  let nextId = 1;
  let dead: Error | null = null;
  let opened = false;
  let closed: () => void = () => undefined;
  const whenClosed = new Promise<void>((resolve) => (closed = resolve));

  return new Promise<BrowserModeBase>((resolve, reject) => {
    const base: BrowserModeBase = {
      dispatch: (name, input) =>
        new Promise((answer) => {
          if (dead) return answer(unavailable('the backend stopped'));
          const id = nextId++;
          results.set(id, answer);
          post({ type: 'call', id, name, input });
        }),
      subscribe: (listener) => {
        if (dead) return () => undefined;
        const id = nextId++;
        listeners.set(id, listener);
        post({ type: 'subscribe', id });
        return () => {
          if (!listeners.delete(id) || dead) return;
          post({ type: 'unsubscribe', id });
        };
      },
      close: async () => {
        if (!dead) {
          post({ type: 'close' });
          await whenClosed;
        }
        await worker.terminate();
      },
    };

    worker.on('message', (message: FromBackend) => {
      switch (message.type) {
        case 'open':
          opened = true;
          return resolve(base);
        case 'failed':
          dead = new Error(message.message);
          void worker.terminate();
          return reject(dead);
        case 'result':
          results.get(message.id)?.(JSON.parse(message.json) as Envelope<unknown>);
          results.delete(message.id);
          return;
        case 'change':
          return listeners.get(message.id)?.(message.event);
        case 'ask':
          void askLocalOnTerminal(message.reason).then(
            (yes) => post({ type: 'answer', id: message.id, yes }),
            () => post({ type: 'answer', id: message.id, yes: false }),
          );
          return;
        case 'closed':
          dead = new Error('the base is closed');
          return closed();
      }
    });
    const stopped = (error: Error) => {
      if (dead) return;
      dead = error;
      for (const answer of results.values()) answer(unavailable('the backend stopped'));
      results.clear();
      closed();
      if (opened) onCrash(error);
      else reject(error);
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`the backend thread stopped (exit code ${code})`)));
  });
}
