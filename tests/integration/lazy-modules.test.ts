import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The spreadsheet, Word and PDF libraries: each takes 50-300 ms to load, none is on the first screen. */
const HEAVY = [
  'exceljs',
  'xlsx',
  'mammoth',
  '@cantoo/pdf-lib',
  '@pdf-lib/fontkit',
  'docxtemplater',
  'pizzip',
];

describe('what a start loads (issue 17: fast start)', () => {
  it('answers the first screen without loading the spreadsheet, Word or PDF libraries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tourdesk-lazy-'));
    dirs.push(dir);
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        join(__dirname, '../helpers/loaded-packages.ts'),
        join(dir, 'base.sqlite'),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as string[];
    // The probe itself sees what it loads: the driver and the query builder are there.
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely']));
    expect(loaded.filter((name) => HEAVY.includes(name))).toEqual([]);
  }, 90_000);
});
