import type { ChangeEvent } from '../../shared/api/live-events';
import type { Dispatch } from '../backend/dispatch';

/** What browser mode needs of an open base: the commands and, on an office server, others' changes. */
export interface GatedBackend {
  dispatch: Dispatch;
  subscribe: (listener: (event: ChangeEvent) => void) => () => void;
}

export interface BackendGate {
  /** Answers each command once the base is open; a command sent before waits for it. */
  dispatch: Dispatch;
  /** Live changes once the base is open (a page may subscribe before). */
  changes: (listener: (event: ChangeEvent) => void) => () => void;
  /** Opens the base; until it settles every command waits, after a failure each is refused. */
  open: <B extends GatedBackend>(start: () => Promise<B>) => Promise<B>;
}

/**
 * Browser mode serves its page while the base opens: the server listens first (the page, its
 * scripts and the sign-in need no base), and the page's first commands wait here for the base.
 */
export function backendGate(): BackendGate {
  let settle: (backend: GatedBackend | null) => void = () => undefined;
  const opened = new Promise<GatedBackend | null>((resolve) => (settle = resolve));
  return {
    dispatch: async (name, input) => {
      const backend = await opened;
      if (!backend) return { ok: false, error: { code: 'UNAVAILABLE', message: 'the base did not open' } };
      return backend.dispatch(name, input);
    },
    changes: (listener) => {
      let stop: (() => void) | null = null;
      let stopped = false;
      void opened.then((backend) => {
        if (backend && !stopped) stop = backend.subscribe(listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    open: async (start) => {
      try {
        const backend = await start();
        settle(backend);
        return backend;
      } catch (error) {
        settle(null);
        throw error;
      }
    },
  };
}
