import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { MAX_CLERK_NAME } from '../../../shared/domain/clerk-roles';
import { ApiCallError, call } from '../api/client';
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
  const wait = useWait();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    call('clerks.signIn', { name: name.trim(), ...(password ? { password } : {}) })
      .then(onSignedIn, (e: unknown) => {
        const seconds = e instanceof ApiCallError ? e.error.params?.seconds : undefined;
        if (e instanceof ApiCallError && e.error.reason === 'signInLocked' && typeof seconds === 'number')
          wait.start(seconds);
        else setError(describeError(t, e));
      })
      .finally(() => setBusy(false));
  };
  // The wait is the name's: another name may try at once.
  const chooseName = (next: string) => {
    setName(next);
    wait.stop();
  };
  const shown = wait.seconds > 0 ? t('errors.reasons.signInLocked', { seconds: wait.seconds }) : error;
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
                onClick={() => chooseName(n)}
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
            onChange={(e) => chooseName(e.target.value)}
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
        {shown && (
          <p className="error-text" role="alert">
            {shown}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || wait.seconds > 0 || name.trim() === ''}>
          {t('office.signIn.submit')}
        </button>
      </form>
    </main>
  );
}

/** A sign-in wait counted down on screen, second by second, from the seconds the backend said. */
function useWait(): { seconds: number; start: (seconds: number) => void; stop: () => void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) setUntil(null);
    }, 250);
    return () => clearInterval(timer);
  }, [until]);
  return {
    seconds: until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)),
    start: (seconds) => {
      const at = Date.now();
      setNow(at);
      setUntil(at + seconds * 1000);
    },
    stop: () => setUntil(null),
  };
}
