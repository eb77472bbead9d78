import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { testPgServer } from '../helpers/pg-server';

const opened: Backend[] = [];
const urls: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tourdesk-seed-race-'));

afterAll(async () => {
  for (const backend of opened) await backend.close();
  for (const url of urls) await (await testPgServer()).dropDatabase(url);
  rmSync(dir, { recursive: true, force: true });
});

function open(databaseUrl: string, n: number): Promise<Backend> {
  return createBackend({
    dbPath: join(dir, `app-${n}.sqlite`),
    postgres: { connectionString: databaseUrl, max: 2 },
    key: null,
    appVersion: 'test',
    logger: { error: () => undefined },
    clerk: 'test clerk',
    backupEveryMinutes: null,
  });
}

describe('two apps starting at once on a new office database', () => {
  it('both open, and the shipped forms, dictionary and countries are written once', async () => {
    const databaseUrl = await (await testPgServer()).createDatabase('seedrace');
    urls.push(databaseUrl);
    const results = await Promise.allSettled([open(databaseUrl, 1), open(databaseUrl, 2)]);
    for (const result of results) if (result.status === 'fulfilled') opened.push(result.value);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'opened'))).toEqual([
      'opened',
      'opened',
    ]);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const forms = await client.query<{ key: string; n: string }>(
        'SELECT key, count(*) AS n FROM questionnaire_forms GROUP BY key HAVING count(*) > 1',
      );
      expect(forms.rows).toEqual([]);
      const seeded = await client.query<{ value: string }>(
        "SELECT value FROM settings WHERE key = 'referenceBooks.seededVersion'",
      );
      expect(seeded.rows).toHaveLength(1);
      const words = await client.query<{ n: string }>('SELECT count(*) AS n FROM dictionary_entries');
      expect(Number(words.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  }, 120_000);
});
