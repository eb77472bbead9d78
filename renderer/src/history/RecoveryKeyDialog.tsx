import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { downloadBase64 } from '../ui/files';

const toBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * Shown once, when the base's key is made: the recovery key in groups, to save (and print) or copy, kept
 * in the office safe. "Later" keeps it pending (shown at the next start); only the confirmation
 * stops it from being shown, after which the app never shows it again.
 */
export function RecoveryKeyDialog({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState(false);
  useEffect(() => {
    call('crypto.recoveryKey', {}).then(
      ({ recoveryKey }) => setKey(recoveryKey),
      (e: unknown) => setError(describeError(t, e)),
    );
  }, [t]);
  const sheet = () =>
    `${t('encryption.recovery.sheetTitle')}\n\n${key ?? ''}\n\n${t('encryption.recovery.sheetText')}\n`;
  const confirm = () =>
    call('crypto.confirmRecoveryKey', {}).then(onDone, (e: unknown) => setError(describeError(t, e)));
  return (
    <Dialog
      title={t('encryption.recovery.title')}
      onClose={onDone}
      footer={
        <>
          <button type="button" onClick={onDone}>
            {t('encryption.recovery.later')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!kept || key === null}
            onClick={() => void confirm()}
          >
            {t('encryption.recovery.done')}
          </button>
        </>
      }
    >
      <p>{t('encryption.recovery.explain')}</p>
      {error && <p className="error-text">{error}</p>}
      {key && (
        <p className="recovery-key" data-testid="recovery-key">
          {key.split('-').map((group, i) => (
            <span key={i}>{group}</span>
          ))}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          disabled={key === null}
          onClick={() => void navigator.clipboard.writeText(key ?? '')}
        >
          {t('encryption.recovery.copy')}
        </button>
        <button
          type="button"
          disabled={key === null}
          onClick={() => downloadBase64('tourdesk-recovery-key.txt', toBase64(sheet()))}
        >
          {t('encryption.recovery.save')}
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
        {t('encryption.recovery.kept')}
      </label>
    </Dialog>
  );
}
