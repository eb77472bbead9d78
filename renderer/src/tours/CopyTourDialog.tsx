import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatDate } from '../../../shared/domain/dates';
import type { Tour, TourRow } from '../../../shared/domain/tour';
import { ApiCallError, call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';
import { TextField } from '../ui/TextField';

const MAX_SHIFT = 3660;
/** The tour's voucher limit (tourFieldsSchema: text(40)). */
const VOUCHER_MAX = 40;

/** Copy a tour: a new voucher, its dates moved by a number of days, its tourists or not. */
export function CopyTourDialog({
  row,
  onClose,
  onCopied,
}: {
  row: TourRow;
  onClose: () => void;
  onCopied: (tour: Tour) => void;
}) {
  const { t } = useTranslation();
  const [voucher, setVoucher] = useState(`${row.voucher}-2`.slice(0, 40));
  const [shiftText, setShiftText] = useState('7');
  const [withTourists, setWithTourists] = useState(true);
  const [errors, setErrors] = useState<{ voucher?: string; shift?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const shift = /^[-−]?\d{1,4}$/.test(shiftText.trim()) ? Number(shiftText.trim().replace('−', '-')) : null;
  const shiftError =
    shift === null || Math.abs(shift) > MAX_SHIFT
      ? t('toursList.copy.badShift', { max: MAX_SHIFT })
      : undefined;
  const moved = (date: string | null) =>
    date && shift !== null && !shiftError ? formatDate(addDays(date, shift)) : '—';

  const save = () => {
    if (shiftError || shift === null) return setErrors({ shift: shiftError });
    if (voucher.length > VOUCHER_MAX) return; // kept as typed, red at its field

    setBusy(true);
    call('tours.copy', { id: row.id, voucher, shiftDays: shift, withTourists }).then(
      onCopied,
      (e: unknown) => {
        setBusy(false);
        const issue =
          e instanceof ApiCallError ? e.error.issues?.find((i) => i.path === 'voucher') : undefined;
        setErrors(issue ? { voucher: t(`validation.${issue.code}`) } : { form: describeError(t, e) });
      },
    );
  };

  return (
    <Dialog
      title={t('toursList.copy.title', { voucher: row.voucher })}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('toursList.copy.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={save}>
            {t('toursList.copy.save')}
          </button>
        </>
      }
    >
      <form
        className="copy-tour"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextField
          label={t('toursList.copy.voucher')}
          error={errors.voucher}
          max={VOUCHER_MAX}
          value={voucher}
          autoFocus
          onChange={setVoucher}
        />
        <Field label={t('toursList.copy.shiftDays')} error={shiftError}>
          <input value={shiftText} inputMode="numeric" onChange={(e) => setShiftText(e.target.value)} />
        </Field>
        <p className="muted" data-testid="copy-dates">
          {t('toursList.copy.newDates', {
            arrival: moved(row.arrivalDate),
            departure: moved(row.departureDate),
          })}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={withTourists} onChange={(e) => setWithTourists(e.target.checked)} />{' '}
          {t('toursList.copy.withTourists', { count: row.touristCount })}
        </label>
        <p className="muted">{t('toursList.copy.draftNote')}</p>
        {errors.form && (
          <p className="error-text" role="alert">
            {errors.form}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
