import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/api/envelope';
import { ensurePrivateDir } from '../db/private-files';

/**
 * Whole-base exports and imports are files of hundreds of megabytes: they never travel through a
 * command. The backend writes an export to a transfer file and answers its id; the shell moves the
 * file where the clerk chose (Electron's main process) or streams it as a download (browser mode).
 * An import arrives the other way: the shell copies the chosen file, or streams the upload, into a
 * new transfer file, and the import command names its id. The folder is private, beside the base.
 */
export const transferDir = (dbPath: string) => join(dirname(dbPath), 'transfers');

const ID = /^[0-9a-f]{32}$/;
/** A transfer nobody took within this time is a leftover (a closed tab, a crash): removed. */
const STALE_MS = 6 * 60 * 60 * 1000;

export const isTransferId = (id: unknown): id is string => typeof id === 'string' && ID.test(id);

const pathOf = (dir: string, id: string) => join(dir, `${id}.tourdesk`);

/** A new transfer file's id and where to write it (not created yet). */
export function newTransfer(dir: string): { id: string; path: string } {
  ensurePrivateDir(dir, true);
  sweepStaleTransfers(dir);
  const id = randomBytes(16).toString('hex');
  return { id, path: pathOf(dir, id) };
}

/** The file of a transfer that exists; an unknown, taken or malformed id is refused. */
export function transferPath(dir: string, id: string): string {
  const path = isTransferId(id) ? pathOf(dir, id) : null;
  if (!path || !existsSync(path)) {
    throw new AppError('NOT_FOUND', 'the file to transfer is gone: choose it again', undefined, {
      reason: 'transferGone',
    });
  }
  return path;
}

export function removeTransfer(dir: string, id: string): void {
  if (isTransferId(id)) rmSync(pathOf(dir, id), { force: true });
}

function sweepStaleTransfers(dir: string, now = Date.now()): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // Gone meanwhile.
    }
  }
}
