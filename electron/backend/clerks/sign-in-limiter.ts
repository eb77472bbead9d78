/** Wrong sign-ins a name gets before it must wait. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** Names remembered at most; the oldest go first (a flood of made-up names cannot grow memory). */
const MAX_NAMES = 10_000;

interface Failures {
  count: number;
  lockedUntil: number;
}

/**
 * Slows password guessing: after FREE_ATTEMPTS wrong sign-ins for one name, that name waits 30 s,
 * then twice as long after each further wrong one (up to 15 min); a right one clears it. Kept by
 * name, whether or not a clerk of that name exists, so the wait tells nothing about who exists.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number) {}

  /** Whole seconds the name must still wait; 0 when it may try. */
  waitSeconds(nameKey: string): number {
    const entry = this.failures.get(nameKey);
    if (!entry) return 0;
    return Math.max(0, Math.ceil((entry.lockedUntil - this.now()) / 1000));
  }

  failed(nameKey: string): void {
    const entry = this.failures.get(nameKey) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= FREE_ATTEMPTS) {
      const wait = FIRST_WAIT_MS * 2 ** Math.min(entry.count - FREE_ATTEMPTS, 10);
      entry.lockedUntil = this.now() + Math.min(wait, LONGEST_WAIT_MS);
    }
    this.failures.delete(nameKey);
    this.failures.set(nameKey, entry);
    if (this.failures.size > MAX_NAMES) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  succeeded(nameKey: string): void {
    this.failures.delete(nameKey);
  }
}
