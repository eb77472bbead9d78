import {
  analyzeTable,
  applyAssist,
  buildImportPreview,
  type AssistAction,
  type ImportPreview,
  type ManualMapping,
  type TargetField,
  type TouristDraft,
} from '../../../shared/import';

/** The list being imported and everything the clerk changed in it: what one step of undo restores. */
export interface ImportState {
  grid: string[][];
  headerRow: number | null;
  /** Each column's header text (two header rows joined), null without a header. */
  headers: string[] | null;
  /** What detection made of the columns for this header row. */
  detected: { mapping: (TargetField | null)[]; confidence: number[] };
  /**
   * Columns the clerk mapped by hand, in the order chosen (a later choice of the same field takes
   * it from an earlier column). Only these are remembered for the header layout.
   */
  manual: ReadonlyMap<number, TargetField | null>;
  /** Rows removed by the clerk, by row key (PreviewRow.key). */
  removed: ReadonlySet<number>;
  /** Fields set by the assist buttons, per row key, on top of what the cells give. */
  overrides: ReadonlyMap<number, TouristDraft>;
}

function detect(
  grid: string[][],
  headerRow?: number | null,
): Pick<ImportState, 'headerRow' | 'headers' | 'detected'> {
  const auto = analyzeTable(grid, headerRow === undefined ? {} : { headerRow });
  return {
    headerRow: auto.headerRow,
    headers: auto.headers,
    detected: { mapping: auto.mapping, confidence: auto.confidence },
  };
}

/** A freshly read list, with the hand mappings remembered for its header layout applied. */
export function initialState(grid: string[][], remembered: readonly ManualMapping[] = []): ImportState {
  const width = grid[0]?.length ?? 0;
  return {
    grid,
    ...detect(grid),
    manual: new Map(remembered.filter((m) => m.column < width).map((m) => [m.column, m.field])),
    removed: new Set(),
    overrides: new Map(),
  };
}

/** Another header row: detection starts again, and hand mappings (made for other headers) go. */
export function withHeaderRow(state: ImportState, headerRow: number | null): ImportState {
  return { ...state, ...detect(state.grid, headerRow), manual: new Map() };
}

/** Each column's field and how sure it is: detection, with the hand mappings replayed on top. */
export function effectiveMapping(state: ImportState): {
  mapping: (TargetField | null)[];
  confidence: number[];
} {
  const mapping = state.detected.mapping.slice();
  const confidence = state.detected.confidence.slice();
  for (const [column, field] of state.manual) {
    if (field && field !== 'passportSeries')
      mapping.forEach((f, c) => {
        if (f === field) {
          mapping[c] = null;
          confidence[c] = 0;
        }
      });
    mapping[column] = field;
    confidence[column] = field ? 1 : 0;
  }
  return { mapping, confidence };
}

export function manualMappings(state: ImportState): ManualMapping[] {
  return [...state.manual].map(([column, field]) => ({ column, field }));
}

export function preview(state: ImportState): ImportPreview {
  const { mapping, confidence } = effectiveMapping(state);
  const result = buildImportPreview(
    { rows: state.grid },
    { headerRow: state.headerRow, mapping, overrides: state.overrides },
  );
  return {
    ...result,
    confidence,
    rows: state.removed.size === 0 ? result.rows : result.rows.filter((row) => !state.removed.has(row.key)),
  };
}

export function mapColumn(state: ImportState, column: number, field: TargetField | null): ImportState {
  const manual = new Map(state.manual);
  // Deleted first so that the choice moves to the end: the latest choice of a field wins.
  manual.delete(column);
  manual.set(column, field);
  return { ...state, manual };
}

export function editCell(state: ImportState, row: number, column: number, value: string): ImportState {
  if (state.grid[row]?.[column] === value) return state;
  const grid = state.grid.slice();
  grid[row] = grid[row]!.map((c, j) => (j === column ? value : c));
  return { ...state, grid };
}

export function removeRows(state: ImportState, rows: Iterable<number>): ImportState {
  return { ...state, removed: new Set([...state.removed, ...rows]) };
}

/** An assist action on the given rows (by key; null: every row), one pass over the rows. */
export function assist(
  state: ImportState,
  rows: ReadonlySet<number> | null,
  action: AssistAction,
): ImportState {
  const overrides = new Map(state.overrides);
  for (const row of preview(state).rows) {
    if (rows && !rows.has(row.key)) continue;
    const after = applyAssist(row.draft, action);
    const patch: TouristDraft = { ...overrides.get(row.key) };
    for (const key of Object.keys(after) as (keyof TouristDraft)[]) {
      if (after[key] !== row.draft[key]) (patch as Record<string, unknown>)[key] = after[key];
    }
    overrides.set(row.key, patch);
  }
  return { ...state, overrides };
}
