import { z } from 'zod';
import { multiline } from '../domain/safe-text';
import { idSchema, isoDateSchema } from '../domain/common-schemas';

const isoDate = isoDateSchema();
const id = idSchema();

export const WORKLIST_REASONS = [
  'birthday',
  'passportBeforeTrip',
  'passportBeforeSeason',
  'noTripLately',
  'tripAnniversary',
  'openComplaint',
  'familyBooked',
] as const;
export type WorklistReason = (typeof WORKLIST_REASONS)[number];

/** The worklist's order of reasons on a page (an item of an earlier reason comes first). */
export const WORKLIST_ORDER: readonly WorklistReason[] = [
  'openComplaint',
  'passportBeforeTrip',
  'birthday',
  'familyBooked',
  'noTripLately',
  'passportBeforeSeason',
  'tripAnniversary',
];

export const worklistQuerySchema = z.object({
  horizon: z.enum(['today', 'week']).default('week'),
  /** A regular, loyal or advocate client without a trip for this long is on the list. */
  dormantMonths: z.number().int().min(1).max(120).default(12),
  birthdayDays: z.number().int().min(0).max(60).default(7),
  limit: z.number().int().min(1).max(2000).default(500),
});

export const worklistItemSchema = z.object({
  /** reason:client:anchor — the same item on another day has the same key, so done stays done. */
  key: z.string(),
  clientId: id,
  name: z.string(),
  phone: z.string(),
  reason: z.enum(WORKLIST_REASONS),
  /** The day the reason is about (the birthday, the passport's expiry, the complaint's date…). */
  date: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

export const CONTACT_ACTIONS = ['done', 'postponed', 'dismissed'] as const;

export const worklistActSchema = z
  .object({
    key: z.string().min(1).max(200),
    clientId: id,
    reason: z.enum(WORKLIST_REASONS),
    action: z.enum(CONTACT_ACTIONS),
    note: multiline(z.string().max(2000)).default(''),
    postponeUntil: isoDate.nullable().default(null),
  })
  .refine((a) => (a.action === 'postponed') === (a.postponeUntil !== null), {
    path: ['postponeUntil'],
    message: 'a postponed item needs the day it comes back, other actions none',
  });

export const contactEntrySchema = z.object({
  id,
  clientId: id,
  reason: z.enum(WORKLIST_REASONS),
  action: z.enum(CONTACT_ACTIONS),
  note: z.string(),
  postponedUntil: z.string().nullable(),
  at: z.string(),
  clerk: z.string(),
});
export type ContactEntry = z.infer<typeof contactEntrySchema>;
