import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tour, Tourist } from '../../../shared/domain/tour';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { FeedbackDialog } from './FeedbackDialog';
import './loyalty.css';

const nameOf = (x: Tourist) =>
  [x.lastNameRu, x.firstNameRu].filter(Boolean).join(' ') ||
  [x.lastNameLat, x.firstNameLat].filter(Boolean).join(' ');

/** On a tour's tourists: who paid for the tour, and the selected tourist's feedback (F2). */
export function TourLoyaltyActions({ tour, current }: { tour: Tour; current: Tourist | undefined }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [payer, setPayer] = useState<number | null>(null);
  const [feedbackFor, setFeedbackFor] = useState<Tourist | null>(null);
  const box = useRef<HTMLSpanElement>(null);
  const fail = (e: unknown) => toast({ kind: 'error', message: describeError(t, e) });
  const linked = tour.tourists.filter((x) => x.clientId !== null);

  useEffect(() => {
    call('tours.getPayer', { tourId: tour.id }).then((r) => setPayer(r.payerClientId), fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tour.id]);

  const open = () => {
    if (!current) return;
    if (current.clientId === null) toast({ kind: 'error', message: t('loyalty.feedback.notClient') });
    else setFeedbackFor(current);
  };
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only while this tour's tourists are on screen and no dialog is open.
      if (e.key !== 'F2' || !box.current?.offsetParent || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      openRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const changePayer = (value: string) => {
    const clientId = value === '' ? null : Number(value);
    call('tours.setPayer', { tourId: tour.id, clientId }).then((r) => {
      setPayer(r.payerClientId);
      toast({ kind: 'info', message: t('loyalty.feedback.payerSaved') });
    }, fail);
  };

  return (
    <span ref={box} className="tour-loyalty-actions">
      <label className="loyalty-param">
        <span>{t('loyalty.feedback.payer')}</span>
        <select value={payer ?? ''} onChange={(e) => changePayer(e.target.value)}>
          <option value="">{t('loyalty.feedback.noPayer')}</option>
          {payer !== null && !linked.some((x) => x.clientId === payer) && (
            <option value={payer}>#{payer}</option>
          )}
          {linked.map((x) => (
            <option key={x.id} value={x.clientId ?? ''}>
              {nameOf(x)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={open} disabled={!current} title={t('loyalty.feedback.buttonTitle')}>
        {t('loyalty.feedback.button')}
      </button>
      {feedbackFor && feedbackFor.clientId !== null && (
        <FeedbackDialog
          clientId={feedbackFor.clientId}
          tourId={tour.id}
          name={nameOf(feedbackFor)}
          onClose={() => setFeedbackFor(null)}
          onSaved={() => {
            toast({ kind: 'info', message: t('loyalty.feedback.saved', { name: nameOf(feedbackFor) }) });
            setFeedbackFor(null);
          }}
        />
      )}
    </span>
  );
}
