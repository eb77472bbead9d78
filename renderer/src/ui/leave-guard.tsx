import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/** Runs `leave` now, or after asking Save / Discard / Cancel (useUnsavedGuard's guard). */
type Guard = (leave: () => void) => void;

interface LeaveGuards {
  /** The shown screen's guard, null when it has nothing that leaving could lose. */
  set: (guard: Guard | null) => void;
  /** Leaves the shown screen (another screen, another tab) through its guard. */
  leave: (go: () => void) => void;
}

const LeaveGuardContext = createContext<LeaveGuards>({ set: () => undefined, leave: (go) => go() });

/**
 * For screens that are unmounted when left (the reference books): the navigation asks the screen's
 * editor before the work typed in it is gone.
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const current = useRef<Guard | null>(null);
  const value = useMemo<LeaveGuards>(
    () => ({
      set: (guard) => {
        current.current = guard;
      },
      leave: (go) => (current.current ? current.current(go) : go()),
    }),
    [],
  );
  return <LeaveGuardContext.Provider value={value}>{children}</LeaveGuardContext.Provider>;
}

/** Leaving through the shown screen's guard: `leave(() => setScreen(next))`. */
export function useGuardedLeave(): (go: () => void) => void {
  return useContext(LeaveGuardContext).leave;
}

/** Registers an editor's guard for as long as it is shown. */
export function useLeaveGuard(guard: Guard): void {
  const { set } = useContext(LeaveGuardContext);
  useEffect(() => {
    set(guard);
    return () => set(null);
  }, [set, guard]);
}
