/**
 * Migration 29 (issue 15): loyalty_client_figures_back holds each client's summary for the default
 * plan on the day one period back (a year before the kept day), laid out as loyalty_client_figures
 * and kept by the same refresh (loyalty-figures.ts), so "a year ago" on the Loyalty screen counts
 * over one short row per client instead of grouping a million trips into a temporary table (4.4 s
 * at 200,000 clients). The migration empties the state's day: the next refresh rebuilds both tables
 * for the day in the background, which is the backfill of an installed base on either dialect.
 */
export const FIGURES_BACK_TABLE = `
  CREATE TABLE loyalty_client_figures_back (
    currency TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    window_trips INTEGER NOT NULL,
    revenue_minor INTEGER NOT NULL,
    margin_minor INTEGER NOT NULL,
    margin_y0 INTEGER NOT NULL,
    margin_y1 INTEGER NOT NULL,
    margin_y2 INTEGER NOT NULL,
    last_return TEXT,
    last_start TEXT,
    first_start TEXT NOT NULL,
    historical_margin_minor INTEGER NOT NULL,
    trips_now INTEGER NOT NULL,
    years_now INTEGER NOT NULL,
    trips_before INTEGER NOT NULL,
    years_before INTEGER NOT NULL,
    active_at_start INTEGER NOT NULL,
    active_at_end INTEGER NOT NULL,
    score_now INTEGER,
    score_before INTEGER,
    referrals_now INTEGER NOT NULL DEFAULT 0,
    referrals_before INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (currency, client_id)
  );
  CREATE INDEX loyalty_client_figures_back_client ON loyalty_client_figures_back (client_id);
`;

/** Every kept row is rebuilt for the day on the next refresh (the back table's backfill). */
export const FIGURES_REBUILD = "UPDATE loyalty_figures_state SET as_of = ''";
