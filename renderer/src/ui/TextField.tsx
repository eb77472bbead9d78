import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from './Field';
import { counterShown } from './limits';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The schema's limit (limits.ts maxLengthOf): a longer text is kept, counted and refused at the field. */
  max: number;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string | undefined;
  placeholder?: string | undefined;
  onBlur?: (() => void) | undefined;
  onKeyDown?: ((e: KeyboardEvent<HTMLInputElement>) => void) | undefined;
  lang?: string;
  autoFocus?: boolean;
  /** A text of several lines (notes, preferences): a text area of this many rows. */
  rows?: number;
}

/**
 * A labelled text box with its limit: near the limit a counter shows (95/100); past it the text
 * stays as typed or pasted, the counter turns red and the field says what is wrong — nothing is cut.
 */
export function TextField({
  label,
  value,
  onChange,
  max,
  error,
  hint,
  className,
  rows,
  onKeyDown,
  ...rest
}: TextFieldProps) {
  const { t } = useTranslation();
  const over = value.length > max;
  const ownError = over ? t('validation.tooLong', { max }) : undefined;
  return (
    <Field
      label={label}
      error={ownError ?? error}
      className={className}
      hint={
        counterShown(value.length, max) || hint ? (
          <>
            {counterShown(value.length, max) && (
              <span className={over ? 'char-counter over' : 'char-counter'} data-testid="char-counter">
                {t('limits.counter', { length: value.length, max })}
              </span>
            )}
            {hint}
          </>
        ) : undefined
      }
    >
      {rows === undefined ? (
        <input {...rest} onKeyDown={onKeyDown} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <textarea {...rest} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
