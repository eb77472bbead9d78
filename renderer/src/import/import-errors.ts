import type { ApiError } from '../../../shared/api/envelope';
import type { RefusedRow } from './import-reducer';

/** The import's own words (under `import.errorsFile`) for some of the reasons a file is refused. */
const IMPORT_WORDS: Readonly<Record<string, string>> = {
  fileFormat: 'import.errorsFile.format',
  fileBroken: 'import.errorsFile.broken',
};

/**
 * The banner for a file import.readFile refused, by the reason code (never the message text): the
 * import's own words where it has them, else the reason's general ones. null: not a refused file.
 */
export function fileProblem(
  error: ApiError,
): { key: string; params: Record<string, string | number> } | null {
  if (error.code !== 'BAD_INPUT' || !error.reason) return null;
  return { key: IMPORT_WORDS[error.reason] ?? `errors.reasons.${error.reason}`, params: error.params ?? {} };
}

/**
 * The grid row a refused commit is about. Commit rows are sent in grid order (`committed` holds their
 * row keys) with their source row number (`sourceRow`); an issue names the row by `params.row` and by
 * its position among the committed rows (the first segment of `path`). The position is exact when it
 * agrees with the row number (an infant read from the adult's row shares its number); otherwise the
 * row number decides, and failing that the position.
 */
export function refusedRow(error: ApiError, committed: readonly number[]): RefusedRow | null {
  const issue = error.code === 'VALIDATION' ? error.issues?.[0] : undefined;
  if (!issue) return null;
  const shown = issue.params?.row;
  // The commit's own rules name `<index>.<field>`; the input check names `rows.<index>.draft.<field>`.
  const position = /^(?:rows\.)?(\d+)\./.exec(issue.path)?.[1];
  const byPosition = position === undefined ? undefined : committed[Number(position)];
  const sourceOf = (key: number) => Math.floor(key);
  if (typeof shown === 'number') {
    if (byPosition !== undefined && sourceOf(byPosition) === shown - 1)
      return { sourceIndex: byPosition, issue };
    const byRow = committed.find((key) => sourceOf(key) === shown - 1);
    if (byRow !== undefined) return { sourceIndex: byRow, issue };
  }
  return byPosition === undefined ? null : { sourceIndex: byPosition, issue };
}
