import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/domain/client';
import { DateInput } from '../ui/DateInput';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';
import { LookupCandidates } from './LookupCandidates';
import { useLookupPages, type LookupPage } from './useLookupPages';

interface Criteria {
  firstName: string;
  passportNumber: string;
  internalPassport: string;
  birthDate: string | null;
  cardLast4: string;
}

/** R1, several namesakes: narrow them by first name, passports, birth date or card digits, and pick one. */
export function LookupDialog(props: {
  lastName: string;
  initial: LookupPage;
  onPick: (client: Client) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [criteria, setCriteria] = useState<Criteria>({
    firstName: '',
    passportNumber: '',
    internalPassport: '',
    birthDate: null,
    cardLast4: '',
  });
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((e: unknown) => setError(describeError(t, e)), [t]);
  const { result, ensureRows } = useLookupPages(
    { lastName: props.lastName, ...criteria },
    props.initial,
    onError,
  );
  // New criteria, new list: the selection goes back to its first row.
  useEffect(() => {
    setSelected(0);
    setError(null);
  }, [criteria]);

  const set = (patch: Partial<Criteria>) => setCriteria((c) => ({ ...c, ...patch }));
  const text = (field: 'firstName' | 'passportNumber' | 'internalPassport' | 'cardLast4') => (
    <Field label={t(`lookup.${field}`)} className={field === 'cardLast4' ? 'narrow' : undefined}>
      <input
        value={criteria[field]}
        maxLength={field === 'cardLast4' ? 4 : 30}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </Field>
  );
  const pick = (client: Client | undefined) => client && props.onPick(client);

  return (
    <Dialog
      title={`${t('lookup.title')}: ${props.lastName}`}
      onClose={props.onClose}
      wide
      footer={
        <>
          <span className="muted">{t('lookup.found', { count: result.total })}</span>
          <span className="spacer" />
          <button type="button" onClick={props.onClose}>
            {t('lookup.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!result.candidates[selected]}
            onClick={() => pick(result.candidates[selected])}
          >
            {t('lookup.choose')}
          </button>
        </>
      }
    >
      <p className="muted">{t('lookup.criteria')}</p>
      <div
        className="form-row"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setSelected((i) => Math.min(i + 1, result.candidates.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setSelected((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(result.candidates[selected]);
          }
        }}
      >
        {text('firstName')}
        {text('passportNumber')}
        <Field label={t('lookup.birthDate')} className="date">
          <DateInput
            value={criteria.birthDate}
            onChange={(iso) => set({ birthDate: iso })}
            placeholder={t('card.datePlaceholder')}
            pastOnly
          />
        </Field>
        {text('internalPassport')}
        {text('cardLast4')}
      </div>
      {error && <p className="error-text">{error}</p>}
      <LookupCandidates
        candidates={result.candidates}
        total={result.total}
        selected={selected}
        onSelect={setSelected}
        onPick={props.onPick}
        onNearEnd={ensureRows}
      />
      {result.total === 0 && <p className="muted">{t('lookup.none')}</p>}
    </Dialog>
  );
}
