import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LADDER_STAGES, RFM_SEGMENTS } from '../../shared/loyalty';
import { classKey } from '../../electron/backend/repositories/loyalty-overview';

/**
 * The SQLite count groups the classified rows by one integer made from their five class columns
 * (loyalty-overview.ts): two different classes under one integer would add one's clients to the
 * other's figures. Every combination the classification can give, NULL included, has its own.
 */
describe('the class key of the Loyalty count (SQLite)', () => {
  it('gives every combination of ABC, XYZ, segment and the two stages its own integer', async () => {
    const sqlite = new Database(':memory:');
    const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: sqlite }) });
    sqlite.exec('CREATE TABLE g (abc TEXT, xyz TEXT, segment TEXT, stage_now TEXT, stage_before TEXT)');
    const insert = sqlite.prepare('INSERT INTO g VALUES (?, ?, ?, ?, ?)');
    const withNull = <T>(values: readonly T[]) => [null, ...values];
    let combinations = 0;
    sqlite.transaction(() => {
      for (const abc of withNull(['A', 'B', 'C']))
        for (const xyz of withNull(['X', 'Y', 'Z']))
          for (const segment of withNull(RFM_SEGMENTS))
            for (const now of withNull(LADDER_STAGES))
              for (const before of withNull(LADDER_STAGES)) {
                insert.run(abc, xyz, segment, now, before);
                combinations++;
              }
    })();
    const { rows } = await sql<{ keys: number; biggest: number }>`
      SELECT COUNT(DISTINCT k) AS keys, MAX(k) AS biggest FROM (SELECT ${classKey()} AS k FROM g)`.execute(
      db,
    );
    expect(combinations).toBe(4 * 4 * 11 * 6 * 6);
    expect(rows[0]?.keys).toBe(combinations);
    expect(rows[0]?.biggest).toBeLessThan(Number.MAX_SAFE_INTEGER);
    await db.destroy();
  });
});
