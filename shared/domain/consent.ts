import { z } from 'zod';
import { schemaOnce } from './schema-once';

import { CONSENT_SCOPES, type ConsentScope } from './consent-scopes';
import { isoDateSchema as isoDate } from './common-schemas';

export { CONSENT_SCOPES, type ConsentScope };

export const consentInputSchema = schemaOnce(() =>
  z.object({
    id: z.number().int().positive().optional(),
    clientId: z.number().int().positive(),
    scope: z.enum(CONSENT_SCOPES),
    givenOn: isoDate(),
    withdrawnOn: isoDate().nullable().default(null),
    /** The signed paper or the form it was given on ("Согласие № 15 от 12.03.2026"). */
    document: z.string().max(200).default(''),
  }),
);
export type ConsentInput = z.infer<ReturnType<typeof consentInputSchema>>;

export const consentSchema = schemaOnce(() =>
  consentInputSchema().extend({
    id: z.number().int().positive(),
    clerk: z.string(),
    recordedAt: z.string(),
  }),
);
export type Consent = z.infer<ReturnType<typeof consentSchema>>;

/** The scopes a client has agreed to on a day: given on or before it and not withdrawn by then. */
export function consentedScopes(consents: readonly Consent[], day: string): Set<ConsentScope> {
  return new Set(
    consents
      .filter((c) => c.givenOn <= day && (c.withdrawnOn === null || c.withdrawnOn > day))
      .map((c) => c.scope),
  );
}

/** What "Forget this person" destroyed, for the printed act; counts only, never the data itself. */
export const destructionActSchema = schemaOnce(() =>
  z.object({
    clientId: z.number().int().positive(),
    name: z.string(),
    at: z.string(),
    clerk: z.string(),
    documents: z.number().int(),
    consents: z.number().int(),
    answers: z.number().int(),
    tripsAnonymised: z.number().int(),
    auditEntriesHashed: z.number().int(),
    undoEntriesRemoved: z.number().int(),
    /** Backups made before the erasure still hold the person until rotation removes them. */
    backupsUntil: z.string(),
  }),
);
export type DestructionAct = z.infer<ReturnType<typeof destructionActSchema>>;
