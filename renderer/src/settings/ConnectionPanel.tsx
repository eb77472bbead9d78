import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import type { ServerSettings } from '../../../shared/api/office-contract';
import { call, runningInElectron } from '../api/client';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';

type Report = CommandOutput<'connection.test'>;
type Kind = 'local' | 'server';

const DEFAULT_SERVER: ServerSettings = { host: '', port: 5432, database: 'tourdesk', user: '', tls: true };

/**
 * Where the base is: this computer's file, or the office's PostgreSQL server. A test connection says
 * in the clerk's language what is wrong; the choice takes effect at the next start.
 */
export function ConnectionPanel() {
  const { t } = useTranslation();
  const toast = useToast();
  const [loaded, setLoaded] = useState<CommandOutput<'connection.get'> | null>(null);
  const [kind, setKind] = useState<Kind>('local');
  const [server, setServer] = useState<ServerSettings>(DEFAULT_SERVER);
  const [password, setPassword] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState<CommandOutput<'connection.moveProgress'> | 'starting' | null>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );

  useEffect(() => {
    call('connection.get', {}).then((value) => {
      setLoaded(value);
      setKind(value.kind);
      if (value.server) setServer(value.server);
    }, fail);
  }, [fail]);

  const edit = (patch: Partial<ServerSettings>) => {
    setServer((s) => ({ ...s, ...patch }));
    setReport(null);
  };
  const complete = server.host.trim() !== '' && server.database.trim() !== '' && server.user.trim() !== '';

  const test = () => {
    setBusy(true);
    setReport(null);
    call('connection.test', { server, ...(password ? { password } : {}) })
      .then(setReport, fail)
      .finally(() => setBusy(false));
  };
  const [creating, setCreating] = useState(false);
  const createSchema = () => {
    setCreating(true);
    call('connection.createSchema', { server, ...(password ? { password } : {}) })
      .then((result) => {
        setReport(result);
        if (result.outcome === 'ready')
          toast({
            kind: 'info',
            message: t('office.connection.schemaCreated', { database: server.database }),
          });
      }, fail)
      .finally(() => setCreating(false));
  };
  const save = () => {
    call('connection.save', {
      kind,
      server: kind === 'server' || complete ? server : null,
      ...(password ? { password } : {}),
    }).then((result) => {
      toast({
        kind: 'info',
        message: result.restartNeeded ? t('office.connection.savedRestart') : t('office.connection.saved'),
      });
      setPassword('');
    }, fail);
  };

  const move = () => {
    setMoving('starting');
    const poll = window.setInterval(() => {
      call('connection.moveProgress', {}).then(
        (p) => p && setMoving(p),
        () => undefined,
      );
    }, 300);
    const secret = password ? { password } : {};
    call('connection.move', { server, ...secret })
      .then(async (result) => {
        await call('connection.save', { kind: 'server', server, ...secret });
        setKind('server');
        toast({ kind: 'info', message: t('office.connection.moved', result) });
      }, fail)
      .finally(() => {
        window.clearInterval(poll);
        setMoving(null);
      });
  };

  if (!loaded) return null;
  const outcomeText = report
    ? t(`office.connection.outcome.${report.outcome}`, {
        host: server.host,
        port: server.port,
        database: server.database,
        user: server.user,
        found: report.found ?? 0,
        expected: report.expected,
        detail: report.detail ?? '',
      })
    : null;
  return (
    <div className="office-form" data-testid="connection-panel">
      <p className="muted">
        {t('office.connection.current', {
          where: loaded.active === 'server' ? t('office.connection.server') : t('office.connection.local'),
        })}
      </p>
      <div className="choice" role="radiogroup" aria-label={t('office.connection.where')}>
        {(['local', 'server'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="base-kind" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {t(`office.connection.${k}`)}
          </label>
        ))}
      </div>
      {kind === 'server' && (
        <fieldset className="office-form" aria-label={t('office.connection.server')}>
          <div className="form-row">
            <label className="field grow">
              {t('office.connection.host')}
              <input
                value={server.host}
                onChange={(e) => edit({ host: e.target.value })}
                spellCheck={false}
              />
            </label>
            <label className="field narrow">
              {t('office.connection.port')}
              <input
                inputMode="numeric"
                value={String(server.port)}
                onChange={(e) => edit({ port: Number(e.target.value.replace(/\D/g, '')) || 0 })}
              />
            </label>
          </div>
          <div className="form-row">
            <label className="field">
              {t('office.connection.database')}
              <input
                value={server.database}
                onChange={(e) => edit({ database: e.target.value })}
                spellCheck={false}
              />
            </label>
            <label className="field">
              {t('office.connection.user')}
              <input
                value={server.user}
                onChange={(e) => edit({ user: e.target.value })}
                spellCheck={false}
              />
            </label>
            <label className="field">
              {t('office.connection.password')}
              <input
                type="password"
                value={password}
                placeholder={loaded.passwordSaved ? t('office.connection.passwordKept') : ''}
                onChange={(e) => {
                  setPassword(e.target.value);
                  setReport(null);
                }}
                autoComplete="off"
              />
            </label>
          </div>
          <label>
            <input type="checkbox" checked={server.tls} onChange={(e) => edit({ tls: e.target.checked })} />{' '}
            {t('office.connection.tls')}
          </label>
          <p className="muted">
            {loaded.passwordStorage === 'os'
              ? t('office.connection.keptOs')
              : runningInElectron
                ? t('office.connection.keptFileNoKeyStore')
                : t('office.connection.keptFileBrowser')}
          </p>
          <div className="form-row">
            <button type="button" onClick={test} disabled={busy || !complete || server.port < 1}>
              {busy ? t('office.connection.testing') : t('office.connection.test')}
            </button>
          </div>
          {report && outcomeText && (
            <p
              className={report.outcome === 'ready' ? 'outcome good' : 'outcome bad'}
              role={report.outcome === 'ready' ? 'status' : 'alert'}
              data-testid="connection-outcome"
            >
              {outcomeText}
            </p>
          )}
          {report?.outcome === 'empty' && (
            <div className="form-row">
              <button type="button" onClick={createSchema} disabled={creating || moving !== null}>
                {creating ? t('office.connection.creatingSchema') : t('office.connection.createSchema')}
              </button>
              {loaded.active === 'local' && (
                <button type="button" onClick={move} disabled={creating || moving !== null}>
                  {t('office.connection.move')}
                </button>
              )}
              {moving !== null && (
                <span role="status">
                  {t('office.connection.moving', {
                    percent:
                      moving === 'starting' || moving.total === 0
                        ? 0
                        : Math.floor((moving.copied / moving.total) * 100),
                  })}
                </span>
              )}
            </div>
          )}
        </fieldset>
      )}
      <div className="form-row">
        <button type="button" className="primary" onClick={save} disabled={kind === 'server' && !complete}>
          {t('office.connection.save')}
        </button>
      </div>
      <p className="muted">{t('office.connection.restartNote')}</p>
    </div>
  );
}
