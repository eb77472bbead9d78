import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CommandOutput } from '../../../shared/api/contract';
import type { Clerk } from '../../../shared/domain/clerk';
import { roleAllows, type ClerkRole } from '../../../shared/domain/clerk-roles';
import { call } from '../api/client';
import { SignInScreen } from './SignInScreen';

type Status = CommandOutput<'clerks.status'>;

interface ClerkState {
  /** null only where the backend could not say (a locked base: the unlock screen covers the app). */
  clerk: Clerk | null;
  can: (role: ClerkRole) => boolean;
  signOut: () => void;
}

const ClerkContext = createContext<ClerkState>({ clerk: null, can: () => false, signOut: () => undefined });

export const useClerk = () => useContext(ClerkContext);

/**
 * Nothing of the app shows before a clerk signs in. On one computer with one clerk the backend has
 * signed them in already; a status that fails (a locked base) lets the app through to its unlock screen.
 * `first` is the status the boot asked for beside the language: the gate's first render shows the app
 * (or the sign-in screen) at once, with no render of nothing and no second round trip.
 */
export function SignInGate({ children, first }: { children: ReactNode; first?: Status | 'unavailable' }) {
  const [status, setStatus] = useState<Status | null | 'unavailable'>(first ?? null);
  const given = useRef(first !== undefined);
  const load = useCallback(() => {
    call('clerks.status', {}).then(setStatus, () => setStatus('unavailable'));
  }, []);
  useEffect(() => {
    if (given.current) given.current = false;
    else load();
  }, [load]);
  const signOut = useCallback(() => {
    void call('clerks.signOut', {}).then(load, load);
  }, [load]);
  if (status === null) return null;
  if (status !== 'unavailable' && !status.signedIn) return <SignInScreen status={status} onSignedIn={load} />;
  const clerk = status === 'unavailable' ? null : status.signedIn;
  const state: ClerkState = {
    clerk,
    can: (role) => (clerk ? roleAllows(clerk.role, role) : false),
    signOut,
  };
  // Keyed by the clerk, so a new sign-in starts every screen afresh (no one else's open card).
  return (
    <ClerkContext.Provider value={state}>
      <div key={clerk?.id ?? 'none'} style={{ display: 'contents' }}>
        {children}
      </div>
    </ClerkContext.Provider>
  );
}
