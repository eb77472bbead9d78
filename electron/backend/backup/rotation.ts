/** How many backups a folder keeps: the newest `keepToday` of today and the newest of each of `keepDays` earlier days. */
export interface Rotation {
  keepToday: number;
  keepDays: number;
}

/** The SQLite backups' defaults, which server dumps follow too: 3 of today, one a day for 10 days. */
export const DEFAULT_ROTATION: Rotation = { keepToday: 3, keepDays: 10 };

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
