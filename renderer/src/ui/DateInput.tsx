import { useEffect, useState } from 'react';
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
        onValidity?.(iso !== null);
        onChange(iso === '' ? null : iso);
      }}
      onBlur={() => {
        setText((current) => settledDateText(current, dateKind));
        onBlur?.();
      }}
    />
  );
}

interface DateTextInputProps {
  /** The text as typed (the form parses it when saving, and names the field when it is no date). */
  value: string;
  onChange: (text: string) => void;
  kind: DateKind;
  placeholder: string;
  onBlur?: () => void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** The same masked entry for a form that keeps dates as text (the client card and its documents). */
export function DateTextInput({ value, onChange, kind, placeholder, onBlur, ...rest }: DateTextInputProps) {
  return (
    <input
      {...rest}
      value={value}
      placeholder={placeholder}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => onChange(maskDateText(e.target.value))}
      onBlur={() => {
        const settled = settledDateText(value, kind);
        if (settled !== value) onChange(settled);
        onBlur?.();
      }}
    />
  );
}
