import { parentPort, workerData } from 'node:worker_threads';
import type { BackendWorkerData, FromBackend, ToBackend } from './backend-worker-protocol';
import { openBrowserModeBase, type BrowserModeBase } from './open-backend';

/*
 * Browser mode's backend on a thread of its own (backend-in-worker.ts starts it): its modules load,
 * its base opens and its commands run here, so the server's thread answers the sign-in, the page
 * and its scripts at once, even while a long command runs.
 */
const port = parentPort;
if (!port) throw new Error('backend-worker.ts runs as a worker thread');
const { dbPath, appVersion, terminal } = workerData as BackendWorkerData;
const post = (message: FromBackend) => port.postMessage(message);

const asked = new Map<number, (yes: boolean) => void>();
let nextAsk = 1;
const askOnServerTerminal = (reason: string) =>
  new Promise<boolean>((resolve) => {
    const id = nextAsk++;
    asked.set(id, resolve);
    post({ type: 'ask', id, reason });
  });

const subscriptions = new Map<number, () => void>();
let base: BrowserModeBase | null = null;

async function onMessage(base: BrowserModeBase, message: ToBackend): Promise<void> {
  switch (message.type) {
    case 'call': {
      const envelope = await base.dispatch(message.name, message.input);
      post({ type: 'result', id: message.id, json: JSON.stringify(envelope) });
      return;
    }
    case 'subscribe':
      subscriptions.set(
        message.id,
        base.subscribe((event) => post({ type: 'change', id: message.id, event })),
      );
      return;
    case 'unsubscribe':
      subscriptions.get(message.id)?.();
      subscriptions.delete(message.id);
      return;
    case 'answer':
      return;
    case 'close':
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
      try {
        await base.close();
      } finally {
        post({ type: 'closed' });
      }
      return;
  }
}

// An answer to a question asked while the base opens comes before the base exists.
port.on('message', (message: ToBackend) => {
  if (message.type === 'answer') {
    asked.get(message.id)?.(message.yes);
    asked.delete(message.id);
  }
});

openBrowserModeBase({ dbPath, appVersion, askLocal: terminal ? askOnServerTerminal : undefined }).then(
  (opened) => {
    base = opened;
    port.on('message', (message: ToBackend) => {
      if (base) void onMessage(base, message);
    });
    post({ type: 'open' });
  },
  (error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
