import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';

/**
 * Writes a base's pages (and its WAL's) to the disk: a file written just before a timed step is
 * otherwise written back by the kernel during it (tens of ms on a big base) and counted to it.
 */
export function flushToDisk(path: string): void {
  for (const name of [path, `${path}-wal`]) {
    if (!existsSync(name)) continue;
    const fd = openSync(name, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
