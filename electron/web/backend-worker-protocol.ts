import type { ChangeEvent } from '../../shared/api/live-events';

/** What browser mode's backend thread is started with. */
export interface BackendWorkerData {
  dbPath: string;
  appVersion: string;
  /** The process has a terminal: an office server that cannot be opened is asked about there. */
  terminal: boolean;
}

/** The server thread to the backend thread. */
export type ToBackend =
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'subscribe'; id: number }
  | { type: 'unsubscribe'; id: number }
  | { type: 'answer'; id: number; yes: boolean }
  | { type: 'close' };

/** The backend thread to the server thread. */
export type FromBackend =
  | { type: 'open' }
  | { type: 'failed'; message: string }
  /** The envelope as JSON text: what the server sends, made on the backend's thread. */
  | { type: 'result'; id: number; json: string }
  | { type: 'change'; id: number; event: ChangeEvent }
  /** Work locally instead of on the unreachable office server? (asked on the server's terminal) */
  | { type: 'ask'; id: number; reason: string }
  | { type: 'closed' };
