/**
 * Run first by a background worker's program (the quick_check at start, the backups): its thread
 * gets the lowest CPU priority, so on a busy computer the answers, the page and the window's own
 * work go first and the check or the copy takes the time left over. Only on Linux, where each thread
 * has a nice value of its own; elsewhere the same call would lower the whole app, so it is not made.
 */
export const YIELD_TO_FOREGROUND_SOURCE = `if (process.platform === 'linux') {
  try { require('node:os').setPriority(19); } catch { /* no permission to change it: run as is */ }
}`;
