import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  /** A warning or proposal that does not block saving. */
  hint?: ReactNode;
  className?: string | undefined;
  /** Rendered right after the control (a picker's list of matches). */
  after?: ReactNode;
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled control with its error message tied to it for screen readers. */
export function Field({ label, error, hint, className, after, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {after}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}
