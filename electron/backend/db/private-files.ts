import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The base holds passports: its file, sidecars and backups are readable by their owner only, and
 * the user-data folder is closed to other local accounts. Modes are set with chmod after creation,
 * so the process umask does not decide them. Windows has no such modes (its ACLs already keep the
 * profile folder private), so nothing is done there.
 */
const posix = process.platform !== 'win32';

/** Creates an empty file that only its owner can read and write; fails if the file exists. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
  if (posix) chmodSync(path, 0o600);
}

/**
 * Takes group and other permissions off an existing file, keeping the owner's: a base made by an
 * older version (0644) becomes 0600, and a file the owner made read-only (0444) stays read-only.
 */
export function makePrivate(path: string): void {
  if (!posix || !existsSync(path)) return;
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
}

/**
 * Creates the folder (and its missing parents) as 0700. An existing folder is closed to others only
 * when `tighten` says it is the app's own (the user-data folder): a folder the clerk chose for the
 * base, such as a shared one, keeps its permissions.
 */
export function ensurePrivateDir(dir: string, tighten: boolean): void {
  const existed = existsSync(dir);
  if (!existed) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (posix && (!existed || tighten)) chmodSync(dir, 0o700);
}
