import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldInput, FormSummary, QuestionnaireForm } from '../../../shared/questionnaire/model';
import { ApiCallError, call } from '../api/client';
import { describeErrorDetail } from '../ui/errors';
import { uiLabel } from '../questionnaire/ui-label';
import { useToast } from '../ui/toasts';
import { BookFileButtons } from './BookFileButtons';
import { FieldDialog } from './FieldDialog';
import { readPages } from './read-pages';

/** R15: questionnaire forms and their fields (with translation mode, binding and options). */
export function FormsBook() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [forms, setForms] = useState<FormSummary[] | null>(null);
  const [formId, setFormId] = useState<number | null>(null);
  const [form, setForm] = useState<QuestionnaireForm | null>(null);
  const [editing, setEditing] = useState<FieldInput | null>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeErrorDetail(t, e) }),
    [t, toast],
  );

  // Read page by page after each page's cursor; the forms show as they come.
  const loadForms = useCallback(
    () =>
      readPages((input) => call('forms.page', input), setForms).then(
        // The chosen form is kept if it is still there: known only once every page is read.
        (list) =>
          setFormId((id) => (id !== null && list.some((f) => f.id === id) ? id : (list[0]?.id ?? null))),
        fail,
      ),
    [fail],
  );
  useEffect(() => void loadForms(), [loadForms]);
  const loadForm = useCallback(() => {
    if (formId !== null) call('forms.get', { id: formId }).then(setForm, fail);
    else setForm(null);
  }, [formId, fail]);
  useEffect(loadForm, [loadForm]);

  const addForm = () => {
    const name = window.prompt(t('books.forms.newName'));
    if (!name) return;
    const key = `form_${Date.now().toString(36)}`;
    call('forms.save', { key, name: { ru: name, en: name, fr: name } }).then((saved) => {
      setFormId(saved.id);
      void loadForms();
    }, fail);
  };

  /** Fields and options go with the form (cascade), countries keep no form, answers stay stored by field key. */
  const removeForm = (summary: FormSummary) => {
    const name = uiLabel(summary.name, i18n.language);
    const question = [
      t('books.forms.removeConfirm', { name, fields: summary.fieldCount }),
      summary.countries.length > 0
        ? t('books.forms.removeCountries', { countries: summary.countries.join(', ') })
        : t('books.forms.removeNoCountries'),
      t('books.forms.removeAnswers'),
    ].join('\n\n');
    if (!window.confirm(question)) return;
    call('forms.delete', { id: summary.id }).then(
      () => {
        toast({ kind: 'info', message: t('books.forms.removed', { name }) });
        void loadForms();
      },
      (e: unknown) => {
        const reason =
          e instanceof ApiCallError && e.error.code === 'NOT_FOUND'
            ? t('books.forms.removeGone')
            : describeErrorDetail(t, e);
        toast({ kind: 'error', message: t('books.forms.removeRefused', { name, reason }) });
        void loadForms();
      },
    );
  };

  const removeField = (id: number, key: string) => {
    if (!window.confirm(t('books.fields.removeConfirm', { key }))) return;
    call('forms.deleteField', { id }).then(setForm, fail);
  };

  const summary = forms?.find((f) => f.id === form?.id);

  const newField = (): FieldInput => ({
    position: (form?.fields.at(-1)?.position ?? 0) + 1,
    number: '',
    key: `field_${(form?.fields.length ?? 0) + 1}`,
    label: { ru: '', en: '', fr: '' },
    type: 'text',
    translation: 'dictionary',
    binding: null,
    required: false,
    familyExempt: false,
    wording: 'unverified',
    options: [],
  });

  return (
    <div className="book forms-book">
      <div className="toolbar">
        {forms && forms.length > 0 && (
          <label className="inline-field">
            {t('books.forms.form')}
            <select value={formId ?? ''} onChange={(e) => setFormId(Number(e.target.value))}>
              {forms.map((f) => (
                <option key={f.id} value={f.id}>
                  {uiLabel(f.name, i18n.language)} ({f.fieldCount})
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        <button type="button" onClick={addForm}>
          {t('books.forms.add')}
        </button>
        {summary && (
          <button type="button" className="danger" onClick={() => removeForm(summary)}>
            {t('books.forms.remove')}
          </button>
        )}
        <button type="button" className="primary" disabled={!form} onClick={() => setEditing(newField())}>
          {t('books.fields.add')}
        </button>
        <BookFileButtons
          exportFile={(format) =>
            formId === null
              ? Promise.reject(new Error('no form'))
              : call('forms.exportBook', { id: formId, format })
          }
          importFile={(file) =>
            call('forms.importBook', file).then((r) => {
              void loadForms();
              loadForm();
              return t('books.forms.imported', r);
            })
          }
        />
      </div>
      {summary && (
        <div className="muted">
          {t('books.forms.usedBy', { countries: summary.countries.join(', ') || '—' })}
        </div>
      )}
      {forms?.length === 0 && <div className="muted">{t('books.forms.none')}</div>}
      {form && (
        <div className="book-table-wrap">
          <table className="table book-table" aria-label={t('books.tabs.forms')}>
            <thead>
              <tr>
                {(
                  [
                    'number',
                    'label_ru',
                    'label_fr',
                    'label_en',
                    'type',
                    'translation',
                    'binding',
                    'required',
                  ] as const
                ).map((c) => (
                  <th key={c}>{t(`books.fields.${c}`)}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {form.fields.map((f) => (
                <tr key={f.id} onDoubleClick={() => setEditing(f)}>
                  <td className="num">{f.number}</td>
                  <td>
                    {f.label.ru}
                    <div className="muted small mono">{f.key}</div>
                  </td>
                  <td lang="fr">{f.label.fr}</td>
                  <td lang="en">{f.label.en}</td>
                  <td>
                    {t(`books.fieldTypes.${f.type}`)}
                    {f.options.length > 0 && <span className="muted"> ({f.options.length})</span>}
                  </td>
                  <td>{t(`books.modes.${f.translation}`)}</td>
                  <td>{f.binding ? t(`books.bindings.${f.binding}`) : ''}</td>
                  <td>{f.required ? '✓' : ''}</td>
                  <td className="nowrap">
                    <button type="button" className="link-button" onClick={() => setEditing(f)}>
                      {t('books.fields.edit')}
                    </button>
                    <button type="button" className="danger-link" onClick={() => removeField(f.id, f.key)}>
                      {t('books.fields.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && form && (
        <FieldDialog
          key={editing.id ?? 'new'}
          formId={form.id}
          field={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            loadForm();
            void loadForms();
          }}
        />
      )}
    </div>
  );
}
