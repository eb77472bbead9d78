import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { describeError } from '../ui/errors';

/**
 * The base's key could not be unwrapped on this computer (its key store changed, or the key file is
 * gone): the printed recovery key opens the base, and the key is wrapped again for next time.
 */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    call('crypto.unlock', { recoveryKey: typed })
      .then(onUnlocked, (e: unknown) => setError(describeError(t, e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="unlock-screen" role="dialog" aria-modal="true" data-testid="unlock-screen">
      <h1>{t('encryption.unlock.title')}</h1>
      <p>{t('encryption.unlock.explain')}</p>
      <form onSubmit={submit}>
        <label className="field">
          {t('encryption.unlock.label')}
          <input
            className="recovery-input"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="XXXX-XXXX-…"
            autoFocus
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || typed.trim() === ''}>
          {t('encryption.unlock.open')}
        </button>
      </form>
    </div>
  );
}
