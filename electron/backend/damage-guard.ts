import { AppError } from '../../shared/api/envelope';
import type { Dispatch } from './dispatch';

/** SQLite's answers for a page it cannot read: a damaged b-tree, or a file that is not a base at all. */
export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

export const damagedError = () =>
  new AppError('READ_ONLY', 'the database file is damaged: it is open read-only, restore a backup');

/**
 * What dispatch answers for an error its handler did not expect: a damaged page met while a command runs
 * makes the base "damaged" (`onDamage`: query_only, the banner, the backups offered) and answers READ_ONLY
 * instead of INTERNAL. The background quick_check may not have reached that page yet: whoever finds the
 * damage first decides.
 */
export function damageAnswer(onDamage: (error: unknown) => void): (error: unknown) => unknown {
  return (error) => {
    if (!isDamage(error)) return error;
    onDamage(error);
    return damagedError();
  };
}

/** A start-up step whose damaged page turns the base damaged instead of stopping the app. */
export async function survivingDamage(step: () => Promise<unknown>, onDamage: (error: unknown) => void) {
  try {
    await step();
  } catch (error) {
    if (!isDamage(error)) throw error;
    onDamage(error);
  }
}

/**
 * While the background check runs, the base is query_only: a write answers READ_ONLY and nothing
 * reaches a file that may be damaged. Such a command waits for the verdict and runs again once the
 * base passed (its refused write changed nothing: the statement or its transaction was rolled back).
 */
export function holdWritesUntilChecked(
  dispatch: Dispatch,
  holding: () => boolean,
  verdict: Promise<boolean>,
): Dispatch {
  return async (name, input) => {
    const held = holding();
    const answer = await dispatch(name, input);
    if (!held || answer.ok || answer.error.code !== 'READ_ONLY') return answer;
    return (await verdict) ? dispatch(name, input) : answer;
  };
}
