import type { ReactNode } from 'react';
import type { FormField } from '../../../../shared/questionnaire/model';
import type { Wording } from '../../../../shared/questionnaire/schengen-wording';
import type { SheetValues } from './sheet-values';
import { Say, Tick, type FormTongue } from './Wording';

/** A numbered box of an official form: its number and wording, then the typed value. */
export function Box({
  n,
  star,
  label,
  tongue,
  value,
  children,
  grow = 1,
}: {
  n?: string | undefined;
  star?: boolean;
  label: Wording;
  tongue: FormTongue;
  value?: string;
  children?: ReactNode;
  grow?: number;
}) {
  return (
    <div className="form-field" style={{ flexGrow: grow }}>
      <div className="form-label">
        {n && (
          <b>
            {star ? '*' : ''}
            {n}.{' '}
          </b>
        )}
        <Say w={label} tongue={tongue} />:
      </div>
      {value !== undefined && <div className="form-value">{value}</div>}
      {children}
    </div>
  );
}

/** Boxes side by side, equal in height, sharing their borders as on the official pages. */
export function Row({ children }: { children: ReactNode }) {
  return <div className="form-boxes">{children}</div>;
}

/** The options of a choice field as the form prints them, the chosen ones ticked. */
export function Options({
  field,
  values,
  tongue,
  only,
}: {
  field: FormField | undefined;
  values: SheetValues;
  tongue: FormTongue;
  only?: readonly string[];
}) {
  if (!field) return null;
  const options = only ? field.options.filter((o) => only.includes(o.code)) : field.options;
  return (
    <div className="form-options">
      {options.map((o) => (
        <span key={o.code} className="form-option">
          <Tick on={values.ticked(field.key, o.code)} />{' '}
          <Say w={{ en: o.label.en, fr: o.label.fr || o.label.en }} tongue={tongue} />
        </span>
      ))}
    </div>
  );
}

/** Yes/No of a yes-no field, in the order the form prints them. */
export function YesNo({
  fieldKey,
  values,
  tongue,
  no,
  yes,
}: {
  fieldKey: string;
  values: SheetValues;
  tongue: FormTongue;
  no: Wording;
  yes: Wording;
}) {
  return (
    <div className="form-options">
      <span className="form-option">
        <Tick on={values.ticked(fieldKey, 'no')} /> <Say w={no} tongue={tongue} />
      </span>
      <span className="form-option">
        <Tick on={values.ticked(fieldKey, 'yes')} /> <Say w={yes} tongue={tongue} />
      </span>
    </div>
  );
}

/** One A4 page of a form, numbered as the official pages are. */
export function Page({ number, of, children }: { number: number; of: number; children: ReactNode }) {
  return (
    <section className="form-page">
      <div className="form-page-body">{children}</div>
      <footer className="form-page-number">
        {number}/{of}
      </footer>
    </section>
  );
}
