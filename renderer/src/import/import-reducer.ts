import type { CommandOutput } from '../../../shared/api/contract';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import type { AssistAction, PreviewRow, TargetField } from '../../../shared/import';
import { assist, editCell, mapColumn, removeRows, withHeaderRow, type ImportState } from './import-state';

export type Match = CommandOutput<'import.match'>[number][number];
export type Choice = { action: 'link' | 'create' | 'touristOnly'; clientId: number | null };

/** A row the commit refused, with the first problem the backend named. */
export interface RefusedRow {
  /** The row's key (PreviewRow.key): its source row, or a further person's fraction above it. */
  sourceIndex: number;
  issue: ValidationIssue;
}

const HISTORY_LIMIT = 50;

/** Everything on the import screen that is not a passing UI detail (an open editor, a banner). */
export interface ScreenState {
  /** null until a table is pasted or read. */
  doc: ImportState | null;
  /** How many tables were loaded: a new one is matched afresh even if its drafts are the same. */
  generation: number;
  /** Earlier docs, the latest last, for Ctrl+Z. */
  history: readonly ImportState[];
  selected: ReadonlySet<number>;
  /** What the clerk picked for a row (by row key); unpicked rows follow their best match. */
  choices: ReadonlyMap<number, Choice>;
  matches: ReadonlyMap<number, Match[]>;
  /** The latest import.match request; a reply to any other is stale and dropped. */
  matchRequest: number | null;
  refused: RefusedRow | null;
}

export type ScreenAction =
  | { type: 'loaded'; doc: ImportState }
  | { type: 'headerRowChosen'; headerRow: number | null }
  | { type: 'columnMapped'; column: number; field: TargetField | null }
  /** `row` is the source grid row here; elsewhere a row is named by its key (PreviewRow.key). */
  | { type: 'cellEdited'; row: number; column: number; value: string }
  | { type: 'assisted'; action: AssistAction }
  | { type: 'selectedRemoved' }
  | { type: 'undone' }
  | { type: 'rowToggled'; row: number }
  | { type: 'allSelected'; rows: readonly number[] }
  | { type: 'selectionCleared' }
  | { type: 'choiceMade'; row: number; choice: Choice }
  | { type: 'matchRequested'; requestId: number }
  | { type: 'matchReplied'; requestId: number; rows: readonly number[]; matches: readonly Match[][] }
  | { type: 'commitRefused'; refused: RefusedRow };

export const initialScreen: ScreenState = {
  doc: null,
  generation: 0,
  history: [],
  selected: new Set(),
  choices: new Map(),
  matches: new Map(),
  matchRequest: null,
  refused: null,
};

/** A change to the list itself: undoable, and it makes an earlier refusal stale. */
function change(state: ScreenState, doc: ImportState): ScreenState {
  if (!state.doc || doc === state.doc) return state;
  return { ...state, doc, history: [...state.history.slice(-(HISTORY_LIMIT - 1)), state.doc], refused: null };
}

/** Whether a reply to `requestId` may replace the matches shown: only the latest request's may. */
export function isLatestMatchReply(state: ScreenState, requestId: number): boolean {
  return state.matchRequest === requestId;
}

export function importReducer(state: ScreenState, action: ScreenAction): ScreenState {
  const doc = state.doc;
  switch (action.type) {
    case 'loaded':
      return { ...initialScreen, doc: action.doc, generation: state.generation + 1 };
    case 'headerRowChosen':
      return doc ? change(state, withHeaderRow(doc, action.headerRow)) : state;
    case 'columnMapped':
      return doc ? change(state, mapColumn(doc, action.column, action.field)) : state;
    case 'cellEdited':
      return doc ? change(state, editCell(doc, action.row, action.column, action.value)) : state;
    case 'assisted':
      return doc
        ? change(state, assist(doc, state.selected.size > 0 ? state.selected : null, action.action))
        : state;
    case 'selectedRemoved':
      if (!doc || state.selected.size === 0) return state;
      return { ...change(state, removeRows(doc, state.selected)), selected: new Set() };
    case 'undone': {
      const previous = state.history[state.history.length - 1];
      if (!previous) return state;
      return { ...state, doc: previous, history: state.history.slice(0, -1), refused: null };
    }
    case 'rowToggled': {
      const selected = new Set(state.selected);
      if (!selected.delete(action.row)) selected.add(action.row);
      return { ...state, selected };
    }
    case 'allSelected':
      return { ...state, selected: new Set(action.rows) };
    case 'selectionCleared':
      return state.selected.size === 0 ? state : { ...state, selected: new Set() };
    case 'choiceMade':
      return { ...state, choices: new Map(state.choices).set(action.row, action.choice) };
    case 'matchRequested':
      return { ...state, matchRequest: action.requestId };
    case 'matchReplied': {
      if (!isLatestMatchReply(state, action.requestId)) return state;
      const matches = new Map<number, Match[]>();
      action.rows.forEach((row, i) => matches.set(row, action.matches[i] ?? []));
      return { ...state, matches };
    }
    case 'commitRefused':
      return { ...state, refused: action.refused };
  }
}

/** What a row will do on commit: the clerk's pick, else a link to the best match, else a new record. */
export function resolveChoice(
  chosen: Choice | undefined,
  matches: readonly Match[],
  forTour: boolean,
): Choice {
  if (chosen) return chosen;
  const match = matches[0];
  if (match) return { action: 'link', clientId: match.clientId };
  return { action: forTour ? 'touristOnly' : 'create', clientId: null };
}

export function choiceOf(state: ScreenState, key: number, forTour: boolean): Choice {
  return resolveChoice(state.choices.get(key), state.matches.get(key) ?? [], forTour);
}

/** The counts the footer shows and the commit checks. */
export function issueCounts(rows: readonly PreviewRow[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const row of rows)
    for (const issue of row.issues) {
      if (issue.severity === 'error') errors++;
      else warnings++;
    }
  return { errors, warnings };
}
