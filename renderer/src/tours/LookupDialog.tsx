import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/domain/client';
import { formatDate } from '../../../shared/domain/dates';
import { travelPassport } from '../../../shared/domain/tourist-client';
import { call } from '../api/client';
import { DateInput } from '../ui/DateInput';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';

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
  initial: { total: number; candidates: Client[] };
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
  const [result, setResult] = useState(props.initial);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      call('clients.lookup', { lastName: props.lastName, ...criteria }).then(
        (r) => {
          setResult(r);
          setSelected(0);
          setError(null);
        },
        (e: unknown) => setError(describeError(t, e)),
      );
    }, 150);
    return () => window.clearTimeout(timer);
  }, [criteria, props.lastName, t]);

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
      <table className="table" data-testid="lookup-candidates">
        <thead>
          <tr>
            <th>{t('clients.columns.name')}</th>
            <th>{t('clients.columns.nameLat')}</th>
            <th>{t('clients.columns.birthDate')}</th>
            <th>{t('clients.columns.passportNumber')}</th>
            <th>{t('clients.columns.phone')}</th>
          </tr>
        </thead>
        <tbody>
          {result.candidates.map((c, i) => {
            const passport = travelPassport(c.documents);
            return (
              <tr
                key={c.id}
                className={i === selected ? 'selected' : undefined}
                aria-selected={i === selected}
                onClick={() => setSelected(i)}
                onDoubleClick={() => props.onPick(c)}
              >
                <td>{[c.lastNameRu, c.firstNameRu, c.middleNameRu].filter(Boolean).join(' ')}</td>
                <td>{[c.lastNameLat, c.firstNameLat].filter(Boolean).join(' ')}</td>
                <td>{formatDate(c.birthDate)}</td>
                <td className="mono">{passport ? `${passport.series} ${passport.number}` : ''}</td>
                <td>{c.phone}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {result.total === 0 && <p className="muted">{t('lookup.none')}</p>}
    </Dialog>
  );
}
