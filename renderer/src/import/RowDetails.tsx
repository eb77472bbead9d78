import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import type { PreviewRow } from '../../../shared/import';
import { draftSummary, rowProblems } from './ImportRow';

/** The panel under the grid: every problem of the clicked row in full, and what the row becomes. */
export function RowDetails({
  row,
  position,
  refused,
}: {
  row: PreviewRow | null;
  position: number;
  refused: ValidationIssue | null;
}) {
  const { t } = useTranslation();
  if (!row) {
    return (
      <div className="import-row-details muted" data-testid="row-details">
        {t('layout.rowDetailsHint')}
      </div>
    );
  }
  const problems = rowProblems(row, refused, t);
  return (
    <div className="import-row-details" data-testid="row-details" aria-live="polite">
      <strong>{t('layout.rowDetails', { row: row.label || position + 1 })}</strong>
      {' · '}
      {draftSummary(row.draft)}
      {problems.length === 0 ? (
        <span className="muted"> · {t('layout.noProblems')}</span>
      ) : (
        <ul className="row-problems-list">
          {problems.map((p, k) => (
            <li key={k} className={p.error ? 'error-text' : 'hint-warning'}>
              {p.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
