import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateKind } from '../../../shared/domain/dates';
import { afterPress } from './after-press';
import { resolveDateText } from './date-mask';
import { DateInput, DateTextInput } from './DateInput';
import { Field } from './Field';

interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  /** Past for birth and issue dates, future for travel and expiry dates (two-digit years). */
  kind: DateKind;
  /** An error the form found (a rule across fields, or the backend's). */
  error?: string | undefined;
  /** Tells the form whether the box holds a real date (or nothing): it must not save otherwise. */
  onValidity?: (valid: boolean) => void;
  className?: string;
}

/** A labelled masked date box that says at the field, in the UI language, when a date does not exist. */
export function DateField({
  label,
  value,
  onChange,
  kind,
  error,
  onValidity,
  className = 'date',
}: DateFieldProps) {
  const { t } = useTranslation();
  const [valid, setValid] = useState(true);
  const [left, setLeft] = useState(false);
  const own = !valid && left ? t('validation.dateInvalid') : undefined;
  return (
    <Field label={label} error={own ?? error} className={className}>
      <DateInput
        value={value}
        kind={kind}
        placeholder={t('card.datePlaceholder')}
        onChange={onChange}
        onValidity={(ok) => {
          setValid(ok);
          onValidity?.(ok);
        }}
        onBlur={() => afterPress(() => setLeft(true))}
      />
    </Field>
  );
}

interface DateTextFieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  kind: DateKind;
  error?: string | undefined;
  className?: string;
}

/** DateField for a form that keeps the typed text (it parses and names bad dates again on saving). */
export function DateTextField({
  label,
  value,
  onChange,
  kind,
  error,
  className = 'date',
}: DateTextFieldProps) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(false);
  const own = left && resolveDateText(value, kind) === null ? t('validation.dateInvalid') : undefined;
  return (
    <Field label={label} error={own ?? error} className={className}>
      <DateTextInput
        value={value}
        kind={kind}
        placeholder={t('card.datePlaceholder')}
        onChange={(text) => {
          setLeft(false);
          onChange(text);
        }}
        onBlur={() => afterPress(() => setLeft(true))}
      />
    </Field>
  );
}
