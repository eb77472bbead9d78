import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { BaseExportSection } from './BaseExportSection';

type Backup = CommandOutput<'backup.list'>[number];

const formatTime = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Issue 11: the verified copies of the base, a copy made now, a restore, and where copies go. */
export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );

  const reload = useCallback(() => {
    call('backup.list', {}).then(setBackups, fail);
    call('settings.get', { key: 'backup.folder' }).then(
      ({ value }) => setFolder(typeof value === 'string' ? value : ''),
      fail,
    );
  }, [fail]);
  useEffect(reload, [reload]);

  const makeNow = () => {
    setBusy(true);
    call('backup.create', {})
      .then((entry) => {
        toast({ kind: 'info', message: t('backups.made', { name: entry.name }) });
        reload();
      }, fail)
      .finally(() => setBusy(false));
  };

  const saveFolder = () =>
    call('settings.set', { key: 'backup.folder', value: folder.trim() }).then(() => {
      toast({ kind: 'info', message: t('backups.folderSaved') });
      reload();
    }, fail);

  const restore = (backup: Backup) => {
    setBusy(true);
    call('backup.restore', { name: backup.name })
      .then(({ safety, restartNeeded }) => {
        setRestoring(null);
        if (restartNeeded || !safety) {
          toast({ kind: 'info', message: t('backups.restartNeeded') });
          return;
        }
        toast({ kind: 'info', message: t('backups.restored', { safety: safety.name }) });
        // Every screen reads the restored base afresh.
        window.setTimeout(() => window.location.reload(), 1500);
      }, fail)
      .finally(() => setBusy(false));
  };

  return (
    <div className="history-panel">
      <div className="toolbar">
        <button type="button" className="primary" onClick={makeNow} disabled={busy}>
          {t('backups.makeNow')}
        </button>
        <label className="inline-field">
          {t('backups.folder')}
          <input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder={backups?.[0]?.folder ?? t('backups.folderDefault')}
            size={48}
          />
        </label>
        <button type="button" onClick={saveFolder}>
          {t('backups.saveFolder')}
        </button>
      </div>
      <p className="muted">{t('backups.explain')}</p>
      <BaseExportSection />
      {backups === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : backups.length === 0 ? (
        <p className="muted">{t('backups.none')}</p>
      ) : (
        <table className="table book-table" aria-label={t('backups.title')}>
          <thead>
            <tr>
              <th>{t('backups.when')}</th>
              <th>{t('backups.why')}</th>
              <th>{t('backups.holds')}</th>
              <th>{t('backups.size')}</th>
              <th>{t('backups.check')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} title={`${b.folder}/${b.name}`}>
                <td>{formatTime(b.createdAt, i18n.language)}</td>
                <td>{t(`backups.reasons.${b.reason}`)}</td>
                <td>{t('backups.counts', b.counts)}</td>
                <td>{t('backups.megabytes', { size: megabytes(b.sizeBytes) })}</td>
                <td className={b.verified ? '' : 'cell-danger'}>
                  {b.verified ? '✓' : t('backups.unverified')}
                </td>
                <td>
                  <button type="button" onClick={() => setRestoring(b)} disabled={busy}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <Dialog
          title={t('backups.restoreTitle')}
          onClose={() => setRestoring(null)}
          footer={
            <>
              <button type="button" onClick={() => setRestoring(null)}>
                {t('backups.cancel')}
              </button>
              <button type="button" className="danger" onClick={() => restore(restoring)} disabled={busy}>
                {t('backups.restoreConfirm')}
              </button>
            </>
          }
        >
          <p>
            {t('backups.restoreText', {
              when: formatTime(restoring.createdAt, i18n.language),
              counts: t('backups.counts', restoring.counts),
            })}
          </p>
        </Dialog>
      )}
    </div>
  );
}
