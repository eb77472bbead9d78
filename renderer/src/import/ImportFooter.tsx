import { useTranslation } from 'react-i18next';
import type { Tour } from '../../../shared/domain/tour';

interface ImportFooterProps {
  tour: Tour | null;
  rowCount: number;
  errors: number;
  warnings: number;
  skipped: number;
  serviceIds: number[];
  onServices: (ids: number[]) => void;
  busy: boolean;
  onCommit: () => void;
}

/** The counts, the tour's services to bind (R9), and the button that loads every row. */
export function ImportFooter(props: ImportFooterProps) {
  const { tour, rowCount, errors, serviceIds, onServices } = props;
  const { t } = useTranslation();
  return (
    <footer className="dialog-footer">
      <span className="muted">
        {t('import.rows', { count: rowCount })} · {t('import.errors', { count: errors })} ·{' '}
        {t('import.warnings', { count: props.warnings })} · {t('import.skipped', { count: props.skipped })}
      </span>
      <span className="spacer" />
      {tour && tour.services.length > 0 && (
        <span className="inline-field">
          {t('import.services')}
          {tour.services.map((s) => (
            <label key={s.id} className="checkbox">
              <input
                type="checkbox"
                checked={serviceIds.includes(s.id)}
                onChange={(e) =>
                  onServices(e.target.checked ? [...serviceIds, s.id] : serviceIds.filter((x) => x !== s.id))
                }
              />
              {s.description || t(`tours.services.kinds.${s.kind}`)}
            </label>
          ))}
        </span>
      )}
      <button
        type="button"
        className="primary"
        disabled={props.busy || rowCount === 0 || errors > 0}
        onClick={props.onCommit}
      >
        {t('import.commit', { count: rowCount })}
      </button>
    </footer>
  );
}
