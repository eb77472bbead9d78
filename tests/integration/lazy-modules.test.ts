import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * The spreadsheet, Word and PDF libraries and the PostgreSQL client: each takes 50-300 ms to load,
 * and a file base's first screen needs none of them.
 */
const HEAVY = [
  'exceljs',
  'xlsx',
  'mammoth',
  '@cantoo/pdf-lib',
  '@pdf-lib/fontkit',
  'docxtemplater',
  'pizzip',
  'pg',
];

/**
 * Starts the backend on `base` in a fresh process (tests/helpers/loaded-packages.ts), answers the
 * first screen (and what `then` asks), and says which packages and own modules it loaded.
 */
function loadedBy(base: string, ...then: string[]): { packages: string[]; own: string[] } {
  const run = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), join(__dirname, '../helpers/loaded-packages.ts'), base, ...then],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { packages: string[]; own: string[] };
}

const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-lazy-'));
  dirs.push(dir);
  return dir;
};

describe('what a start loads (issue 17: fast start)', () => {
  it('answers the first screen of a file base without the spreadsheet, Word, PDF or server libraries', () => {
    const loaded = loadedBy(join(newDir(), 'base.sqlite'));
    // The probe itself sees what it loads: the driver and the query builder are there.
    expect(loaded.packages).toEqual(expect.arrayContaining(['better-sqlite3', 'kysely']));
    expect(loaded.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  }, 90_000);

  it('loads the loyalty modules (schemas, repositories) with the first loyalty command, not at start', () => {
    const base = join(newDir(), 'base.sqlite');
    const probe = (...then: string[]) => {
      const { own } = loadedBy(base, ...then);
      // The migrations' own loyalty tables (DDL and their names) load with the migrations: not these.
      return own.filter((file) =>
        /^shared\/loyalty\/|repositories\/(loyalty-handlers|loyalty|worklist|feedback)\.ts$/.test(file),
      );
    };
    expect(probe()).toEqual([]);
    const afterWorklist = probe('--then-worklist');
    expect(afterWorklist).toEqual(
      expect.arrayContaining([
        'shared/loyalty/model.ts',
        'electron/backend/repositories/loyalty-handlers.ts',
      ]),
    );
  }, 90_000);

  it('loads the migrations only to bring a base up to date, and the handlers of screens a start does not open with their first command', () => {
    const base = join(newDir(), 'base.sqlite');
    const ownAtStart = () => loadedBy(base).own;
    const lazy = [
      'electron/backend/db/migrations.ts',
      'electron/backend/repositories/duplicates-handlers.ts',
      'electron/backend/repositories/visa-handlers.ts',
      'electron/backend/connection/connection-handlers.ts',
      'electron/backend/connection/move-handlers.ts',
      'electron/backend/backup/pg-backups.ts',
    ];
    // A new base is built by the migrations; the next start finds it up to date.
    expect(ownAtStart()).toContain('electron/backend/db/migrations.ts');
    expect(ownAtStart().filter((file) => lazy.includes(file))).toEqual([]);
  }, 90_000);
});
