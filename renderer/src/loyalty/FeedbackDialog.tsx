import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../../../shared/domain/clock';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../../../shared/loyalty';
import { call } from '../api/client';
import { DateField } from '../ui/DateField';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/TextField';
import { describeError } from '../ui/errors';

/** feedbackInputSchema's limits (a refined schema, so not read by maxLengthOf). */
const TEXT_MAX = 5000;
const RESOLVER_MAX = 100;

interface FeedbackDialogProps {
  clientId: number;
  tourId: number;
  name: string;
  onClose: () => void;
  onSaved: () => void;
}

type Kind = (typeof FEEDBACK_KINDS)[number];
type Status = (typeof FEEDBACK_STATUSES)[number];

/**
 * A score in seconds: the dialog opens on the score, a digit types it ("1" then "0" is 10) and Enter
 * saves; a complaint, praise or suggestion adds its text, status and who resolves it.
 */
export function FeedbackDialog({ clientId, tourId, name, onClose, onSaved }: FeedbackDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('score');
  const [score, setScore] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>('open');
  const [resolver, setResolver] = useState('');
  const [resolution, setResolution] = useState('');
  const [receivedOn, setReceivedOn] = useState<string | null>(today());
  const [dateValid, setDateValid] = useState(true);
  const [dateError, setDateError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const lastDigit = useRef<{ digit: number; at: number } | null>(null);

  const save = async () => {
    // The day is typed in the masked box: a box left empty or holding no date is named, never saved.
    if (receivedOn === null || !dateValid) {
      setDateError(t(dateValid ? 'loyalty.feedback.receivedOnRequired' : 'validation.dateInvalid'));
      return;
    }
    // A text past its limit stays as typed, red at its field: nothing is cut or saved.
    if (text.length > TEXT_MAX || resolution.length > TEXT_MAX || resolver.length > RESOLVER_MAX) return;
    await call('feedback.save', {
      clientId,
      tourId,
      kind,
      score,
      text,
      status: kind === 'score' ? 'resolved' : status,
      resolver,
      resolution,
      receivedOn,
      resolvedOn: kind === 'score' || status === 'resolved' ? receivedOn : null,
    }).then(onSaved, (e: unknown) => setError(describeError(t, e)));
  };

  const onScoreKey = (e: React.KeyboardEvent) => {
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      const digit = Number(e.key);
      const previous = lastDigit.current;
      const ten = previous?.digit === 1 && digit === 0 && Date.now() - previous.at < 800;
      setScore(ten ? 10 : digit);
      lastDigit.current = { digit, at: Date.now() };
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    }
  };

  return (
    <Dialog
      title={t('loyalty.feedback.title', { name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="primary" onClick={() => void save()}>
            {t('loyalty.feedback.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('loyalty.feedback.cancel')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <div
          role="radiogroup"
          aria-label={t('loyalty.feedback.score')}
          className="loyalty-scores"
          onKeyDown={onScoreKey}
        >
          <span>{t('loyalty.feedback.score')}</span>
          <div>
            {Array.from({ length: 11 }, (_, n) => (
              <button
                key={n}
                type="button"
                role="radio"
                aria-checked={score === n}
                className={score === n ? 'primary' : undefined}
                // The first button takes the focus, so a digit can be typed at once.
                autoFocus={n === 0}
                onClick={() => setScore(n)}
              >
                {n}
              </button>
            ))}
            <button type="button" role="radio" aria-checked={score === null} onClick={() => setScore(null)}>
              {t('loyalty.feedback.noScore')}
            </button>
          </div>
        </div>
        <label>
          <span>{t('loyalty.feedback.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {FEEDBACK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`loyalty.feedback.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <DateField
          label={t('loyalty.feedback.receivedOn')}
          value={receivedOn}
          kind="past"
          error={dateError}
          onChange={(iso) => {
            setReceivedOn(iso);
            setDateError(undefined);
          }}
          onValidity={setDateValid}
        />
        {kind !== 'score' && (
          <>
            <TextField
              label={t('loyalty.feedback.text')}
              rows={3}
              max={TEXT_MAX}
              value={text}
              onChange={setText}
            />
            <label>
              <span>{t('loyalty.feedback.status')}</span>
              <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
                {FEEDBACK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`loyalty.feedback.statuses.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <TextField
              label={t('loyalty.feedback.resolver')}
              max={RESOLVER_MAX}
              value={resolver}
              onChange={setResolver}
            />
            <TextField
              label={t('loyalty.feedback.resolution')}
              rows={2}
              max={TEXT_MAX}
              value={resolution}
              onChange={setResolution}
            />
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
