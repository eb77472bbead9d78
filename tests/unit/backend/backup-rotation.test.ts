import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupsToDelete,
  DEFAULT_ROTATION,
  rotateFolder,
  rotationFor,
} from '../../../electron/backend/backup/rotation';
import { fixedClock } from '../../../shared/domain/clock';

/** The one rotation rule that file backups and server dumps both follow (issue 14). */
const NAME = /^b-(\d{8})-\d{6}\.bak$/;
const dayOf = (name: string) => NAME.exec(name)?.[1] ?? null;
const backup = (day: number, hour: number) =>
  `b-202611${String(day).padStart(2, '0')}-${String(hour).padStart(2, '0')}0000.bak`;

describe('the rotation rule', () => {
  it('keeps the newest 3 of today and the newest of each of keepDays earlier days, whatever the order given', () => {
    const names = [5, 6, 7, 8].flatMap((day) => [9, 12, 15, 18].map((hour) => backup(day, hour)));
    const doomed = backupsToDelete([...names].reverse(), dayOf, '20261108', { keepToday: 3, keepDays: 2 });
    const kept = names.filter((n) => !doomed.includes(n));
    expect(kept.sort()).toEqual([backup(6, 18), backup(7, 18), backup(8, 12), backup(8, 15), backup(8, 18)]);
    expect(backupsToDelete(['notes.txt', backup(1, 9)], dayOf, '20261108', DEFAULT_ROTATION)).toEqual([]);
  });

  it("takes the clerk's backup.keepDays when it is a count of at least one, else 10 days; always 3 of today", () => {
    expect(DEFAULT_ROTATION).toEqual({ keepToday: 3, keepDays: 10 });
    expect(rotationFor(2)).toEqual({ keepToday: 3, keepDays: 2 });
    expect(rotationFor(4.7)).toEqual({ keepToday: 3, keepDays: 4 });
    for (const stored of [0, -1, '5', null, undefined]) expect(rotationFor(stored)).toEqual(DEFAULT_ROTATION);
  });
});

describe('rotating a folder', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'tourdesk-rotation-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('deletes each doomed backup with its record, never a kept name, and leaves other files', () => {
    const names = [
      backup(6, 9),
      backup(6, 18),
      backup(7, 9),
      backup(8, 9),
      backup(8, 12),
      backup(8, 15),
      backup(8, 18),
    ];
    for (const name of names) {
      writeFileSync(join(folder, name), 'copy');
      writeFileSync(join(folder, `${name}.json`), '{}');
    }
    writeFileSync(join(folder, 'readme.txt'), 'not a backup');
    const deleted = rotateFolder(folder, {
      dayOf,
      clock: fixedClock('2026-11-08'),
      rotation: { keepToday: 3, keepDays: 1 },
      keep: [backup(6, 9)],
    });
    expect(deleted.sort()).toEqual([backup(6, 18), backup(8, 9)]);
    for (const name of deleted) {
      expect(existsSync(join(folder, name))).toBe(false);
      expect(existsSync(join(folder, `${name}.json`))).toBe(false);
    }
    expect(
      readdirSync(folder)
        .filter((f) => f.endsWith('.bak'))
        .sort(),
    ).toEqual([backup(6, 9), backup(7, 9), backup(8, 12), backup(8, 15), backup(8, 18)]);
    expect(existsSync(join(folder, 'readme.txt'))).toBe(true);
  });
});
