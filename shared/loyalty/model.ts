import { z } from 'zod';
import { LADDER_STAGES } from './ladder';
import { RFM_SEGMENTS } from './rfm';
import { isoDateSchema } from '../domain/common-schemas';

const isoDate = isoDateSchema();
const share = z.number().min(0).max(1);

/** What the Loyalty screen lets the agency head choose; every threshold has the research default. */
export const loyaltyParamsSchema = z.object({
  /** The day the figures are for (today by default). */
  asOf: isoDate.nullable().default(null),
  /** Months of trips the ABC/XYZ, RFM and key-client figures look at (3 years by default). */
  windowMonths: z.number().int().min(1).max(240).default(36),
  periodKind: z.enum(['month', 'quarter', 'year']).default('year'),
  periods: z.number().int().min(1).max(36).default(5),
  currency: z.enum(['RUB', 'EUR', 'USD']).default('RUB'),
  /** A client is active while their last trip started within this many months. */
  activityMonths: z.number().int().min(1).max(120).default(24),
  abc: z.object({ a: share, b: share }).default({ a: 0.8, b: 0.95 }),
  xyz: z.object({ x: z.number().min(0).max(10), y: z.number().min(0).max(10) }).default({ x: 0.1, y: 0.25 }),
  rfm: z.enum(['quintiles', 'fixed']).default('fixed'),
  keyShare: share.default(0.1),
});
export type LoyaltyParams = z.output<typeof loyaltyParamsSchema>;
export type LoyaltyParamsInput = z.input<typeof loyaltyParamsSchema>;

const money = z.number().int();

export const loyaltyOverviewSchema = z.object({
  asOf: z.string(),
  from: z.string(),
  totals: z.object({
    clients: z.number().int(),
    trips: z.number().int(),
    revenueMinor: money,
    marginMinor: money,
  }),
  ladder: z.array(
    z.object({ stage: z.enum(LADDER_STAGES), count: z.number().int(), previous: z.number().int() }),
  ),
  matrix: z.array(
    z.object({
      abc: z.enum(['A', 'B', 'C']),
      xyz: z.enum(['X', 'Y', 'Z']),
      count: z.number().int(),
      revenueMinor: money,
      revenueShare: z.number(),
    }),
  ),
  segments: z.array(
    z.object({
      segment: z.enum(RFM_SEGMENTS),
      count: z.number().int(),
      marginMinor: money,
      marginShare: z.number(),
      /** S × C × P × T of the segment's averages, minor units. */
      ltvMinor: money,
      /** Average margin of the segment's clients over all their trips up to the day, minor units. */
      historicalLtvMinor: money,
    }),
  ),
  retention: z.array(
    z.object({
      key: z.string(),
      start: z.string(),
      end: z.string(),
      atStart: z.number().int(),
      atEnd: z.number().int(),
      acquired: z.number().int(),
      lost: z.number().int(),
      crr: z.number().nullable(),
      churn: z.number().nullable(),
    }),
  ),
  keyClients: z.array(
    z.object({
      clientId: z.number().int(),
      name: z.string(),
      revenueMinor: money,
      marginMinor: money,
      revenueShare: z.number(),
      marginShare: z.number(),
    }),
  ),
  concentration: z.object({ top1: z.number(), top5: z.number(), top10: z.number() }),
  nps: z.object({
    score: z.number().nullable(),
    responses: z.number().int(),
    byPeriod: z.array(
      z.object({ key: z.string(), score: z.number().nullable(), responses: z.number().int() }),
    ),
    byCountry: z.array(
      z.object({ key: z.string(), score: z.number().nullable(), responses: z.number().int() }),
    ),
    byHotel: z.array(
      z.object({ key: z.string(), score: z.number().nullable(), responses: z.number().int() }),
    ),
    openComplaints: z.number().int(),
    averageResolutionDays: z.number().nullable(),
  }),
});
export type LoyaltyOverview = z.infer<typeof loyaltyOverviewSchema>;

/** Which clients a drill-down or a segment export takes; every given condition must hold. */
export const loyaltyFilterSchema = z.object({
  abc: z.enum(['A', 'B', 'C']).nullable().default(null),
  xyz: z.enum(['X', 'Y', 'Z']).nullable().default(null),
  segment: z.enum(RFM_SEGMENTS).nullable().default(null),
  stage: z.enum(LADDER_STAGES).nullable().default(null),
  keyOnly: z.boolean().default(false),
  /** Travelled to this country (ISO alpha-3) in the window… */
  country: z.string().max(3).default(''),
  /** …in this month (1–12) of any year. */
  month: z.number().int().min(1).max(12).nullable().default(null),
});
export type LoyaltyFilter = z.output<typeof loyaltyFilterSchema>;

export const loyaltyClientRowSchema = z.object({
  clientId: z.number().int(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  trips: z.number().int(),
  revenueMinor: money,
  marginMinor: money,
  lastTrip: z.string().nullable(),
  stage: z.enum(LADDER_STAGES).nullable(),
  segment: z.enum(RFM_SEGMENTS).nullable(),
  abc: z.enum(['A', 'B', 'C']).nullable(),
  xyz: z.enum(['X', 'Y', 'Z']).nullable(),
});
export type LoyaltyClientRow = z.infer<typeof loyaltyClientRowSchema>;
