/**
 * What a client agreed to under 152-FZ and the GDPR: processing of personal data at all, marketing
 * (mailings, calls), and transfer abroad (to hotels, airlines, consulates outside Russia).
 * Without zod, so the first screen's bundle can name the scopes without building the schemas.
 */
export const CONSENT_SCOPES = ['processing', 'marketing', 'transfer'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
