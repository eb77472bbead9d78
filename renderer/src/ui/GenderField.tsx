import { useTranslation } from 'react-i18next';
import { Field } from './Field';

/** The sex of a client or tourist: not given, male or female. */
export function GenderField(props: {
  value: 'M' | 'F' | null;
  onChange: (value: 'M' | 'F' | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('card.fields.gender')} error={props.error}>
      <select
        value={props.value ?? ''}
        onChange={(e) =>
          props.onChange(e.target.value === 'M' || e.target.value === 'F' ? e.target.value : null)
        }
      >
        <option value="">{t('card.genders.none')}</option>
        <option value="M">{t('card.genders.M')}</option>
        <option value="F">{t('card.genders.F')}</option>
      </select>
    </Field>
  );
}
