import { useTranslation } from 'react-i18next';
import type { DestructionAct } from '../../../shared/domain/consent';
import { Dialog } from '../ui/Dialog';
import { downloadBase64 } from '../ui/files';

/** The act of destruction after "Forget this person": shown, and saved as a text file to print and sign. */
export function DestructionActDialog({ act, onClose }: { act: DestructionAct; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const text = t('privacy.act', { ...act, at: new Date(act.at).toLocaleString(i18n.language) });
  const save = () =>
    downloadBase64(
      `destruction-act-${act.clientId}-${act.at.slice(0, 10)}.txt`,
      btoa(String.fromCharCode(...new TextEncoder().encode(text))),
    );
  return (
    <Dialog
      title={t('privacy.actTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={save}>
            {t('privacy.saveAct')}
          </button>
          <button type="button" className="primary" onClick={onClose}>
            {t('privacy.close')}
          </button>
        </>
      }
    >
      <pre className="act-text" data-testid="destruction-act">
        {text}
      </pre>
    </Dialog>
  );
}
