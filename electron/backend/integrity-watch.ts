import type Database from 'better-sqlite3';
import type { DatabaseKey } from './crypto/database-key';
import { quickCheckInBackground, type IntegrityVerdict } from './db/integrity-check';

export interface IntegrityWatch {
  /** True while the background quick_check runs. */
  checking: () => boolean;
  /** True when the base passed (or the check could not run), false when it is damaged. */
  done: Promise<boolean>;
  /** The backend is closing: the check stops and reports nothing. */
  stop: () => void;
}

/**
 * Checks a base opened without its quick_check (open-database's deferQuickCheck) while the app
 * already answers. A damaged base goes read-only on the spot (query_only: every write then answers
 * READ_ONLY) and `onDamaged` lets the backend say so; a healthy one gets `onPassed` (the start
 * backup waits for it, so a damaged file never rotates a good backup out).
 */
export function watchIntegrity(options: {
  sqlite: Database.Database;
  path: string;
  key: DatabaseKey | null;
  log: (message: string) => void;
  onDamaged: () => void;
  onPassed: () => void;
}): IntegrityWatch {
  let running = true;
  let stopped = false;
  let cancel: () => void = () => undefined;
  // Started at the next timer turn, not at once: creating its thread costs the main thread ~5 ms,
  // and the commands that waited for the base (the first screen's) are answered before it.
  const result = new Promise<{ verdict: IntegrityVerdict; detail: string }>((resolve) => {
    const timer = setTimeout(() => {
      const check = quickCheckInBackground(options.path, options.key);
      cancel = check.cancel;
      void check.result.then(resolve);
    }, 0);
    cancel = () => {
      clearTimeout(timer);
      resolve({ verdict: 'unknown', detail: 'stopped before it started' });
    };
  });
  const done = result.then(({ verdict, detail }) => {
    running = false;
    if (stopped) return verdict !== 'damaged';
    if (verdict === 'damaged') {
      options.sqlite.pragma('query_only = ON');
      options.log(`the base ${options.path} is damaged (quick_check): it is now read-only`);
      options.onDamaged();
      return false;
    }
    if (verdict === 'unknown') options.log(`the start-up check of ${options.path} did not run: ${detail}`);
    options.onPassed();
    return true;
  });
  return {
    checking: () => running,
    done,
    stop: () => {
      stopped = true;
      cancel();
    },
  };
}
