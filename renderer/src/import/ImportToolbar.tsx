import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIST_ACTIONS, type PreviewRow } from '../../../shared/import';
import type { ScreenAction, ScreenState } from './import-reducer';
import type { Sheets } from './use-import-source';

interface ImportToolbarProps {
  screen: ScreenState;
  rows: readonly PreviewRow[];
  headerRow: number | null;
  sheets: Sheets | null;
  onSheet: (name: string) => void;
  dispatch: Dispatch<ScreenAction>;
}

/** Sheet and header row, selection, the assist buttons (on the selected rows, or all) and undo. */
export function ImportToolbar({ screen, rows, headerRow, sheets, onSheet, dispatch }: ImportToolbarProps) {
  const { t } = useTranslation();
  const grid = screen.doc?.grid ?? [];
  return (
    <div className="import-toolbar toolbar">
      {sheets && (
        <label className="inline-field">
          {t('import.sheet')}
          <select value={sheets.current} onChange={(e) => onSheet(e.target.value)}>
            {sheets.names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      )}
      <label className="inline-field">
        {t('import.headerRow')}
        <select
          value={headerRow ?? ''}
          onChange={(e) =>
            dispatch({
              type: 'headerRowChosen',
              headerRow: e.target.value === '' ? null : Number(e.target.value),
            })
          }
        >
          <option value="">{t('import.noHeader')}</option>
          {grid.slice(0, 10).map((r, i) => (
            <option key={i} value={i}>
              {i + 1}: {r.filter(Boolean).join(' | ').slice(0, 60)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => dispatch({ type: 'allSelected', rows: rows.map((r) => r.key) })}>
        {t('import.selectAll')}
      </button>
      <button type="button" onClick={() => dispatch({ type: 'selectionCleared' })}>
        {t('import.clearSelection')}
      </button>
      <button
        type="button"
        disabled={screen.selected.size === 0}
        onClick={() => dispatch({ type: 'selectedRemoved' })}
      >
        {t('import.removeRows')}
      </button>
      {ASSIST_ACTIONS.map((action) => (
        <button key={action} type="button" onClick={() => dispatch({ type: 'assisted', action })}>
          {t(`import.assist.${action}`)}
        </button>
      ))}
      <button
        type="button"
        disabled={screen.history.length === 0}
        onClick={() => dispatch({ type: 'undone' })}
      >
        {t('import.undo')}
      </button>
    </div>
  );
}
