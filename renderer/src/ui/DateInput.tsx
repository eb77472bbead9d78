import { useEffect, useState } from 'react';
import { formatDate, parseDate } from '../../../shared/domain/dates';

interface DateInputProps {
  value: string | null;
  onChange: (iso: string | null) => void;
  /** Reports whether the typed text is a real date, so the form can refuse to save. */
  onValidity?: (valid: boolean) => void;
  placeholder: string;
  pastOnly?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A date typed as dd.mm.yyyy; the value is an ISO date, or null while empty or unreadable. */
export function DateInput({ value, onChange, onValidity, placeholder, pastOnly, ...rest }: DateInputProps) {
  const [text, setText] = useState(formatDate(value));
  useEffect(() => {
    setText((current) =>
      parseDate(current, pastOnly ? 'past' : 'future') === value ? current : formatDate(value),
    );
  }, [value, pastOnly]);
  return (
    <input
      {...rest}
      value={text}
      placeholder={placeholder}
      maxLength={10}
      onChange={(e) => {
        setText(e.target.value);
        const iso = parseDate(e.target.value, pastOnly ? 'past' : 'future');
        onValidity?.(e.target.value.trim() === '' || iso !== null);
        onChange(iso);
      }}
    />
  );
}
