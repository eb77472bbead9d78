import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
}

export type LockResult =
  | { acquired: true; path: string; release: () => void }
  | { acquired: false; path: string; owner: LockOwner | null };

const lockPathOf = (dbPath: string) => `${dbPath}.lock`;

function readOwner(path: string): LockOwner | null {
  try {
    const [pid, ...host] = readFileSync(path, 'utf8').trim().split(' ');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host.join(' ') } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another account.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The lock is stale when its process is gone; a lock written on another computer is never judged.
 * A lock without an owner is one being written right now, unless it has stayed empty for a while.
 */
function isStale(path: string, owner: LockOwner | null): boolean {
  if (owner === null) {
    try {
      return Date.now() - statSync(path).mtimeMs > 10_000;
    } catch {
      return true;
    }
  }
  return owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, `${process.pid} ${hostname()}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * One app process per database file: a lock file beside it, created exclusively (O_EXCL) and holding
 * the owner's pid and computer. A lock left by a process that died (kill -9, a power cut) is taken
 * over; the lock is removed when its owner releases it or exits.
 */
export function acquireLockFile(dbPath: string): LockResult {
  const path = lockPathOf(dbPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path)) {
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        process.off('exit', release);
        const owner = readOwner(path);
        if (owner?.pid !== process.pid || owner.host !== hostname()) return;
        try {
          unlinkSync(path);
        } catch (error) {
          // Gone already (its folder removed while the app closed): nothing left to release.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      };
      process.on('exit', release);
      return { acquired: true, path, release };
    }
    const owner = readOwner(path);
    if (!isStale(path, owner)) return { acquired: false, path, owner };
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return { acquired: false, path, owner: readOwner(path) };
}
