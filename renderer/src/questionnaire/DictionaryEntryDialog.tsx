import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryRow } from '../../../shared/questionnaire/model';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeErrorDetail } from '../ui/errors';
import { CardForm } from '../ui/CardForm';
import { Field } from '../ui/Field';
import { useUnsavedGuard } from '../ui/UnsavedGuard';

interface DictionaryEntryDialogProps {
  /** The word to add (an unknown word of an answer) or the entry to edit. */
  entry: { ru: string; en?: string; fr?: string; id?: number; version?: number };
  /** Shown when the dialog opened by itself for an unknown word. */
  context?: string;
  onSaved: (row: DictionaryRow) => void;
  onClose: () => void;
}

/** R12: one dictionary word in Russian, English and French, saved and used at once. */
export function DictionaryEntryDialog({ entry, context, onSaved, onClose }: DictionaryEntryDialogProps) {
  const { t } = useTranslation();
  const [ru, setRu] = useState(entry.ru);
  const [en, setEn] = useState(entry.en ?? '');
  const [fr, setFr] = useState(entry.fr ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const ruInput = useRef<HTMLInputElement>(null);
  /** Saves the word; false when refused: the reason is shown at the Russian word, which gets the focus. */
  const save = (): Promise<boolean> => {
    if (busy || ru.trim() === '') return Promise.resolve(false);
    setBusy(true);
    return call('dictionary.save', { ru, en, fr, id: entry.id, version: entry.version }).then(
      (row) => {
        setBusy(false);
        onSaved(row);
        return true;
      },
      (e: unknown) => {
        setBusy(false);
        setError(describeErrorDetail(t, e));
        ruInput.current?.focus();
        return false;
      },
    );
  };
  const dirty = ru !== entry.ru || en !== (entry.en ?? '') || fr !== (entry.fr ?? '');
  const { guard, prompt } = useUnsavedGuard({ dirty, save });
  const close = () => guard(onClose);
  return (
    <Dialog
      title={entry.id ? t('dictionary.editTitle') : t('dictionary.addTitle')}
      onClose={close}
      footer={
        <>
          <button type="button" onClick={close}>
            {context ? t('dictionary.skip') : t('dictionary.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || ru.trim() === ''}
            onClick={() => void save()}
          >
            {t('dictionary.save')}
          </button>
        </>
      }
    >
      <CardForm id="dictionary-entry" className="form-grid" onSave={() => void save()}>
        {context && <p className="hint-warning">{context}</p>}
        <Field label={t('dictionary.ru')} error={error || undefined}>
          <input ref={ruInput} value={ru} onChange={(e) => setRu(e.target.value)} />
        </Field>
        <Field label={t('dictionary.en')}>
          <input
            value={en}
            lang="en"
            onChange={(e) => setEn(e.target.value)}
            data-autofocus={context ? true : undefined}
          />
        </Field>
        <Field label={t('dictionary.fr')}>
          <input value={fr} lang="fr" onChange={(e) => setFr(e.target.value)} />
        </Field>
      </CardForm>
      {prompt}
    </Dialog>
  );
}
