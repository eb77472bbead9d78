import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, type WorklistItem } from '../../../shared/loyalty';
import { today } from '../../../shared/domain/clock';
import { formatDate } from '../../../shared/domain/dates';
import { call } from '../api/client';
import { DateField } from '../ui/DateField';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { counterShown } from '../ui/limits';
import { describeError } from '../ui/errors';

/** The contact note's limit in the worklist action schema (shared/loyalty/worklist-model.ts). */
const NOTE_MAX = 2000;

export type ContactAction = 'done' | 'postponed' | 'dismissed';

interface ContactDialogProps {
  item: WorklistItem;
  action: ContactAction;
  onClose: () => void;
  onSaved: () => void;
}

const LABEL: Record<ContactAction, string> = { done: 'done', postponed: 'postpone', dismissed: 'dismiss' };

/** What is wrong with the day a postponed item comes back, if anything. */
function untilProblem(until: string | null, valid: boolean): 'required' | 'invalid' | 'notAfterToday' | null {
  if (!valid) return 'invalid';
  if (until === null) return 'required';
  return until <= today() ? 'notAfterToday' : null;
}

/** The note of a contact (and the day a postponed item comes back), written to the contact log. */
export function ContactDialog({ item, action, onClose, onSaved }: ContactDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [until, setUntil] = useState<string | null>(addDays(today(), 1));
  const [untilValid, setUntilValid] = useState(true);
  const [untilError, setUntilError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const noteTooLong = note.length > NOTE_MAX;
  const save = async () => {
    // The day is typed in the masked box: empty, not a date or not after today is named at the field.
    if (action === 'postponed') {
      const problem = untilProblem(until, untilValid);
      if (problem) {
        setUntilError(
          problem === 'notAfterToday'
            ? t('loyalty.worklist.untilNotAfterToday', { today: formatDate(today()) })
            : t(problem === 'required' ? 'loyalty.worklist.untilRequired' : 'validation.dateInvalid'),
        );
        return;
      }
    }
    // A note past its limit stays as typed, red at its field: nothing is cut or saved.
    if (noteTooLong) return;
    await call('worklist.act', {
      key: item.key,
      clientId: item.clientId,
      reason: item.reason,
      action,
      note,
      postponeUntil: action === 'postponed' ? until : null,
    }).then(onSaved, (e: unknown) => setError(describeError(t, e)));
  };
  return (
    <Dialog
      title={t('loyalty.worklist.dialogTitle', {
        action: t(`loyalty.worklist.${LABEL[action]}`),
        name: item.name,
      })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('loyalty.worklist.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('loyalty.worklist.cancel')}
          </button>
        </>
      }
    >
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field
          label={t('loyalty.worklist.note')}
          error={noteTooLong ? t('validation.tooLong', { max: NOTE_MAX }) : undefined}
          hint={
            counterShown(note.length, NOTE_MAX) ? (
              <span className={noteTooLong ? 'char-counter over' : 'char-counter'} data-testid="char-counter">
                {t('limits.counter', { length: note.length, max: NOTE_MAX })}
              </span>
            ) : undefined
          }
        >
          <textarea
            autoFocus
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
            }}
          />
        </Field>
        {action === 'postponed' && (
          <DateField
            label={t('loyalty.worklist.until')}
            value={until}
            kind="future"
            error={untilError}
            onChange={(iso) => {
              setUntil(iso);
              setUntilError(undefined);
            }}
            onValidity={setUntilValid}
          />
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
