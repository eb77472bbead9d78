import { z } from 'zod';
import { multiline } from '../domain/safe-text';
import { idSchema, isoDateSchema } from '../domain/common-schemas';

const isoDate = isoDateSchema();
const id = idSchema();

export const FEEDBACK_KINDS = ['score', 'complaint', 'praise', 'suggestion'] as const;
export const FEEDBACK_STATUSES = ['open', 'inProgress', 'resolved'] as const;

export const feedbackInputSchema = z
  .object({
    id: id.optional(),
    version: z.number().int().positive().optional(),
    clientId: id,
    tourId: id.nullable().default(null),
    kind: z.enum(FEEDBACK_KINDS),
    score: z.number().int().min(0).max(10).nullable().default(null),
    text: multiline(z.string().max(5000)).default(''),
    status: z.enum(FEEDBACK_STATUSES).default('open'),
    resolver: z.string().max(100).default(''),
    resolution: multiline(z.string().max(5000)).default(''),
    receivedOn: isoDate,
    resolvedOn: isoDate.nullable().default(null),
  })
  .refine((f) => f.kind !== 'score' || f.score !== null, {
    path: ['score'],
    message: 'a score entry needs a score',
  })
  .refine((f) => (f.status === 'resolved') === (f.resolvedOn !== null), {
    path: ['resolvedOn'],
    message: 'resolved feedback has a resolution date, open feedback none',
  })
  .refine((f) => f.resolvedOn === null || f.resolvedOn >= f.receivedOn, {
    path: ['resolvedOn'],
    message: 'resolved before it was received',
  });
export type FeedbackInput = z.input<typeof feedbackInputSchema>;

export const feedbackSchema = z.object({
  id,
  version: z.number().int(),
  clientId: id,
  clientName: z.string(),
  tourId: id.nullable(),
  voucher: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  score: z.number().int().nullable(),
  text: z.string(),
  status: z.enum(FEEDBACK_STATUSES),
  resolver: z.string(),
  resolution: z.string(),
  receivedOn: z.string(),
  resolvedOn: z.string().nullable(),
  clerk: z.string(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

const personSchema = z.object({ clientId: id, name: z.string() });

export const referralsSchema = z.object({
  referrer: personSchema.nullable(),
  referred: z.array(personSchema.extend({ travelled: z.boolean() })),
});
export type Referrals = z.infer<typeof referralsSchema>;
