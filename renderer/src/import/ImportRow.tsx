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

/** One line of what a row becomes, for the grid's "result" column. */
function draftSummary(d: TouristDraft): string {
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

export interface ImportRowProps {
  row: PreviewRow;
  /** The row's place in the grid (0-based): its test id and labels. */
  position: number;
  top: number;
  template: string;
  width: number;
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
  const save = (column: number, value: string) => {
    dispatch({ type: 'cellEdited', row: row.sourceIndex, column, value });
    onEdit(null);
  };
  return (
    <div
      role="row"
      data-testid={`import-row-${position}`}
      className={`import-row${hasError ? ' row-error' : ''}${props.selected ? ' selected' : ''}`}
      style={{
        transform: `translateY(${props.top}px)`,
        gridTemplateColumns: props.template,
        width: props.width,
      }}
    >
      <input
        type="checkbox"
        aria-label={`${position + 1}`}
        checked={props.selected}
        onChange={() => dispatch({ type: 'rowToggled', row: row.key })}
      />
      <div className="muted" data-testid="row-number">
        {row.label}
      </div>
      <ChoiceCell
        position={position + 1}
        choice={resolveChoice(props.chosen, props.matches, props.forTour)}
        matches={props.matches}
        forTour={props.forTour}
        onChoose={(choice) => dispatch({ type: 'choiceMade', row: row.key, choice })}
      />
      <div className="import-status">
        {refused && (
          <span className="error-text" data-testid="refused">
            {t(`validation.${refused.code}`, refused.params ?? {})}{' '}
          </span>
        )}
        {row.issues.map((i, k) => (
          <span key={k} className={i.severity === 'error' ? 'error-text' : 'hint-warning'}>
            {t(`import.issues.${i.code}`, i.params)}{' '}
          </span>
        ))}
      </div>
      <div className="import-result">
        {draftSummary(row.draft)}
        {INFO_FIELDS.filter((f) => row.info[f]).map((f) => (
          <span key={f} className="muted" title={t('import.notStoredHint')}>
            {' · '}
            {t(`import.fields.${f}`)}: {row.info[f]} ({t('import.notStored')})
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
    </div>
  );
});
