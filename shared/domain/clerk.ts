import { z } from 'zod';

/** Issue 14: who works at the desk. head sees money and loyalty figures; admin also manages clerks, backups and books. */
export const CLERK_ROLES = ['clerk', 'head', 'admin'] as const;
export type ClerkRole = (typeof CLERK_ROLES)[number];

const RANK: Record<ClerkRole, number> = { clerk: 0, head: 1, admin: 2 };

export function roleAllows(role: ClerkRole, needed: ClerkRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** The shortest password a clerk may have (on a server every clerk has one). */
export const MIN_CLERK_PASSWORD = 8;
export const MAX_CLERK_NAME = 60;

/** One clerk's name folded for comparison: Иванова, ИВАНОВА and иванова  are one clerk. */
export function clerkNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

export const clerkRoleSchema = z.enum(CLERK_ROLES);

export const clerkSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: clerkRoleSchema,
  active: z.boolean(),
  hasPassword: z.boolean(),
  version: z.number().int(),
});
export type Clerk = z.infer<typeof clerkSchema>;

export const clerkNameSchema = z.string().trim().min(1).max(MAX_CLERK_NAME);
