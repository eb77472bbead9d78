/**
 * The schema version this app writes: the number of its migrations (migrations.ts checks the two
 * agree when it loads). Kept apart so that a start on an up-to-date base reads this number and never
 * loads the migrations themselves (issue 17: fast start).
 */
export const LATEST_SCHEMA_VERSION = 29;
