import { z } from 'zod';

import { CLERK_ROLES, MAX_CLERK_NAME, MIN_CLERK_PASSWORD, roleAllows, type ClerkRole } from './clerk-roles';
import { schemaOnce } from './schema-once';

export { CLERK_ROLES, MAX_CLERK_NAME, MIN_CLERK_PASSWORD, roleAllows, type ClerkRole };

/** One clerk's name folded for comparison: Иванова, ИВАНОВА and иванова  are one clerk. */
export function clerkNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

export const clerkRoleSchema = schemaOnce(() => z.enum(CLERK_ROLES));

export const clerkSchema = schemaOnce(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    role: clerkRoleSchema(),
    active: z.boolean(),
    hasPassword: z.boolean(),
    version: z.number().int(),
  }),
);
export type Clerk = z.infer<ReturnType<typeof clerkSchema>>;

export const clerkNameSchema = schemaOnce(() => z.string().trim().min(1).max(MAX_CLERK_NAME));
