import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldInput } from '../../../shared/questionnaire/model';
import {
  FIELD_BINDINGS,
  FIELD_TYPES,
  TRANSLATION_MODES,
  type FieldOption,
} from '../../../shared/questionnaire/reference';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeErrorDetail } from '../ui/errors';
import { Field } from '../ui/Field';
import { useUnsavedGuard } from '../ui/UnsavedGuard';

interface FieldDialogProps {
  formId: number;
  field: FieldInput;
  onSaved: () => void;
  onClose: () => void;
}

const LANGS = ['ru', 'en', 'fr'] as const;

/** One questionnaire field: number, key, labels, type, translation mode, binding, required, options. */
export function FieldDialog({ formId, field, onSaved, onClose }: FieldDialogProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<FieldInput>(field);
  const [error, setError] = useState('');
  const set = (patch: Partial<FieldInput>) => setDraft((d) => ({ ...d, ...patch }));
  const setOption = (i: number, patch: Partial<FieldOption>) =>
    set({ options: draft.options.map((o, j) => (j === i ? { ...o, ...patch } : o)) });
  const hasOptions = draft.type === 'choice' || draft.type === 'multichoice';

  /** Saves the field; false when refused (the reason is shown above the fields). */
  const save = (): Promise<boolean> =>
    call('forms.saveField', { formId, field: { ...draft, options: hasOptions ? draft.options : [] } }).then(
      () => {
        onSaved();
        return true;
      },
      (e: unknown) => {
        setError(describeErrorDetail(t, e));
        return false;
      },
    );
  const { guard, prompt } = useUnsavedGuard({ dirty: JSON.stringify(draft) !== JSON.stringify(field), save });
  const close = () => guard(onClose);

  return (
    <Dialog
      title={field.id ? t('books.fields.editTitle', { key: field.key }) : t('books.fields.addTitle')}
      onClose={close}
      wide
      footer={
        <>
          <button type="button" onClick={close}>
            {t('books.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('books.save')}
          </button>
        </>
      }
    >
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-grid three">
        <Field label={t('books.fields.number')}>
          <input value={draft.number} onChange={(e) => set({ number: e.target.value })} />
        </Field>
        <Field label={t('books.fields.key')}>
          <input className="mono" value={draft.key} onChange={(e) => set({ key: e.target.value.trim() })} />
        </Field>
        <Field label={t('books.fields.position')}>
          <input
            type="number"
            min={0}
            value={draft.position}
            onChange={(e) => set({ position: Math.max(0, Math.trunc(Number(e.target.value))) })}
          />
        </Field>
        {LANGS.map((lang) => (
          <Field key={lang} label={t(`books.fields.label_${lang}`)}>
            <textarea
              rows={2}
              lang={lang}
              value={draft.label[lang]}
              onChange={(e) => set({ label: { ...draft.label, [lang]: e.target.value } })}
            />
          </Field>
        ))}
        <Field label={t('books.fields.type')}>
          <select value={draft.type} onChange={(e) => set({ type: e.target.value as FieldInput['type'] })}>
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`books.fieldTypes.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('books.fields.translation')}>
          <select
            value={draft.translation}
            onChange={(e) => set({ translation: e.target.value as FieldInput['translation'] })}
          >
            {TRANSLATION_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`books.modes.${mode}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('books.fields.binding')}>
          <select
            value={draft.binding ?? ''}
            onChange={(e) => set({ binding: (e.target.value || null) as FieldInput['binding'] })}
          >
            <option value="">—</option>
            {FIELD_BINDINGS.map((b) => (
              <option key={b} value={b}>
                {t(`books.bindings.${b}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.required}
          onChange={(e) => set({ required: e.target.checked })}
        />
        {t('books.fields.required')}
      </label>
      {hasOptions && (
        <fieldset className="options-editor">
          <legend>{t('books.fields.options')}</legend>
          <table className="table">
            <thead>
              <tr>
                <th>{t('books.fields.code')}</th>
                {LANGS.map((lang) => (
                  <th key={lang}>{t(`books.fields.label_${lang}`)}</th>
                ))}
                <th>{t('books.fields.default')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.options.map((o, i) => (
                <tr key={i}>
                  <td>
                    <input
                      className="cell-input mono"
                      aria-label={`${t('books.fields.code')} ${i + 1}`}
                      value={o.code}
                      onChange={(e) => setOption(i, { code: e.target.value.trim() })}
                    />
                  </td>
                  {LANGS.map((lang) => (
                    <td key={lang}>
                      <input
                        className="cell-input"
                        lang={lang}
                        aria-label={`${t(`books.fields.label_${lang}`)} ${i + 1}`}
                        value={o.label[lang]}
                        onChange={(e) => setOption(i, { label: { ...o.label, [lang]: e.target.value } })}
                      />
                    </td>
                  ))}
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('books.fields.default')} ${i + 1}`}
                      checked={o.isDefault}
                      onChange={(e) => setOption(i, { isDefault: e.target.checked })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="danger-link"
                      onClick={() => set({ options: draft.options.filter((_, j) => j !== i) })}
                    >
                      {t('books.fields.removeOption')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              set({
                options: [
                  ...draft.options,
                  {
                    code: `option_${draft.options.length + 1}`,
                    label: { ru: '', en: '', fr: '' },
                    isDefault: false,
                  },
                ],
              })
            }
          >
            {t('books.fields.addOption')}
          </button>
        </fieldset>
      )}
      {prompt}
    </Dialog>
  );
}
