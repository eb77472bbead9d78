import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandOutput } from '../../../shared/api/contract';
import { MIN_EXPORT_PASSPHRASE } from '../../../shared/api/crypto-contract';
import { call, runningInElectron } from '../api/client';
import { chooseTransfer, saveTransfer, uploadTransfer } from '../api/transfers';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';

type Status = CommandOutput<'crypto.status'>;

/** Issue 11: how the base is encrypted, and the whole base to or from one passphrase-protected file. */
export function BaseExportSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const [status, setStatus] = useState<Status | null>(null);
  const [mode, setMode] = useState<'export' | 'import' | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  /** Browser mode: the picked file, streamed in at Import. Electron: the file copied in by the main process. */
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<{ transfer: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('crypto.status', {}).then(setStatus, () => undefined);
  }, []);

  const close = () => {
    setMode(null);
    setPassphrase('');
    setRepeat('');
    setFile(null);
    setChosen(null);
    setError(null);
  };
  const tooShort = [...passphrase].length < MIN_EXPORT_PASSPHRASE;
  const canRun =
    !busy &&
    !tooShort &&
    (mode === 'export' ? passphrase === repeat : mode === 'import' && (file !== null || chosen !== null));

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      if (mode === 'export') {
        const exported = await call('backup.exportBase', { passphrase });
        if (await saveTransfer(exported.transfer, exported.fileName)) {
          toast({ kind: 'info', message: t('encryption.export.done', { name: exported.fileName }) });
        }
        close();
      } else if (file || chosen) {
        const transfer = chosen ? chosen.transfer : await uploadTransfer(file as File);
        const imported = await call('backup.importBase', { transfer, passphrase });
        toast({ kind: 'info', message: t('encryption.import.done', { safety: imported.safety }) });
        close();
        window.setTimeout(() => window.location.reload(), 1500);
      }
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="base-export" aria-label={t('encryption.title')}>
      <h3>{t('encryption.title')}</h3>
      {status && (
        <p className="muted" data-testid="encryption-status">
          {status.encrypted
            ? t(`encryption.status.${status.storage ?? 'key'}`)
            : t('encryption.status.plain')}
        </p>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setMode('export')}>
          {t('encryption.export.open')}
        </button>
        <button type="button" onClick={() => setMode('import')}>
          {t('encryption.import.open')}
        </button>
      </div>
      {mode && (
        <Dialog
          title={t(`encryption.${mode}.title`)}
          onClose={close}
          footer={
            <>
              <button type="button" onClick={close}>
                {t('backups.cancel')}
              </button>
              <button
                type="button"
                className={mode === 'import' ? 'danger' : 'primary'}
                disabled={!canRun}
                onClick={() => void run()}
              >
                {t(`encryption.${mode}.run`)}
              </button>
            </>
          }
        >
          <p>{t(`encryption.${mode}.explain`)}</p>
          {mode === 'import' && (
            <label className="field">
              {t('encryption.import.file')}
              {runningInElectron ? (
                <button
                  type="button"
                  onClick={() =>
                    void chooseTransfer().then(
                      (c) => c && setChosen(c),
                      () => undefined,
                    )
                  }
                >
                  {chosen ? chosen.name : t('encryption.import.choose')}
                </button>
              ) : (
                <input
                  type="file"
                  accept=".tourdesk"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              )}
            </label>
          )}
          <label className="field">
            {t('encryption.passphrase')}
            <input
              type="password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoComplete="new-password"
            />
          </label>
          {mode === 'export' && (
            <label className="field">
              {t('encryption.repeat')}
              <input
                type="password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                autoComplete="new-password"
              />
            </label>
          )}
          <p className="muted">
            {tooShort
              ? t('encryption.minLength', { min: MIN_EXPORT_PASSPHRASE })
              : mode === 'export' && passphrase !== repeat
                ? t('encryption.mismatch')
                : '\u00a0'}
          </p>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </Dialog>
      )}
    </section>
  );
}
