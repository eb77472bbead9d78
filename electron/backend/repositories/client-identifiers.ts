/**
 * A phone's digits in SQL, with built-in functions only, so the expression index
 * clients_live_phone_last4 (migration 11) needs nothing registered on the connection. A query must
 * repeat this exact text for SQLite to use the index.
 */
export const PHONE_DIGITS_SQL =
  "replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '')";
