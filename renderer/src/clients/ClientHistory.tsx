import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { formatDate } from '../../../shared/domain/dates';
import { formatMoney } from '../../../shared/domain/money';
import { isLanguage, LOCALES } from '../../../shared/i18n/languages';
import { call } from '../api/client';
import { describeError } from '../ui/errors';

/** The client's trips (dates, destination, amount) and the people who travelled with them. */
export function ClientHistory({ clientId }: { clientId: number }) {
  const { t, i18n } = useTranslation();
  const [history, setHistory] = useState<CommandOutput<'clients.history'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('clients.history', { id: clientId }).then(setHistory, (e: unknown) => setError(describeError(t, e)));
  }, [clientId, t]);
  const locale = LOCALES[isLanguage(i18n.language) ? i18n.language : 'ru'];
  return (
    <section aria-label={t('history.title')} data-testid="client-history">
      <h3>{t('history.title')}</h3>
      {error && <p className="error-text">{error}</p>}
      {history && history.tours.length === 0 && <p className="muted">{t('history.none')}</p>}
      {history && history.tours.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('tours.columns.voucher')}</th>
              <th>{t('tours.columns.arrival')}</th>
              <th>{t('tours.columns.departure')}</th>
              <th>{t('tours.columns.country')}</th>
              <th>{t('tours.columns.hotel')}</th>
              <th>{t('tours.columns.price')}</th>
              <th>{t('tours.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {history.tours.map((tour) => (
              <tr key={tour.tourId}>
                <td className="mono">{tour.voucher}</td>
                <td>{formatDate(tour.arrivalDate)}</td>
                <td>{formatDate(tour.departureDate)}</td>
                <td>{[tour.country, tour.resort].filter(Boolean).join(', ')}</td>
                <td>{tour.hotel}</td>
                <td className="num">
                  {formatMoney(tour.priceMinor, locale)} {tour.currency}
                </td>
                <td>{t(`tours.statuses.${tour.status}`, { defaultValue: tour.status })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history && history.companions.length > 0 && (
        <p>
          <span className="muted">{t('history.companions')}: </span>
          {history.companions.map((c) => (
            <span key={`${c.clientId ?? ''}${c.name}`} className="tag">
              {c.name} · {t('history.times', { count: c.tours })}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
