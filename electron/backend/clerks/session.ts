import type { Clerk, ClerkRole } from '../../../shared/domain/clerk';

export interface SignedInClerk {
  /** null for a clerk named by the app's start (tests, a read-only base with no clerks yet). */
  id: number | null;
  name: string;
  role: ClerkRole;
}

/**
 * Who works at this app now: one app, one clerk at a time. The audit trail and the undo journal
 * read the name from here, so every write names the clerk without any repository knowing of it.
 */
export class ClerkSession {
  private current: SignedInClerk | null = null;

  constructor(private readonly fallbackName: string) {}

  get clerk(): SignedInClerk | null {
    return this.current;
  }

  signIn(clerk: Pick<Clerk, 'name' | 'role'> & { id: number | null }): void {
    this.current = { id: clerk.id, name: clerk.name, role: clerk.role };
  }

  signOut(): void {
    this.current = null;
  }

  /** The name written into the audit and the undo journal (the OS account before anyone signs in). */
  name(): string {
    return this.current?.name ?? this.fallbackName;
  }
}
