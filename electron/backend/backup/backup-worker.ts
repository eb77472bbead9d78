import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sqliteKeyOf, type BaseCipher, type DatabaseKey } from '../crypto/database-key';
import type { BackupCounts } from './backups';
import { YIELD_TO_FOREGROUND_SOURCE } from '../background-thread';

interface CopyInput {
  driver: string;
  path: string;
  working: string;
  /** What sqlite3_key receives (database-key.ts sqliteKeyOf), and the cipher it is for. */
  key: Uint8Array | null;
  cipher: BaseCipher | null;
  attempts: number;
}

/** What the worker made: the base's counts at the moment of the copy, and what the copy holds. */
export interface CheckedCopy {
  expected: BackupCounts;
  found: { ok: boolean; counts: BackupCounts; schemaVersion: number };
}

type CopyAnswer = { copy: CheckedCopy } | { error: string; damaged: boolean };

/**
 * The worker's whole program, run from its source text (`eval: true`) as integrity-check.ts does:
 * nothing to resolve in a packed app. It copies the base with VACUUM INTO on its own read-only
 * connection and checks the copy as backups.ts `inspect` does (quick_check, counts, user_version).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the worker has nothing but require */
function copyWorker(): void {
  const { parentPort, workerData } = require('node:worker_threads') as {
    parentPort: { postMessage: (message: unknown) => void };
    workerData: CopyInput;
  };
  interface Connection {
    key: (key: Buffer) => void;
    pragma: (text: string, options?: { simple: boolean }) => unknown;
    prepare: (sql: string) => { get: () => unknown; run: (...args: unknown[]) => unknown };
    close: () => void;
  }
  const { rmSync } = require('node:fs') as { rmSync: (path: string, options: { force: boolean }) => void };
  const Database = require(workerData.driver) as new (
    path: string,
    options: { readonly: boolean; fileMustExist: boolean },
  ) => Connection;
  const open = (path: string): Connection => {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    if (workerData.key && workerData.cipher) {
      db.pragma(`cipher = '${workerData.cipher}'`);
      db.key(Buffer.from(workerData.key));
    }
    db.pragma('busy_timeout = 5000');
    return db;
  };
  const counts = (db: Connection) => {
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      clients: count('clients'),
      tours: count('tours'),
      tourists: count('tourists'),
      dictionary: count('dictionary_entries'),
    };
  };
  try {
    const base = open(workerData.path);
    let expected: ReturnType<typeof counts> | null = null;
    try {
      // VACUUM INTO cannot run inside the transaction that counts: a commit by the app between the
      // two shows as a new data_version, and the copy is taken again.
      for (let attempt = 0; attempt < workerData.attempts && expected === null; attempt++) {
        const before = base.pragma('data_version', { simple: true });
        const counted = counts(base);
        // VACUUM INTO refuses a file that is there already (the previous attempt's).
        rmSync(workerData.working, { force: true });
        base.prepare('VACUUM INTO ?').run(workerData.working);
        if (base.pragma('data_version', { simple: true }) === before) expected = counted;
      }
    } finally {
      base.close();
    }
    if (expected === null) throw new Error('the base kept changing while it was copied');
    const copy = open(workerData.working);
    try {
      const rows = copy.pragma('quick_check') as { quick_check: string }[];
      const found = {
        ok: rows.length === 1 && rows[0]?.quick_check === 'ok',
        counts: counts(copy),
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      };
      parentPort.postMessage({ copy: { expected, found } });
    } finally {
      copy.close();
    }
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    parentPort.postMessage({
      error: error instanceof Error ? error.message : String(error),
      damaged: code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'),
    });
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

// Build tools may wrap inner functions in a `__name(fn, "name")` helper that only their module defines.
const WORKER_SOURCE = `const __name = (fn) => fn;
${YIELD_TO_FOREGROUND_SOURCE}
(${copyWorker.toString()})()`;

/** The copy could not be made or checked; `damaged` when SQLite met a damaged page. */
export class CopyFailed extends Error {
  constructor(
    message: string,
    readonly damaged: boolean,
  ) {
    super(message);
  }
}

/**
 * Copies the base into `working` (VACUUM INTO, encrypted with the base's key and cipher) and checks
 * the copy, in a worker thread with its own connection: seconds for 200,000 clients that the app's
 * event loop no longer waits for. The main connection may commit meanwhile (WAL).
 */
export function copyInBackground(
  base: { path: string; key: DatabaseKey | null },
  working: string,
): { result: Promise<CheckedCopy>; cancel: () => void } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver,
      path: base.path,
      working,
      key: base.key ? new Uint8Array(sqliteKeyOf(base.key)) : null,
      cipher: base.key?.cipher ?? null,
      attempts: 3,
    } satisfies CopyInput,
  });
  const result = new Promise<CheckedCopy>((resolve, reject) => {
    const heard: { answer?: CopyAnswer; error?: Error } = {};
    worker.once('message', (answer: CopyAnswer) => {
      heard.answer = answer;
      void worker.terminate();
    });
    worker.once('error', (error) => (heard.error = error));
    // Settled once the thread has exited, its connections closed and its page cache freed: the step
    // that follows (an import's commit) does not share the computer with that teardown.
    worker.once('exit', (code) => {
      const { answer, error } = heard;
      if (answer && 'copy' in answer) resolve(answer.copy);
      else if (answer) reject(new CopyFailed(answer.error, answer.damaged));
      else reject(new CopyFailed(error?.message ?? `the backup stopped (${code})`, false));
    });
  });
  return { result, cancel: () => void worker.terminate() };
}
