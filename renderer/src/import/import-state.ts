import {
  applyAssist,
  buildImportPreview,
  type AssistAction,
  type ImportPreview,
  type TargetField,
  type TouristDraft,
} from '../../../shared/import';

/** Everything the clerk can change on the import screen; each change pushes the previous state for undo. */
export interface ImportState {
  grid: string[][];
  headerRow: number | null;
  mapping: (TargetField | null)[] | undefined;
  removed: ReadonlySet<number>;
  /** Fields set by the assist buttons, per source row, on top of what the cells give. */
  overrides: ReadonlyMap<number, TouristDraft>;
}

export function initialState(grid: string[][], mapping?: (TargetField | null)[]): ImportState {
  const auto = buildImportPreview({ rows: grid });
  return {
    grid,
    headerRow: auto.headerRow,
    mapping: mapping ?? auto.mapping,
    removed: new Set(),
    overrides: new Map(),
  };
}

export function preview(state: ImportState): ImportPreview {
  const result = buildImportPreview(
    { rows: state.grid },
    { headerRow: state.headerRow, ...(state.mapping ? { mapping: state.mapping } : {}) },
  );
  return {
    ...result,
    rows: result.rows
      .filter((row) => !state.removed.has(row.sourceIndex))
      .map((row) => {
        const override = state.overrides.get(row.sourceIndex);
        if (!override) return row;
        const draft = { ...row.draft, ...override };
        const fixed = new Set(Object.keys(override));
        return {
          ...row,
          draft,
          issues: row.issues.filter(
            (i) =>
              !fixed.has(i.field) &&
              !(i.code === 'surnameMissing' && (draft.lastNameRu || draft.lastNameLat)),
          ),
        };
      }),
  };
}

export function mapColumn(state: ImportState, column: number, field: TargetField | null): ImportState {
  const mapping = (state.mapping ?? []).slice();
  for (let c = 0; c < state.grid[0]!.length; c++) mapping[c] ??= null;
  if (field) mapping.forEach((f, c) => f === field && field !== 'passportSeries' && (mapping[c] = null));
  mapping[column] = field;
  return { ...state, mapping };
}

export function editCell(state: ImportState, row: number, column: number, value: string): ImportState {
  const grid = state.grid.map((r, i) => (i === row ? r.map((c, j) => (j === column ? value : c)) : r));
  return { ...state, grid };
}

export function assist(state: ImportState, rows: number[], action: AssistAction): ImportState {
  const current = preview(state);
  const overrides = new Map(state.overrides);
  for (const row of current.rows) {
    if (!rows.includes(row.sourceIndex)) continue;
    const after = applyAssist(row.draft, action);
    const patch: TouristDraft = { ...overrides.get(row.sourceIndex) };
    for (const key of Object.keys(after) as (keyof TouristDraft)[]) {
      if (after[key] !== row.draft[key]) (patch as Record<string, unknown>)[key] = after[key];
    }
    overrides.set(row.sourceIndex, patch);
  }
  return { ...state, overrides };
}
