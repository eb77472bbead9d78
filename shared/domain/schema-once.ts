/**
 * A schema built the first time it is asked for, then kept. zod 4 gives every schema dozens of
 * properties as it builds it, and building the shared modules' schemas at load was most of what a
 * start did before its first answer (issue 17: fast start): a start now builds the few its first
 * commands use, and a screen or command the rest when it first needs them.
 */
export function schemaOnce<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
