/** Older than this, a boot answer is not used (the screen opened late: behind the sign-in, a dialog). */
const FRESH_MS = 10_000;

/**
 * An answer the boot asked for before the screen that needs it exists (the opening list's first page,
 * its settings): kept with the time it was asked, used by the screen only while fresh. A refusal (no
 * clerk signed in yet, a locked base) is kept as null: the screen then asks again itself. Nothing
 * here may import React.
 */
export class BootAnswer<T> {
  readonly answer: Promise<T | null>;
  private answered: T | null | undefined;
  private readonly askedAt = Date.now();

  constructor(ask: () => Promise<T>) {
    this.answer = ask().catch(() => null);
    void this.answer.then((value) => (this.answered = value));
  }

  fresh(): boolean {
    return Date.now() - this.askedAt <= FRESH_MS;
  }

  /** The answer if it has come, succeeded and is fresh; undefined otherwise. */
  value(): T | undefined {
    return this.fresh() ? (this.answered ?? undefined) : undefined;
  }
}
