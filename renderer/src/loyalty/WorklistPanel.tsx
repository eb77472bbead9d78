import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistItem } from '../../../shared/loyalty';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { ContactDialog, type ContactAction } from './ContactDialog';
import { isoToLocal } from './format';

/** Whom to call today or this week, why, and what to offer; each item is done, postponed or dismissed. */
export function WorklistPanel() {
  const { t } = useTranslation();
  const toast = useToast();
  const [horizon, setHorizon] = useState<'today' | 'week'>('week');
  const [dormantMonths, setDormantMonths] = useState(12);
  const [items, setItems] = useState<WorklistItem[] | null>(null);
  const [acting, setActing] = useState<{ item: WorklistItem; action: ContactAction } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    call('worklist.list', { horizon, dormantMonths }).then(
      (list) => live && setItems(list),
      (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [horizon, dormantMonths, version]);

  const reasonText = (item: WorklistItem) => {
    const params: Record<string, string | number> = { ...item.params, date: isoToLocal(item.date) };
    for (const key of ['start', 'season'] as const) {
      const value = params[key];
      if (typeof value === 'string') params[key] = isoToLocal(value);
    }
    return t(`loyalty.worklist.reasons.${item.reason}`, params);
  };

  return (
    <div className="loyalty-worklist">
      <div className="toolbar">
        <label className="loyalty-param">
          <span>{t('loyalty.worklist.horizon')}</span>
          <select value={horizon} onChange={(e) => setHorizon(e.target.value === 'today' ? 'today' : 'week')}>
            <option value="today">{t('loyalty.worklist.horizons.today')}</option>
            <option value="week">{t('loyalty.worklist.horizons.week')}</option>
          </select>
        </label>
        <label className="loyalty-param">
          <span>{t('loyalty.worklist.dormantMonths')}</span>
          <input
            size={3}
            inputMode="numeric"
            value={dormantMonths}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 120) setDormantMonths(n);
            }}
          />
        </label>
      </div>
      {items === null ? (
        <p className="muted">{t('loyalty.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('loyalty.worklist.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="worklist">
            <thead>
              <tr>
                <th>{t('loyalty.worklist.client')}</th>
                <th>{t('loyalty.clients.phone')}</th>
                <th>{t('loyalty.worklist.reason')}</th>
                <th>{t('loyalty.worklist.action')}</th>
                <th>
                  <span className="visually-hidden">{t('layout.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.key} data-reason={item.reason}>
                  <td>{item.name}</td>
                  <td>{item.phone}</td>
                  <td>{reasonText(item)}</td>
                  <td className="muted">{t(`loyalty.worklist.suggestions.${item.reason}`)}</td>
                  <td className="row-actions">
                    {(['done', 'postponed', 'dismissed'] as const).map((action) => (
                      <button key={action} type="button" onClick={() => setActing({ item, action })}>
                        {t(
                          `loyalty.worklist.${action === 'done' ? 'done' : action === 'postponed' ? 'postpone' : 'dismiss'}`,
                        )}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {acting && (
        <ContactDialog
          item={acting.item}
          action={acting.action}
          onClose={() => setActing(null)}
          onSaved={() => {
            toast({ kind: 'info', message: t('loyalty.worklist.saved', { name: acting.item.name }) });
            setActing(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}
