import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLERK_ROLES, MAX_CLERK_NAME, type Clerk, type ClerkRole } from '../../../shared/domain/clerk';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { TextField } from '../ui/TextField';
import { useToast } from '../ui/toasts';
import { PasswordDialog } from './PasswordDialog';

/** The admin's list of clerks: add one, change a role, reset a password, deactivate. */
export function ClerksPanel() {
  const { t } = useTranslation();
  const toast = useToast();
  const [clerks, setClerks] = useState<Clerk[] | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<ClerkRole>('clerk');
  const [password, setPassword] = useState('');
  const [resetting, setResetting] = useState<Clerk | null>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );
  const reload = useCallback(() => {
    call('clerks.list', {}).then(setClerks, fail);
  }, [fail]);
  useEffect(reload, [reload]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (name.length > MAX_CLERK_NAME) return; // kept as typed, red at its field
    call('clerks.save', { name: name.trim(), role, active: true, ...(password ? { password } : {}) }).then(
      (saved) => {
        toast({ kind: 'info', message: t('office.clerks.added', { name: saved.name }) });
        setName('');
        setPassword('');
        reload();
      },
      fail,
    );
  };
  const change = (clerk: Clerk, patch: Partial<Pick<Clerk, 'role' | 'active'>>) =>
    call('clerks.save', {
      id: clerk.id,
      version: clerk.version,
      name: clerk.name,
      role: patch.role ?? clerk.role,
      active: patch.active ?? clerk.active,
    }).then(reload, (e: unknown) => {
      fail(e);
      reload();
    });

  return (
    <div className="office-form">
      <form className="form-row" onSubmit={add} aria-label={t('office.clerks.add')}>
        <TextField label={t('office.clerks.name')} max={MAX_CLERK_NAME} value={name} onChange={setName} />
        <label className="field">
          {t('office.clerks.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as ClerkRole)}>
            {CLERK_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`office.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('office.clerks.password')}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        <button type="submit" className="primary align-end" disabled={name.trim() === ''}>
          {t('office.clerks.add')}
        </button>
      </form>
      <p className="muted">{t('office.clerks.rolesExplain')}</p>
      <table className="table clerks-table">
        <thead>
          <tr>
            <th>{t('office.clerks.name')}</th>
            <th>{t('office.clerks.role')}</th>
            <th>{t('office.clerks.active')}</th>
            <th>{t('office.clerks.password')}</th>
          </tr>
        </thead>
        <tbody>
          {(clerks ?? []).map((clerk) => (
            <tr key={clerk.id}>
              <td>{clerk.name}</td>
              <td>
                <select
                  aria-label={t('office.clerks.roleOf', { name: clerk.name })}
                  value={clerk.role}
                  onChange={(e) => void change(clerk, { role: e.target.value as ClerkRole })}
                >
                  {CLERK_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`office.roles.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <label>
                  <input
                    type="checkbox"
                    checked={clerk.active}
                    onChange={(e) => void change(clerk, { active: e.target.checked })}
                  />{' '}
                  {clerk.active ? t('office.clerks.isActive') : t('office.clerks.isInactive')}
                </label>
              </td>
              <td>
                {clerk.hasPassword ? t('office.clerks.hasPassword') : t('office.clerks.noPassword')}{' '}
                <button type="button" className="link-button" onClick={() => setResetting(clerk)}>
                  {t('office.clerks.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetting && (
        <PasswordDialog
          clerk={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            setResetting(null);
            toast({ kind: 'info', message: t('office.clerks.passwordSet', { name: resetting.name }) });
            reload();
          }}
        />
      )}
    </div>
  );
}
