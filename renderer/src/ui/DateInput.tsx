import { useEffect, useRef, useState } from 'react';
import { formatDate, type DateKind } from '../../../shared/domain/dates';
import { maskDateText, resolveDateText, settledDateText } from './date-mask';

interface DateInputProps {
  value: string | null;
  onChange: (iso: string | null) => void;
  /** Reports whether the typed text is empty or a real date, so the form can refuse to save. */
  onValidity?: (valid: boolean) => void;
  placeholder: string;
  /** Decides a two-digit year: 'past' (birth, issue) or 'future' (travel, expiry; the default). */
  kind?: DateKind;
  /** @deprecated kind="past" */
  pastOnly?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  onBlur?: () => void;
}

/**
 * A date typed as digits with the dots put in (01011990 → 01.01.1990); the value is an ISO date,
 * or null while empty or not a real date (then onValidity(false) tells the form, which shows the
 * error at the field and refuses to save; the text stays as typed, never dropped).
 */
export function DateInput({
  value,
  onChange,
  onValidity,
  placeholder,
  kind,
  pastOnly,
  onBlur,
  ...rest
}: DateInputProps) {
  const dateKind: DateKind = kind ?? (pastOnly ? 'past' : 'future');
  const [text, setText] = useState(formatDate(value));
  const validity = useRef(onValidity);
  validity.current = onValidity;
  useEffect(() => {
    setText((current) => {
      const typed = resolveDateText(current, dateKind);
      return typed === (value ?? '') || (typed === null && value === null) ? current : formatDate(value);
    });
  }, [value, dateKind]);
  return (
    <input
      {...rest}
      value={text}
      placeholder={placeholder}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => {
        const next = maskDateText(e.target.value);
        setText(next);
        const iso = resolveDateText(next, dateKind);
        validity.current?.(iso !== null);
        onChange(iso === '' ? null : iso);
      }}
      onBlur={() => {
        setText((current) => settledDateText(current, dateKind));
        onBlur?.();
      }}
    />
  );
}
