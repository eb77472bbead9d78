import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyParams } from '../../../shared/loyalty';
import { DateField } from '../ui/DateField';
import { Field } from '../ui/Field';
import { draftOf, parseDraft, type DraftError, type DraftField, type ParamsDraft } from './params-draft';

interface ParamsBarProps {
  params: LoyaltyParams;
  onApply: (params: LoyaltyParams) => void;
}

/**
 * The period and every threshold of the figures, applied together with Show. The day is typed in
 * the app's masked date box; a value out of range is named at its field and nothing is applied.
 */
export function ParamsBar({ params, onApply }: ParamsBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ParamsDraft>(() => draftOf(params));
  const [errors, setErrors] = useState<Partial<Record<DraftField, DraftError>>>({});
  const message = (field: DraftField) => {
    const error = errors[field];
    if (!error) return undefined;
    // The masked date box says the same at its field when left: one wording for a date that does not exist.
    return error.key === 'date'
      ? t('validation.dateInvalid')
      : t(`loyalty.params.errors.${error.key}`, error.values);
  };
  const edit = <K extends keyof ParamsDraft>(key: K, value: ParamsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key as DraftField]: _gone, ...rest }) => rest);
  };
  const number = (key: DraftField & keyof ParamsDraft, label: string) => (
    <Field label={label} error={message(key)} className="loyalty-param">
      <input inputMode="decimal" value={draft[key] ?? ''} onChange={(e) => edit(key, e.target.value)} />
    </Field>
  );
  return (
    <form
      className="loyalty-params"
      aria-label={t('loyalty.params.legend')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseDraft(draft, params);
        if ('errors' in parsed) setErrors(parsed.errors);
        else onApply(parsed.params);
      }}
    >
      <DateField
        label={t('loyalty.params.asOf')}
        value={draft.asOf}
        kind="past"
        className="date loyalty-param"
        error={message('asOf')}
        onChange={(iso) => edit('asOf', iso)}
        onValidity={(ok) => setDraft((d) => ({ ...d, asOfValid: ok }))}
      />
      {number('windowMonths', t('loyalty.params.windowMonths'))}
      <Field label={t('loyalty.params.periodKind')} className="loyalty-param">
        <select
          value={draft.periodKind}
          onChange={(e) => edit('periodKind', e.target.value as ParamsDraft['periodKind'])}
        >
          {(['month', 'quarter', 'year'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`loyalty.params.periodKinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {number('periods', t('loyalty.params.periods'))}
      {number('activityMonths', t('loyalty.params.activityMonths'))}
      {number('a', t('loyalty.params.abcA'))}
      {number('b', t('loyalty.params.abcB'))}
      {number('x', t('loyalty.params.xyzX'))}
      {number('y', t('loyalty.params.xyzY'))}
      <Field label={t('loyalty.params.rfm')} className="loyalty-param">
        <select value={draft.rfm} onChange={(e) => edit('rfm', e.target.value as ParamsDraft['rfm'])}>
          {(['fixed', 'quintiles'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`loyalty.params.rfmMethods.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {number('keyShare', t('loyalty.params.keyShare'))}
      <button type="submit" className="primary">
        {t('loyalty.params.apply')}
      </button>
    </form>
  );
}
