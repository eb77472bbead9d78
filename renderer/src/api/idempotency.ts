/** The last attempt of a command that must not run twice: what it sent and under which key. */
export interface Attempt {
  body: string;
  key: string;
}

/**
 * Gives a request its idempotency key: a new one for new content, the previous one when the same
 * request is sent again (the clerk pressed Load once more after an error), so a backend that did
 * write the first time answers that result instead of writing again. Clear `last` on success.
 */
export function withIdempotencyKey<T extends object>(
  last: { current: Attempt | null },
  request: T,
): T & { idempotencyKey: string } {
  const body = JSON.stringify(request);
  const key = last.current?.body === body ? last.current.key : crypto.randomUUID();
  last.current = { body, key };
  return { ...request, idempotencyKey: key };
}
