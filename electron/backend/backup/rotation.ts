import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { timestamp, type Clock } from '../../../shared/domain/clock';

/**
 * The one rotation rule of backups, file copies and server dumps alike: how many a folder keeps
 * and which go. The newest `keepToday` of today stay, and the newest of each of `keepDays` earlier
 * days.
 */
export interface Rotation {
  keepToday: number;
  keepDays: number;
}

export const DEFAULT_ROTATION: Rotation = { keepToday: 3, keepDays: 10 };

/** The rule with the clerk's `backup.keepDays` setting (as stored; anything but a count ≥ 1 is the default). */
export function rotationFor(keepDaysSetting: unknown): Rotation {
  return typeof keepDaysSetting === 'number' && keepDaysSetting >= 1
    ? { ...DEFAULT_ROTATION, keepDays: Math.floor(keepDaysSetting) }
    : DEFAULT_ROTATION;
}

/**
 * The backup files to delete. `dayOf` reads a file's day (yyyymmdd) from its name, null for files
 * that are not backups (left alone); names sort by time within a day (they carry yyyymmdd-hhmmss).
 */
export function backupsToDelete(
  names: readonly string[],
  dayOf: (name: string) => string | null,
  today: string,
  rotation: Rotation,
): string[] {
  const dated = names
    .map((name) => ({ name, day: dayOf(name) }))
    .filter((b): b is { name: string; day: string } => b.day !== null)
    .sort((a, b) => b.name.localeCompare(a.name));
  const keptDays = new Set<string>();
  let keptToday = 0;
  const doomed: string[] = [];
  for (const { name, day } of dated) {
    let keep: boolean;
    if (day === today) keep = keptToday++ < rotation.keepToday;
    else if (keptDays.has(day)) keep = false;
    else if (keptDays.size < rotation.keepDays) keep = keptDays.add(day) !== undefined;
    else keep = false;
    if (!keep) doomed.push(name);
  }
  return doomed;
}

/**
 * Rotates a backup folder: deletes what the rule dooms, each backup with its `.json` record, never
 * a name of `keep` (the dump a restore is about to read). Answers the names deleted.
 */
export function rotateFolder(
  folder: string,
  options: {
    dayOf: (name: string) => string | null;
    clock: Clock;
    rotation: Rotation;
    keep?: readonly string[];
  },
): string[] {
  const keep = options.keep ?? [];
  const today = timestamp(options.clock).slice(0, 10).replace(/-/g, '');
  const doomed = backupsToDelete(readdirSync(folder), options.dayOf, today, options.rotation).filter(
    (name) => !keep.includes(name),
  );
  for (const name of doomed) {
    rmSync(join(folder, name), { force: true });
    rmSync(join(folder, `${name}.json`), { force: true });
  }
  return doomed;
}
