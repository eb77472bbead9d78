import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Kysely's view of migration 12's and 16's tables and column (issue 15), kept beside the loyalty
 * repositories and added to the shared schema with `withTables`, so schema.ts stays untouched.
 */
export type LoyaltyTables = {
  tours: { payer_client_id: number | null };
  feedback: {
    id: Generated<number>;
    client_id: number;
    tour_id: number | null;
    kind: 'score' | 'complaint' | 'praise' | 'suggestion';
    score: number | null;
    text: string;
    status: 'open' | 'inProgress' | 'resolved';
    resolver: string;
    resolution: string;
    received_on: string;
    resolved_on: string | null;
    clerk: string;
    version: Generated<number>;
    updated_at: string;
  };
  client_referrals: { client_id: number; referrer_id: number; recorded_on: string };
  contact_log: {
    id: Generated<number>;
    client_id: number;
    item_key: string;
    reason: string;
    action: 'done' | 'postponed' | 'dismissed';
    note: string;
    postponed_until: string | null;
    at: string;
    clerk: string;
  };
  /** Migration 16: each client's share of each trip, kept by loyalty-trips.ts. */
  client_trips: {
    currency: string;
    client_id: number;
    start_date: string;
    tour_id: number;
    end_date: string;
    country: string;
    hotel: string;
    revenue_minor: number;
    cost_minor: number;
  };
  /** Tours a write touched since their trips were last computed (filled by triggers). */
  loyalty_stale_tours: { tour_id: number };
};

export type LoyaltyDatabase = Database & LoyaltyTables;

export function loyaltyDb(db: Kysely<Database>): Kysely<LoyaltyDatabase> {
  return db.withTables<LoyaltyTables>();
}

/** Tours that count as trips: booked or travelled, not drafts or cancelled ones. */
export const TRIP_STATUSES = ['booked', 'confirmed', 'completed'] as const;
