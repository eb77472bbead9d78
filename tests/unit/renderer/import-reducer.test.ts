import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/envelope';
import { gridColumns } from '../../../renderer/src/import/grid-layout';
import { fileProblem, refusedRow } from '../../../renderer/src/import/import-errors';
import {
  choiceOf,
  importReducer,
  initialScreen,
  type Match,
  type ScreenAction,
  type ScreenState,
} from '../../../renderer/src/import/import-reducer';
import { initialState, manualMappings, preview } from '../../../renderer/src/import/import-state';

const LATIN = [
  ['Фамилия лат', 'Имя лат', 'Дата рождения'],
  ['IVANOVA', 'MARIA', '14.05.1980'],
  ['PETROV', 'PAVEL', '01.02.1983'],
  ['SIDOROV', 'OLEG', '31.02.2016'],
];

const run = (state: ScreenState, ...actions: ScreenAction[]) => actions.reduce(importReducer, state);
const loaded = (grid: string[][] = LATIN) => run(initialScreen, { type: 'loaded', doc: initialState(grid) });
const rowsOf = (state: ScreenState) => preview(state.doc!).rows;
const mappingOf = (state: ScreenState) => preview(state.doc!).mapping;

const match = (clientId: number, name: string): Match => ({
  clientId,
  name,
  birthDate: null,
  passport: '',
  reason: 'birthDate',
  newerPassport: false,
});

describe('import screen reducer: the list and its undo', () => {
  it('undoes edits, mappings, assists and removals one step at a time, back to the list as read', () => {
    const start = loaded();
    const edited = run(
      start,
      { type: 'cellEdited', row: 3, column: 2, value: '28.02.2016' },
      { type: 'columnMapped', column: 1, field: null },
      { type: 'assisted', action: 'latToRu' },
      { type: 'rowToggled', row: 1 },
      { type: 'selectedRemoved' },
    );
    expect(rowsOf(edited).map((r) => r.sourceIndex)).toEqual([2, 3]);
    expect(rowsOf(edited)[1]!.draft).toMatchObject({ lastNameRu: 'Сидоров', birthDate: '2016-02-28' });
    expect(rowsOf(edited)[1]!.draft.firstNameLat).toBeUndefined();
    expect(edited.selected.size).toBe(0);
    expect(edited.history).toHaveLength(4);

    const steps = [edited];
    for (let i = 0; i < 4; i++) steps.push(importReducer(steps[steps.length - 1]!, { type: 'undone' }));
    expect(rowsOf(steps[1]!).map((r) => r.sourceIndex)).toEqual([1, 2, 3]);
    expect(rowsOf(steps[2]!)[0]!.draft.lastNameRu).toBeUndefined();
    expect(rowsOf(steps[3]!)[0]!.draft.firstNameLat).toBe('MARIA');
    expect(rowsOf(steps[4]!)[2]!.issues.map((i) => i.code)).toContain('dateInvalid');
    expect(steps[4]!.doc).toBe(start.doc);
    expect(steps[4]!.history).toHaveLength(0);
    expect(importReducer(steps[4]!, { type: 'undone' })).toBe(steps[4]);
  });

  it('keeps the latest 50 steps of undo', () => {
    let state = loaded();
    for (let i = 0; i < 60; i++)
      state = run(state, { type: 'cellEdited', row: 1, column: 0, value: `X${i}` });
    expect(state.history).toHaveLength(50);
    for (let i = 0; i < 50; i++) state = run(state, { type: 'undone' });
    expect(state.doc!.grid[1]![0]).toBe('X9');
  });

  it('takes no undo step for an edit that changes nothing', () => {
    const state = run(loaded(), { type: 'cellEdited', row: 1, column: 0, value: 'IVANOVA' });
    expect(state.history).toHaveLength(0);
  });

  it('runs an assist on the selected rows only, or on every row when none is selected', () => {
    const some = run(loaded(), { type: 'rowToggled', row: 2 }, { type: 'assisted', action: 'latToRu' });
    expect(rowsOf(some).map((r) => Boolean(r.draft.lastNameRu))).toEqual([false, true, false]);
    const all = run(loaded(), { type: 'assisted', action: 'latToRu' });
    expect(rowsOf(all).map((r) => Boolean(r.draft.lastNameRu))).toEqual([true, true, true]);
  });

  it('selects, toggles and clears rows by source row', () => {
    let state = run(loaded(), { type: 'allSelected', rows: [1, 2, 3] }, { type: 'rowToggled', row: 2 });
    expect([...state.selected]).toEqual([1, 3]);
    state = run(state, { type: 'selectionCleared' });
    expect(state.selected.size).toBe(0);
  });

  it('starts afresh on a new list: no undo, selection, choices or matches of the previous one', () => {
    const busy = run(
      loaded(),
      { type: 'rowToggled', row: 1 },
      { type: 'cellEdited', row: 1, column: 0, value: 'X' },
      { type: 'choiceMade', row: 1, choice: { action: 'create', clientId: null } },
      { type: 'matchRequested', requestId: 1 },
      { type: 'matchReplied', requestId: 1, rows: [1], matches: [[match(5, 'Иванова')]] },
    );
    const again = run(busy, { type: 'loaded', doc: initialState(LATIN) });
    expect(again.history).toEqual([]);
    expect(again.selected.size).toBe(0);
    expect(again.choices.size).toBe(0);
    expect(again.matches.size).toBe(0);
    expect(again.generation).toBe(busy.generation + 1);
  });
});

describe('import screen reducer: column mappings', () => {
  it('lists only the mappings the clerk made by hand, in the order made', () => {
    const auto = loaded();
    expect(mappingOf(auto)).toEqual(['lastNameLat', 'firstNameLat', 'birthDate']);
    expect(manualMappings(auto.doc!)).toEqual([]);
    const hand = run(
      auto,
      { type: 'columnMapped', column: 2, field: null },
      { type: 'columnMapped', column: 0, field: 'fullNameLat' },
    );
    expect(mappingOf(hand)).toEqual(['fullNameLat', 'firstNameLat', null]);
    expect(manualMappings(hand.doc!)).toEqual([
      { column: 2, field: null },
      { column: 0, field: 'fullNameLat' },
    ]);
  });

  it('gives a field to the column that took it last, and back when that column is mapped elsewhere', () => {
    const state = run(loaded(), { type: 'columnMapped', column: 1, field: 'lastNameLat' });
    expect(mappingOf(state)).toEqual([null, 'lastNameLat', 'birthDate']);
    expect(preview(state.doc!).confidence).toEqual([0, 1, 0.95]);
    const moved = run(state, { type: 'columnMapped', column: 0, field: 'lastNameLat' });
    expect(mappingOf(moved)).toEqual(['lastNameLat', null, 'birthDate']);
    // Mapped again, a column takes the field back from the column that took it in between.
    const back = run(moved, { type: 'columnMapped', column: 1, field: 'lastNameLat' });
    expect(mappingOf(back)).toEqual([null, 'lastNameLat', 'birthDate']);
    const away = run(state, { type: 'columnMapped', column: 1, field: 'firstNameLat' });
    expect(mappingOf(away)).toEqual(['lastNameLat', 'firstNameLat', 'birthDate']);
  });

  it('applies remembered hand mappings over detection, and forgets them with another header row', () => {
    const doc = initialState(LATIN, [{ column: 1, field: 'middleNameRu' }]);
    const state = run(initialScreen, { type: 'loaded', doc });
    expect(mappingOf(state)).toEqual(['lastNameLat', 'middleNameRu', 'birthDate']);
    const noHeader = run(state, { type: 'headerRowChosen', headerRow: null });
    expect(manualMappings(noHeader.doc!)).toEqual([]);
    expect(rowsOf(noHeader)).toHaveLength(4);
  });
});

describe('import screen reducer: matches and choices', () => {
  it('lets only the reply to the latest match request replace the matches shown', () => {
    const asked = run(
      loaded(),
      { type: 'matchRequested', requestId: 1 },
      { type: 'matchRequested', requestId: 2 },
    );
    const newer = run(asked, {
      type: 'matchReplied',
      requestId: 2,
      rows: [1, 2, 3],
      matches: [[match(7, 'Иванова Мария')], [], []],
    });
    expect(newer.matches.get(1)?.[0]?.clientId).toBe(7);
    const older: Extract<ScreenAction, { type: 'matchReplied' }> = {
      type: 'matchReplied',
      requestId: 1,
      rows: [1],
      matches: [[match(9, 'Другая')]],
    };
    expect(run(newer, older)).toBe(newer);
    // The older reply is dropped also when it arrives before the newer one.
    expect(run(asked, older).matches.size).toBe(0);
    // And a reply to a request made for the previous list.
    expect(
      run(asked, { type: 'loaded', doc: initialState(LATIN) }, { ...older, requestId: 2 }).matches.size,
    ).toBe(0);
  });

  it('links a row to its best match unless the clerk chose otherwise', () => {
    const state = run(
      loaded(),
      { type: 'matchRequested', requestId: 1 },
      { type: 'matchReplied', requestId: 1, rows: [1, 2, 3], matches: [[match(7, 'Иванова')], [], []] },
      { type: 'choiceMade', row: 3, choice: { action: 'create', clientId: null } },
    );
    expect(choiceOf(state, 1, false)).toEqual({ action: 'link', clientId: 7 });
    expect(choiceOf(state, 2, false)).toEqual({ action: 'create', clientId: null });
    expect(choiceOf(state, 2, true)).toEqual({ action: 'touristOnly', clientId: null });
    expect(choiceOf(state, 3, true)).toEqual({ action: 'create', clientId: null });
  });
});

describe('import screen: refused commits and file errors', () => {
  const refusal = (issue: ApiError['issues']): ApiError => ({
    code: 'VALIDATION',
    message: 'row',
    issues: issue,
  });

  it('names a refused row by the source row number the grid shows', () => {
    // Rows 1 and 3 were removed: the commit sent source rows 2, 4 and 5.
    const committed = [1, 3, 4];
    const byRow = refusal([{ path: '1.passportNumber', code: 'ruForeignPassport', params: { row: 5 } }]);
    expect(refusedRow(byRow, committed)?.sourceIndex).toBe(4);
    const byPosition = refusal([{ path: '2.birthDate', code: 'dateInFuture' }]);
    expect(refusedRow(byPosition, committed)).toEqual({
      sourceIndex: 4,
      issue: { path: '2.birthDate', code: 'dateInFuture' },
    });
    expect(refusedRow({ code: 'NOT_FOUND', message: 'tour' }, committed)).toBeNull();
    // A character the input check refuses is named by the command's own path.
    const forbidden = {
      code: 'VALIDATION' as const,
      message: 'x',
      issues: [
        { path: 'rows.1.draft.lastNameRu', code: 'textForbiddenChar' as const, params: { char: 'U+202E' } },
      ],
    };
    expect(refusedRow(forbidden, committed)?.sourceIndex).toBe(committed[1]);
  });

  it('marks the refused row until the list changes', () => {
    const issue = { path: '0.birthDate', code: 'dateInFuture' as const };
    const refused = run(loaded(), { type: 'commitRefused', refused: { sourceIndex: 2, issue } });
    expect(refused.refused).toEqual({ sourceIndex: 2, issue });
    expect(run(refused, { type: 'cellEdited', row: 2, column: 2, value: '01.01.1990' }).refused).toBeNull();
  });

  it('words an unreadable file by the reason code, never by the message text', () => {
    const refused = (reason?: string): ApiError =>
      ({ code: 'BAD_INPUT', message: 'broken', ...(reason ? { reason } : {}) }) as ApiError;
    expect(fileProblem(refused('fileBroken'))).toEqual({ key: 'import.errorsFile.broken', params: {} });
    expect(fileProblem(refused('fileFormat'))).toEqual({ key: 'import.errorsFile.format', params: {} });
    expect(fileProblem(refused('fileTooComplex'))).toEqual({
      key: 'errors.reasons.fileTooComplex',
      params: {},
    });
    expect(fileProblem(refused())).toBeNull();
    expect(fileProblem({ code: 'VALIDATION', message: 'broken' })).toBeNull();
  });
});

describe('import grid layout', () => {
  it('makes a row exactly as wide as its columns, gaps and padding, and pins the first four at their places', () => {
    // 28 + 36 + 150 + 120 + 2 × 140 + 300 = 914, 6 gaps of 4 px, 4 px padding each side.
    expect(gridColumns([28, 36, 150, 120, 140, 140, 300])).toEqual({
      template: '28px 36px 150px 120px 140px 140px 300px',
      width: 914 + 24 + 8,
      pinnedLeft: [4, 36, 76, 230],
    });
    expect(gridColumns([]).width).toBe(8);
  });
});

describe('import screen: two people read from one source row', () => {
  const MANIFEST = [
    ['NAME', 'DOB', 'DOCS'],
    ['IVANOVA/MARIA MRS(INF/ANNA/12JAN25)', '12MAR85', '751234567'],
    ['PETROV/ILYA MSTR', '05JUL16', '761112233'],
  ];
  const infant = 1 + 1 / 16;

  it('selects, assists, chooses and removes the infant apart from its mother', () => {
    const state = run(
      loaded(MANIFEST),
      { type: 'rowToggled', row: infant },
      { type: 'assisted', action: 'latToRu' },
      { type: 'choiceMade', row: infant, choice: { action: 'create', clientId: null } },
    );
    expect(rowsOf(state).map((r) => [r.label, r.draft.lastNameRu ?? null])).toEqual([
      ['2', null],
      ['2a', 'Иванова'],
      ['3', null],
    ]);
    expect(choiceOf(state, infant, true)).toEqual({ action: 'create', clientId: null });
    expect(choiceOf(state, 1, true)).toEqual({ action: 'touristOnly', clientId: null });
    const removed = run(state, { type: 'selectedRemoved' });
    expect(rowsOf(removed).map((r) => r.label)).toEqual(['2', '3']);
  });

  it('names the infant as the refused row when the commit refuses it, by its position', () => {
    // Both rows carry source row 2; the position among the committed rows tells them apart.
    const committed = [1, infant, 2];
    const refused = refusedRow(
      {
        code: 'VALIDATION',
        message: 'row 2',
        issues: [{ path: '1.birthDate', code: 'dateInFuture', params: { row: 2 } }],
      },
      committed,
    );
    expect(refused?.sourceIndex).toBe(infant);
  });
});
