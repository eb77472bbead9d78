import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { MAX_CLERK_NAME } from '../../../shared/domain/clerk';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import './office.css';

type Status = CommandOutput<'clerks.status'>;

/**
 * Who is at the desk. One computer: pick a name (or type a new one; a name is enough). Office
 * server: name and password. The first clerk of a base becomes its administrator.
 */
export function SignInScreen({ status, onSignedIn }: { status: Status; onSignedIn: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(status.names.length === 1 ? (status.names[0] ?? '') : '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    call('clerks.signIn', { name: name.trim(), ...(password ? { password } : {}) })
      .then(onSignedIn, (e: unknown) => setError(describeError(t, e)))
      .finally(() => setBusy(false));
  };
  return (
    <main className="signin-screen" aria-labelledby="signin-title" data-testid="signin-screen">
      <form className="signin-card" onSubmit={submit}>
        <h1 id="signin-title">{t('office.signIn.title')}</h1>
        <p className="muted">
          {status.firstStart
            ? t('office.signIn.firstStart')
            : status.passwordRequired
              ? t('office.signIn.serverHint')
              : t('office.signIn.localHint')}
        </p>
        {status.names.length > 0 && (
          <div className="signin-names" role="group" aria-label={t('office.signIn.pick')}>
            {status.names.map((n) => (
              <button
                key={n}
                type="button"
                className={n === name ? 'signin-name chosen' : 'signin-name'}
                aria-pressed={n === name}
                onClick={() => setName(n)}
              >
                {n}
              </button>
            ))}
          </div>
        )}
        <label className="field signin-field">
          {t('office.signIn.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={MAX_CLERK_NAME}
            autoComplete="username"
            autoFocus
          />
        </label>
        <label className="field signin-field">
          {status.passwordRequired ? t('office.signIn.password') : t('office.signIn.passwordIfAny')}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {t('office.signIn.submit')}
        </button>
      </form>
    </main>
  );
}
