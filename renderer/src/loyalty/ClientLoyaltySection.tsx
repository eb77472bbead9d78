import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactEntry, Referrals } from '../../../shared/loyalty';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { isoToLocal } from './format';
import './loyalty.css';

interface Found {
  id: number;
  name: string;
}

/** On the client card: who recommended the client (and whom they recommended), and the contact log. */
export function ClientLoyaltySection({ clientId }: { clientId: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [referrals, setReferrals] = useState<Referrals | null>(null);
  const [log, setLog] = useState<ContactEntry[]>([]);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const searchBox = useRef<HTMLInputElement>(null);
  const fail = (e: unknown) => toast({ kind: 'error', message: describeError(t, e) });

  useEffect(() => {
    call('referrals.get', { clientId }).then(setReferrals, fail);
    call('contactLog.list', { clientId }).then(setLog, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [clientId]);

  useEffect(() => {
    if (search.trim().length < 2) return setFound([]);
    let live = true;
    const timer = window.setTimeout(() => {
      call('clients.list', { search, limit: 8 }).then((page) => {
        if (!live) return;
        setFound(
          page.rows
            .filter((r) => r.id !== clientId)
            .map((r) => ({
              id: r.id,
              name:
                [r.lastNameRu, r.firstNameRu, r.middleNameRu].filter(Boolean).join(' ') ||
                `${r.lastNameLat} ${r.firstNameLat}`,
            })),
        );
      }, fail);
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, clientId]);

  const setReferrer = (referrerId: number | null) =>
    call('referrals.set', { clientId, referrerId }).then((r) => {
      setReferrals(r);
      setSearch('');
      // The pressed button goes with the matches: keep the focus in the card (Esc, Tab go on working).
      searchBox.current?.focus();
    }, fail);

  return (
    <section
      className="loyalty-section"
      aria-label={t('loyalty.referral.title')}
      data-testid="client-loyalty"
    >
      <h3 className="section-title">{t('loyalty.referral.title')}</h3>
      <div className="toolbar">
        <span>
          {t('loyalty.referral.recommendedBy')}:{' '}
          <strong>{referrals?.referrer?.name ?? t('loyalty.referral.none')}</strong>
        </span>
        {referrals?.referrer && (
          <button type="button" onClick={() => void setReferrer(null)}>
            {t('loyalty.referral.clear')}
          </button>
        )}
        <input
          ref={searchBox}
          className="referral-search"
          aria-label={t('loyalty.referral.search')}
          placeholder={t('loyalty.referral.search')}
          value={search}
          maxLength={100}
          onChange={(e) => setSearch(e.target.value)}
        />
        {found.map((f) => (
          <button key={f.id} type="button" onClick={() => void setReferrer(f.id)}>
            {t('loyalty.referral.choose')}: {f.name}
          </button>
        ))}
      </div>
      {referrals && referrals.referred.length > 0 && (
        <p className="muted">
          {t('loyalty.referral.referred', {
            names: referrals.referred
              .map((r) => (r.travelled ? `${r.name} (${t('loyalty.referral.travelled')})` : r.name))
              .join(', '),
          })}
        </p>
      )}
      <h3 className="section-title">{t('loyalty.contactLog.title')}</h3>
      {log.length === 0 ? (
        <p className="muted">{t('loyalty.contactLog.empty')}</p>
      ) : (
        <ul data-testid="contact-log">
          {log.map((entry) => (
            <li key={entry.id}>
              {isoToLocal(entry.at.slice(0, 10))} · {t(`loyalty.worklist.reasonNames.${entry.reason}`)} ·{' '}
              {t(`loyalty.contactLog.actions.${entry.action}`)}
              {entry.postponedUntil
                ? ` ${t('loyalty.contactLog.until', { date: isoToLocal(entry.postponedUntil) })}`
                : ''}
              {entry.note ? ` — ${entry.note}` : ''}
              {entry.clerk ? ` (${entry.clerk})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
