const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads modules one part per turn of the event loop: each part's load is one synchronous block, and
 * a request that arrived during it is served before the next part starts.
 */
export async function loadInTurns<T>(
  parts: readonly (() => Promise<unknown>)[],
  last: () => Promise<T>,
  /** Resolves when nothing waits to be served (the web server's quiet): a part never starts before. */
  quiet: () => Promise<void> = () => Promise.resolve(),
): Promise<T> {
  for (const part of parts) {
    await nextTurn();
    await quiet();
    await part();
  }
  await nextTurn();
  await quiet();
  return last();
}
