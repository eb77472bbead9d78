import type { Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Kysely's view of migration 12's, 16's and 17's tables and column (issue 15), kept beside the loyalty
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
  /** Migration 17: each client's summary for the default plan (loyalty-figures.ts). */
  loyalty_client_figures: {
    currency: string;
    client_id: number;
    window_trips: number;
    revenue_minor: number;
    margin_minor: number;
    margin_y0: number;
    margin_y1: number;
    margin_y2: number;
    last_return: string | null;
    last_start: string | null;
    first_start: string;
    historical_margin_minor: number;
    trips_now: number;
    years_now: number;
    trips_before: number;
    years_before: number;
    active_at_start: number;
    active_at_end: number;
    score_now: number | null;
    score_before: number | null;
    referrals_now: number;
    referrals_before: number;
  };
  /** Migration 29: the same for the default plan a period back (loyalty-figures-back.ts). */
  loyalty_client_figures_back: LoyaltyTables['loyalty_client_figures'];
  /** Clients whose figures a write changed since they were last computed (triggers, trip refresh). */
  loyalty_stale_clients: { client_id: number };
  /** Migration 24: each traveller's trip count and latest start (triggers, loyalty-tally.ts). */
  client_trip_tally: { client_id: number; trips: number; last_arrival: string | null };
  /** The day the kept figures are for; next_client: where a rebuild for it stands (null: done). */
  loyalty_figures_state: {
    id: number;
    as_of: string;
    next_client: number | null;
    version: number;
    /** Migration 26: bumped by any change of the NPS figures' inputs (loyalty-feedback-version.ts). */
    feedback_version: Generated<number>;
  };
};

export type LoyaltyDatabase = Database & LoyaltyTables;

export function loyaltyDb(db: Kysely<Database>): Kysely<LoyaltyDatabase> {
  return db.withTables<LoyaltyTables>();
}

/** Tours that count as trips: booked or travelled, not drafts or cancelled ones. */
export const TRIP_STATUSES = ['booked', 'confirmed', 'completed'] as const;
