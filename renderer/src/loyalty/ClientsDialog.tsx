import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyClientRow, LoyaltyFilter, LoyaltyParams } from '../../../shared/loyalty';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { downloadBase64 } from '../ui/files';
import { useToast } from '../ui/toasts';
import { isoToLocal, money } from './format';

interface ClientsDialogProps {
  params: LoyaltyParams;
  filter: LoyaltyFilter;
  title: string;
  countries: string[];
  onClose: () => void;
}

/** The clients behind a figure, narrowed by destination and month, exported for a mailing. */
export function ClientsDialog({ params, filter: initial, title, countries, onClose }: ClientsDialogProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [filter, setFilter] = useState(initial);
  const [result, setResult] = useState<{ rows: LoyaltyClientRow[]; total: number } | null>(null);
  const fail = (e: unknown) => toast({ kind: 'error', message: describeError(t, e) });

  useEffect(() => {
    let live = true;
    call('loyalty.clients', { params, filter, limit: 500 }).then((r) => live && setResult(r), fail);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, filter]);

  const headers = [
    t('loyalty.clients.name'),
    t('loyalty.clients.phone'),
    t('loyalty.clients.email'),
    t('loyalty.clients.trips'),
    t('loyalty.clients.revenue'),
    t('loyalty.clients.margin'),
    t('loyalty.clients.lastTrip'),
  ];
  const exportAs = (format: 'xlsx' | 'csv') =>
    call('loyalty.exportSegment', { params, filter, format, headers }).then(
      ({ fileName, base64, exported, withoutConsent }) => {
        downloadBase64(fileName, base64);
        toast({
          kind: 'info',
          message: t('loyalty.clients.exported', { exported, skipped: withoutConsent }),
        });
      },
      fail,
    );

  return (
    <Dialog
      title={t('loyalty.clients.title', { filter: title })}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={() => void exportAs('xlsx')}>
            {t('loyalty.clients.exportXlsx')}
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            {t('loyalty.clients.exportCsv')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('loyalty.clients.close')}
          </button>
        </>
      }
    >
      <div className="toolbar">
        <select
          aria-label={t('loyalty.clients.country')}
          value={filter.country}
          onChange={(e) => setFilter((f) => ({ ...f, country: e.target.value }))}
        >
          <option value="">{t('loyalty.clients.anyCountry')}</option>
          {countries.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select
          aria-label={t('loyalty.clients.month')}
          value={filter.month ?? ''}
          onChange={(e) =>
            setFilter((f) => ({ ...f, month: e.target.value === '' ? null : Number(e.target.value) }))
          }
        >
          <option value="">{t('loyalty.clients.anyMonth')}</option>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i + 1} value={i + 1}>
              {new Date(2000, i, 1).toLocaleString(i18n.language, { month: 'long' })}
            </option>
          ))}
        </select>
        {result && (
          <span className="muted">
            {t('loyalty.clients.shown', { shown: result.rows.length, total: result.total })}
          </span>
        )}
      </div>
      <div className="table-scroll loyalty-clients-scroll">
        <table className="table" data-testid="loyalty-clients">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
              <th>{t('loyalty.clients.stage')}</th>
              <th>{t('loyalty.clients.segment')}</th>
              <th>{t('loyalty.clients.class')}</th>
            </tr>
          </thead>
          <tbody>
            {result?.rows.map((r) => (
              <tr key={r.clientId}>
                <td>{r.name}</td>
                <td>{r.phone}</td>
                <td>{r.email}</td>
                <td className="num">{r.trips}</td>
                <td className="num">{money(r.revenueMinor, i18n.language)}</td>
                <td className="num">{money(r.marginMinor, i18n.language)}</td>
                <td>{r.lastTrip ? isoToLocal(r.lastTrip) : ''}</td>
                <td>{r.stage ? t(`loyalty.ladder.stages.${r.stage}`) : ''}</td>
                <td>{r.segment ? t(`loyalty.segments.names.${r.segment}`) : ''}</td>
                <td>{r.abc && r.xyz ? `${r.abc}${r.xyz}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
