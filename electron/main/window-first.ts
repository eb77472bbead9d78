import type { Dispatch } from '../backend/dispatch';

export interface WindowFirstSteps<B extends { dispatch: Dispatch }> {
  /** Registers the IPC handlers with a dispatch that waits for the base. */
  register: (dispatch: Dispatch) => void;
  createWindow: () => void;
  /** Opens the base: null when it could not (the caller has told the user and is quitting). */
  openBase: () => Promise<B | null>;
}

/**
 * Shows the window before the base opens, so the page loads and parses its scripts while the base is
 * opened and migrated beside it: the page's first requests wait for the base, not the window.
 */
export async function openBehindWindow<B extends { dispatch: Dispatch }>(
  steps: WindowFirstSteps<B>,
): Promise<B | null> {
  let settle: (base: B | null) => void = () => undefined;
  const opened = new Promise<B | null>((resolve) => (settle = resolve));
  steps.register(async (name, input) => {
    const base = await opened;
    if (!base) throw new Error('the database did not open');
    return base.dispatch(name, input);
  });
  steps.createWindow();
  try {
    const base = await steps.openBase();
    settle(base);
    return base;
  } catch (error) {
    settle(null);
    throw error;
  }
}
