import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_CLERK_PASSWORD, type Clerk } from '../../../shared/domain/clerk';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';

/** A clerk's new password, typed twice; the old one is never shown (only its hash is kept). */
export function PasswordDialog({
  clerk,
  onClose,
  onDone,
}: {
  clerk: Clerk;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mismatch = second !== '' && first !== second;
  const save = () => {
    setError(null);
    call('clerks.setPassword', { id: clerk.id, password: first }).then(onDone, (e: unknown) =>
      setError(describeError(t, e)),
    );
  };
  return (
    <Dialog
      title={t('office.clerks.passwordFor', { name: clerk.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('office.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={first.length < MIN_CLERK_PASSWORD || first !== second}
            onClick={save}
          >
            {t('office.clerks.setPassword')}
          </button>
        </>
      }
    >
      <label className="field grow">
        {t('office.clerks.newPassword', { min: MIN_CLERK_PASSWORD })}
        <input
          type="password"
          value={first}
          onChange={(e) => setFirst(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      <label className="field grow">
        {t('office.clerks.repeatPassword')}
        <input
          type="password"
          value={second}
          onChange={(e) => setSecond(e.target.value)}
          autoComplete="new-password"
        />
      </label>
      {mismatch && <p className="field-error">{t('office.clerks.mismatch')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
