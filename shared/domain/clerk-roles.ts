/**
 * Issue 14: who works at the desk. head sees money and loyalty figures; admin also manages clerks,
 * backups and books. Without zod, so the first screen's bundle can check a role without the schemas.
 */
export const CLERK_ROLES = ['clerk', 'head', 'admin'] as const;
export type ClerkRole = (typeof CLERK_ROLES)[number];

const RANK: Record<ClerkRole, number> = { clerk: 0, head: 1, admin: 2 };

export function roleAllows(role: ClerkRole, needed: ClerkRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** The shortest password a clerk may have (on a server every clerk has one). */
export const MIN_CLERK_PASSWORD = 8;
export const MAX_CLERK_NAME = 60;
