import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sqliteKeyOf, type BaseCipher, type DatabaseKey } from '../crypto/database-key';
import { YIELD_TO_FOREGROUND_SOURCE } from '../background-thread';

/** What the background quick_check found: `unknown` when it could not run (the file busy, gone). */
export type IntegrityVerdict = 'ok' | 'damaged' | 'unknown';

interface CheckInput {
  driver: string;
  path: string;
  /** What sqlite3_key receives (database-key.ts sqliteKeyOf), and the cipher it is for. */
  key: Uint8Array | null;
  cipher: BaseCipher | null;
}

/**
 * The worker's whole program, run from its source text (`eval: true`): nothing to resolve in a packed
 * app. It opens its own read-only connection, so the main thread keeps answering meanwhile.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the worker has nothing but require */
function checkWorker(): void {
  const { parentPort, workerData } = require('node:worker_threads') as {
    parentPort: { postMessage: (message: unknown) => void };
    workerData: CheckInput;
  };
  const Database = require(workerData.driver) as new (
    path: string,
    options: { readonly: boolean; fileMustExist: boolean },
  ) => {
    key: (key: Buffer) => void;
    pragma: (text: string) => unknown;
    close: () => void;
  };
  let verdict = 'unknown';
  let detail = '';
  try {
    const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
    try {
      if (workerData.key && workerData.cipher) {
        db.pragma(`cipher = '${workerData.cipher}'`);
        db.key(Buffer.from(workerData.key));
      }
      db.pragma('busy_timeout = 5000');
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      verdict = rows.length === 1 && rows[0]?.quick_check === 'ok' ? 'ok' : 'damaged';
    } finally {
      db.close();
    }
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    verdict = code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') ? 'damaged' : 'unknown';
    detail = error instanceof Error ? error.message : String(error);
  }
  parentPort.postMessage({ verdict, detail });
}
/* eslint-enable @typescript-eslint/no-require-imports */

// Build tools may wrap inner functions in a `__name(fn, "name")` helper that only their module defines.
const WORKER_SOURCE = `const __name = (fn) => fn;
${YIELD_TO_FOREGROUND_SOURCE}
(${checkWorker.toString()})()`;

/**
 * `PRAGMA quick_check` of the base in a worker thread: it reads every page (seconds for a million
 * clients, encrypted), which the app no longer waits for before its first answer. The same check as
 * open-database's passesQuickCheck: one line 'ok' is healthy, any other report or SQLITE_CORRUPT is not.
 */
export function quickCheckInBackground(
  path: string,
  key: DatabaseKey | null,
): { result: Promise<{ verdict: IntegrityVerdict; detail: string }>; cancel: () => void } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver,
      path,
      key: key ? new Uint8Array(sqliteKeyOf(key)) : null,
      cipher: key?.cipher ?? null,
    } satisfies CheckInput,
  });
  const result = new Promise<{ verdict: IntegrityVerdict; detail: string }>((resolve) => {
    worker.once('message', (message: { verdict: IntegrityVerdict; detail: string }) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => resolve({ verdict: 'unknown', detail: error.message }));
    worker.once('exit', (code) => resolve({ verdict: 'unknown', detail: `the check stopped (${code})` }));
  });
  return { result, cancel: () => void worker.terminate() };
}
