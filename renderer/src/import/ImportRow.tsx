import type { TFunction } from 'i18next';
import { memo, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/domain/dates';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import {
  INFO_FIELDS,
  type ImportIssue,
  type PreviewRow,
  type TargetField,
  type TouristDraft,
} from '../../../shared/import';
import { ChoiceCell } from './ChoiceCell';
import { resolveChoice, type Choice, type Match, type ScreenAction } from './import-reducer';

/** One line of what a row becomes, for the grid's "result" column and the row panel. */
export function draftSummary(d: TouristDraft): string {
  const ru = [d.lastNameRu, d.firstNameRu, d.middleNameRu].filter(Boolean).join(' ');
  const lat = [d.lastNameLat, d.firstNameLat].filter(Boolean).join(' ');
  return [
    ru,
    lat,
    d.gender,
    formatDate(d.birthDate),
    d.passportNumber,
    d.passportExpiry ? `→ ${formatDate(d.passportExpiry)}` : '',
    d.paxType && d.paxType !== 'ADT' ? d.paxType : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The issue a source cell is marked with: one about a field read from this very cell, else (for a
 * field no cell gave, such as a missing surname) one about the field the column is mapped to.
 */
function issueFor(
  row: PreviewRow,
  column: number,
  field: TargetField | null | undefined,
): ImportIssue | undefined {
  const own = row.issues.find((i) => row.origin[i.field] === column);
  if (own || !field) return own;
  return row.issues.find(
    (i) =>
      row.origin[i.field] === undefined &&
      (i.field === field ||
        (field.startsWith('fullName') && /Name/.test(i.field)) ||
        (field === 'passportSeries' && i.field === 'passportNumber')),
  );
}

/** A row's problems in the UI language: the commit's refusal first, then the preview's issues. */
export function rowProblems(
  row: PreviewRow,
  refused: ValidationIssue | null,
  t: TFunction,
): { text: string; error: boolean; refused: boolean }[] {
  return [
    ...(refused
      ? [{ text: t(`validation.${refused.code}`, refused.params ?? {}), error: true, refused: true }]
      : []),
    ...row.issues.map((i) => ({
      text: t(`import.issues.${i.code}`, i.params),
      error: i.severity === 'error',
      refused: false,
    })),
  ];
}

export interface ImportRowProps {
  row: PreviewRow;
  /** The row's place in the grid (0-based): its test id and labels. */
  position: number;
  top: number;
  template: string;
  width: number;
  /** Left offsets of the pinned columns (checkbox, №, action, problems). */
  pinnedLeft: readonly number[];
  onShowDetails: (rowKey: number) => void;
  mapping: readonly (TargetField | null)[];
  titles: readonly string[];
  selected: boolean;
  chosen: Choice | undefined;
  matches: readonly Match[];
  forTour: boolean;
  /** The problem a refused commit named in this row. */
  refused: ValidationIssue | null;
  editingColumn: number | null;
  onEdit: (cell: { row: number; column: number } | null) => void;
  dispatch: Dispatch<ScreenAction>;
}

export const ImportRow = memo(function ImportRow(props: ImportRowProps) {
  const { row, position, mapping, titles, refused, editingColumn, onEdit, dispatch } = props;
  const { t } = useTranslation();
  const hasError = refused !== null || row.issues.some((i) => i.severity === 'error');
  const problems = rowProblems(row, refused, t);
  const save = (column: number, value: string) => {
    dispatch({ type: 'cellEdited', row: row.sourceIndex, column, value });
    onEdit(null);
  };
  return (
    <div
      role="row"
      data-testid={`import-row-${position}`}
      onClick={() => props.onShowDetails(row.key)}
      className={`import-row${hasError ? ' row-error' : ''}${props.selected ? ' selected' : ''}`}
      style={{
        transform: `translateY(${props.top}px)`,
        gridTemplateColumns: props.template,
        width: props.width,
      }}
    >
      <div className="import-pinned" style={{ left: props.pinnedLeft[0] }}>
        <input
          type="checkbox"
          aria-label={`${position + 1}`}
          checked={props.selected}
          onChange={() => dispatch({ type: 'rowToggled', row: row.key })}
        />
      </div>
      <div className="muted import-pinned" style={{ left: props.pinnedLeft[1] }} data-testid="row-number">
        {row.label}
      </div>
      <div className="import-pinned" style={{ left: props.pinnedLeft[2] }}>
        <ChoiceCell
          position={position + 1}
          choice={resolveChoice(props.chosen, props.matches, props.forTour)}
          matches={props.matches}
          forTour={props.forTour}
          onChoose={(choice) => dispatch({ type: 'choiceMade', row: row.key, choice })}
        />
      </div>
      <div
        className="import-status import-pinned"
        style={{ left: props.pinnedLeft[3] }}
        title={problems.map((p) => p.text).join('\n')}
        data-testid="row-problems"
      >
        {problems.length > 0 && <span className="problem-count">⚠{problems.length} </span>}
        {problems.map((p, k) => (
          <span
            key={k}
            className={p.error ? 'error-text' : 'hint-warning'}
            data-testid={p.refused ? 'refused' : undefined}
          >
            {p.text}{' '}
          </span>
        ))}
      </div>
      {row.source.map((cell, c) => {
        const problem = issueFor(row, c, mapping[c]);
        return (
          <div
            key={c}
            role="gridcell"
            className={`import-cell${problem ? ` cell-${problem.severity}` : ''}`}
            title={problem ? t(`import.issues.${problem.code}`, problem.params) : cell}
            onDoubleClick={() => onEdit({ row: row.key, column: c })}
          >
            {editingColumn === c ? (
              <input
                autoFocus
                defaultValue={cell}
                aria-label={titles[c]}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') save(c, e.currentTarget.value);
                  else if (e.key === 'Escape') {
                    e.stopPropagation();
                    onEdit(null);
                  }
                }}
                onBlur={(e) => {
                  if (e.currentTarget.value !== cell) save(c, e.currentTarget.value);
                  else onEdit(null);
                }}
              />
            ) : (
              cell
            )}
          </div>
        );
      })}
      <div className="import-result">
        {draftSummary(row.draft)}
        {INFO_FIELDS.filter((f) => row.info[f]).map((f) => (
          <span key={f} className="muted" title={t('import.notStoredHint')}>
            {' · '}
            {t(`import.fields.${f}`)}: {row.info[f]} ({t('import.notStored')})
          </span>
        ))}
      </div>
    </div>
  );
});
