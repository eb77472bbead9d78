import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countOverview, selectClasses } from '../../electron/backend/repositories/loyalty-overview';
import {
  abcClasses,
  loyaltyFilterSchema,
  loyaltyParamsSchema,
  summaryPlan,
  type FeedbackCounts,
} from '../../shared/loyalty';
import { createTempBackend, type TempBackend } from '../helpers/temp-backend';

let t: TempBackend;

beforeEach(async () => {
  t = await createTempBackend({ today: '2026-11-23', plain: true });
});
afterEach(async () => {
  await t.dispose();
});

/** A kept summary row of a client with one trip in the window and this margin (the rest alike). */
function row(id: number, margin: number) {
  return sql`SELECT ${sql.lit(id)} AS client_id, 1 AS window_trips, ${sql.lit(margin * 2)} AS revenue_minor,
    ${sql.lit(margin)} AS margin_minor, 0 AS margin_y0, 0 AS margin_y1, ${sql.lit(margin)} AS margin_y2,
    '2026-06-10' AS last_return, '2026-06-01' AS last_start, '2026-06-01' AS first_start,
    ${sql.lit(margin)} AS historical_margin_minor, 1 AS trips_now, 1 AS years_now, 0 AS trips_before,
    0 AS years_before, 0 AS active_at_start, 0 AS active_at_end, CAST(NULL AS INTEGER) AS score_now,
    CAST(NULL AS INTEGER) AS score_before,
    0 AS referrals_now, 0 AS referrals_before`;
}

const NO_FEEDBACK: FeedbackCounts = { window: [], periods: [], complaints: [] };

describe('ABC classes counted by the base', () => {
  it('take equal margins in the order of the ids as text, as abcClasses does, on the class edges', async () => {
    // Twelve equal margins, ordered by id as text (1, 10, 11, 12, 2 … 9): A ends at 4, B at 7.
    const margins = new Map(Array.from({ length: 12 }, (_, i) => [i + 1, 100]));
    margins.set(13, 1_500); // first in any order
    margins.set(14, -50); // C whatever its place
    const rows = sql.join(
      [...margins].map(([id, margin]) => row(id, margin)),
      sql` UNION ALL `,
    );
    const source = { db: t.backend.db, rows: sql`SELECT * FROM (${rows}) r` };
    const params = loyaltyParamsSchema.parse({});
    const plan = summaryPlan(params, '2026-11-23');
    const expected = abcClasses([...margins].map(([id, value]) => ({ id: String(id), value })));
    for (const abc of ['A', 'B', 'C'] as const) {
      const filter = loyaltyFilterSchema.parse({ abc });
      const { clients } = await selectClasses(source, params, plan, filter, null, null);
      const ids = [...expected].filter(([, c]) => c === abc).map(([id]) => Number(id));
      expect(clients.map((c) => c.clientId).sort((x, y) => x - y)).toEqual(ids.sort((x, y) => x - y));
    }
    const overview = await countOverview(source, params, plan, NO_FEEDBACK);
    const count = (abc: string) =>
      overview.matrix.filter((m) => m.abc === abc).reduce((s, m) => s + m.count, 0);
    expect([count('A'), count('B'), count('C')]).toEqual(
      (['A', 'B', 'C'] as const).map((abc) => [...expected.values()].filter((c) => c === abc).length),
    );
  });
});
