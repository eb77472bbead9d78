import { z } from 'zod';
import type { CommandDefinitions } from './lazy-commands';
import {
  contactEntrySchema,
  feedbackInputSchema,
  feedbackSchema,
  loyaltyClientRowSchema,
  loyaltyFilterSchema,
  loyaltyOverviewSchema,
  loyaltyParamsSchema,
  referralsSchema,
  worklistActSchema,
  worklistItemSchema,
  worklistQuerySchema,
} from '../loyalty';
import { idSchema } from '../domain/common-schemas';

const id = idSchema();

/** Issue 15's commands; contract.ts spreads them into the one contract. */
export const loyaltyContract = {
  'loyalty.overview': () => ({
    input: z.object({ params: loyaltyParamsSchema.default(loyaltyParamsSchema.parse({})) }),
    output: loyaltyOverviewSchema,
  }),
  'loyalty.clients': () => ({
    input: z.object({
      params: loyaltyParamsSchema.default(loyaltyParamsSchema.parse({})),
      filter: loyaltyFilterSchema.default(loyaltyFilterSchema.parse({})),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    output: z.object({ rows: z.array(loyaltyClientRowSchema), total: z.number().int() }),
  }),
  'loyalty.exportSegment': () => ({
    input: z.object({
      params: loyaltyParamsSchema.default(loyaltyParamsSchema.parse({})),
      filter: loyaltyFilterSchema.default(loyaltyFilterSchema.parse({})),
      format: z.enum(['xlsx', 'csv']),
      /** Column headers in the UI language: name, phone, e-mail, trips, revenue, margin, last trip. */
      headers: z.array(z.string().max(100)).length(7),
    }),
    output: z.object({
      fileName: z.string(),
      base64: z.string(),
      exported: z.number().int(),
      /** Clients of the segment left out because no marketing consent is in force. */
      withoutConsent: z.number().int(),
    }),
  }),
  /** A chart's table as .xlsx: the screen sends what it shows (headers in the UI language). */
  'loyalty.exportTable': () => ({
    input: z.object({
      title: z.string().min(1).max(100),
      headers: z.array(z.string().max(100)).min(1).max(30),
      rows: z.array(z.array(z.union([z.string().max(300), z.number()])).max(30)).max(10_000),
    }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'tours.setPayer': () => ({
    input: z.object({ tourId: id, clientId: id.nullable() }),
    output: z.object({ tourId: id, payerClientId: id.nullable() }),
  }),
  'tours.getPayer': () => ({
    input: z.object({ tourId: id }),
    output: z.object({ tourId: id, payerClientId: id.nullable() }),
  }),
  'feedback.save': () => ({ input: feedbackInputSchema, output: feedbackSchema }),
  'feedback.list': () => ({
    input: z.object({ clientId: id.nullable().default(null), tourId: id.nullable().default(null) }),
    output: z.array(feedbackSchema),
  }),
  'referrals.get': () => ({ input: z.object({ clientId: id }), output: referralsSchema }),
  'referrals.set': () => ({
    input: z.object({ clientId: id, referrerId: id.nullable() }).refine((r) => r.clientId !== r.referrerId, {
      path: ['referrerId'],
      message: 'a client cannot recommend themselves',
    }),
    output: referralsSchema,
  }),
  'worklist.list': () => ({ input: worklistQuerySchema, output: z.array(worklistItemSchema) }),
  'worklist.act': () => ({ input: worklistActSchema, output: contactEntrySchema }),
  'contactLog.list': () => ({ input: z.object({ clientId: id }), output: z.array(contactEntrySchema) }),
} satisfies CommandDefinitions;
