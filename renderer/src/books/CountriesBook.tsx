import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countrySchema, type Country } from '../../../shared/domain/tour';
import type { FormSummary } from '../../../shared/questionnaire/model';
import { QUESTIONNAIRE_LANGUAGES } from '../../../shared/questionnaire/reference';
import { call } from '../api/client';
import { describeErrorDetail } from '../ui/errors';
import { maxLengthOf, rangeOf } from '../ui/limits';
import { uiLabel } from '../questionnaire/ui-label';
import { useLeaveGuard } from '../ui/leave-guard';
import { useToast } from '../ui/toasts';
import { useUnsavedGuard } from '../ui/UnsavedGuard';
import { BookFileButtons } from './BookFileButtons';
import { readPages } from './read-pages';

const NEW_COUNTRY: Country = {
  code: '',
  nameRu: '',
  nameEn: '',
  nameFr: '',
  passportMarginMonths: 3,
  questionnaireLanguage: 'en',
  formKey: null,
};

/** R15: countries with names in three languages, questionnaire language and form, passport margin. */
export function CountriesBook({ onChanged }: { onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [countries, setCountries] = useState<Country[]>([]);
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [draft, setDraft] = useState<Country>(NEW_COUNTRY);
  // A value the book cannot take stays in its cell with the reason under it, instead of being dropped.
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const setCellError = (cell: string, message: string | null) =>
    setCellErrors((all) => {
      if ((all[cell] ?? null) === message) return all;
      const next = { ...all };
      if (message === null) delete next[cell];
      else next[cell] = message;
      return next;
    });
  const margin = rangeOf(countrySchema(), 'passportMarginMonths');
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeErrorDetail(t, e) }),
    [t, toast],
  );
  // The book and the forms are read page by page after each page's cursor; an older reading is dropped.
  const reading = useRef(0);
  const load = useCallback(() => {
    const mine = ++reading.current;
    const current = () => mine === reading.current;
    readPages(
      (input) => call('countries.page', input),
      (rows) => current() && setCountries(rows),
      current,
    ).catch(fail);
    readPages(
      (input) => call('forms.page', input),
      (rows) => current() && setForms(rows),
      current,
    ).catch(fail);
  }, [fail]);
  useEffect(load, [load]);

  /** Saves one country; false when refused (the toast says why). */
  const save = (country: Country): Promise<boolean> =>
    call('countries.save', country).then(
      (saved) => {
        setCountries((list) =>
          list.some((c) => c.code === saved.code)
            ? list.map((c) => (c.code === saved.code ? saved : c))
            : [...list, saved],
        );
        toast({ kind: 'info', message: t('books.countries.saved', { name: saved.nameRu }) });
        onChanged?.();
        return true;
      },
      (e: unknown) => {
        fail(e);
        return false;
      },
    );

  const draftReady = /^[A-Z]{3}$/.test(draft.code) && draft.nameRu !== '';
  const addDraft = async (): Promise<boolean> => {
    const refused = Object.keys(cellErrors).length;
    if (refused > 0) {
      toast({ kind: 'error', message: t('card.fixErrors', { count: refused }) });
      return false;
    }
    if (!draftReady) {
      toast({ kind: 'error', message: t('books.countries.draftIncomplete') });
      return false;
    }
    const saved = await save(draft);
    if (saved) setDraft(NEW_COUNTRY);
    return saved;
  };
  // The new country's row and a value refused in a cell are not in the book yet: leaving asks first.
  const dirty = JSON.stringify(draft) !== JSON.stringify(NEW_COUNTRY) || Object.keys(cellErrors).length > 0;
  const { guard, prompt } = useUnsavedGuard({ dirty, save: addDraft });
  useLeaveGuard(guard);

  const edit = (country: Country, patch: Partial<Country>) => {
    const next = { ...country, ...patch };
    if (JSON.stringify(next) !== JSON.stringify(country)) void save(next);
  };

  const row = (country: Country, isNew: boolean) => {
    const change = isNew
      ? (patch: Partial<Country>) => setDraft({ ...draft, ...patch })
      : (patch: Partial<Country>) => edit(country, patch);
    const cellError = (cell: string) => {
      const message = cellErrors[cell];
      return message ? (
        <span className="field-error" role="alert" id={`${cell}-error`}>
          {message}
        </span>
      ) : null;
    };
    const text = (field: 'nameRu' | 'nameEn' | 'nameFr') => {
      const cell = `${isNew ? 'new' : country.code}-${field}`;
      const max = maxLengthOf(countrySchema(), field);
      return (
        <>
          <input
            className="cell-input"
            aria-label={`${country.code || t('books.countries.new')} ${t(`books.countries.${field}`)}`}
            aria-invalid={cellErrors[cell] ? true : undefined}
            aria-describedby={cellErrors[cell] ? `${cell}-error` : undefined}
            defaultValue={country[field]}
            key={`${country.code}-${field}-${country[field]}`}
            onBlur={(e) => {
              const value = e.target.value.trim();
              setCellError(cell, value.length > max ? t('validation.tooLong', { max }) : null);
              if (value.length <= max && value !== country[field]) change({ [field]: value });
            }}
          />
          {cellError(cell)}
        </>
      );
    };
    const marginCell = `${isNew ? 'new' : country.code}-margin`;
    return (
      <tr key={isNew ? 'new' : country.code}>
        <td>
          {isNew ? (
            <input
              className="cell-input narrow-input mono"
              maxLength={3}
              aria-label={t('books.countries.code')}
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.target.value.toUpperCase() })}
            />
          ) : (
            <span className="mono">{country.code}</span>
          )}
        </td>
        <td>{text('nameRu')}</td>
        <td>{text('nameEn')}</td>
        <td>{text('nameFr')}</td>
        <td>
          <select
            aria-label={`${country.code} ${t('books.countries.language')}`}
            value={country.questionnaireLanguage}
            onChange={(e) =>
              change({ questionnaireLanguage: e.target.value as Country['questionnaireLanguage'] })
            }
          >
            {QUESTIONNAIRE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`questionnaire.languages.${l}`)}
              </option>
            ))}
          </select>
        </td>
        <td>
          <select
            aria-label={`${country.code} ${t('books.countries.form')}`}
            value={country.formKey ?? ''}
            onChange={(e) => change({ formKey: e.target.value || null })}
          >
            <option value="">—</option>
            {forms.map((f) => (
              <option key={f.key} value={f.key}>
                {uiLabel(f.name, i18n.language)}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={country.appliesOnline ?? false}
              onChange={(e) => change({ appliesOnline: e.target.checked })}
            />
            {t('books.countries.appliesOnline')}
          </label>
        </td>
        <td>
          <input
            type="number"
            min={margin.min}
            max={margin.max}
            className="cell-input narrow-input"
            aria-label={`${country.code} ${t('books.countries.margin')}`}
            aria-invalid={cellErrors[marginCell] ? true : undefined}
            aria-describedby={cellErrors[marginCell] ? `${marginCell}-error` : undefined}
            defaultValue={country.passportMarginMonths}
            key={`${country.code}-margin-${country.passportMarginMonths}`}
            onBlur={(e) => {
              const months = e.target.value.trim() === '' ? NaN : Number(e.target.value);
              const ok = Number.isInteger(months) && months >= margin.min && months <= margin.max;
              setCellError(marginCell, ok ? null : t('validation.numberRange', margin));
              if (ok && months !== country.passportMarginMonths) change({ passportMarginMonths: months });
            }}
          />
          {cellError(marginCell)}
        </td>
        <td>
          {isNew && (
            <button type="button" className="primary" disabled={!draftReady} onClick={() => void addDraft()}>
              {t('books.countries.add')}
            </button>
          )}
        </td>
      </tr>
    );
  };

  return (
    <div className="book">
      <div className="toolbar">
        <span className="muted">{t('books.countries.hint')}</span>
        <span className="spacer" />
        <BookFileButtons
          exportFile={(format) => call('countries.exportBook', { format })}
          importFile={(file) =>
            call('countries.importBook', file).then((r) => {
              load();
              onChanged?.();
              return t('books.countries.imported', { count: r.saved });
            })
          }
        />
      </div>
      <div className="book-table-wrap">
        <table className="table book-table" aria-label={t('books.tabs.countries')}>
          <thead>
            <tr>
              {(['code', 'nameRu', 'nameEn', 'nameFr', 'language', 'form', 'margin'] as const).map((c) => (
                <th key={c}>{t(`books.countries.${c}`)}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {countries.map((c) => row(c, false))}
            {row(draft, true)}
          </tbody>
        </table>
      </div>
      {prompt}
    </div>
  );
}
