import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

interface GuardOptions {
  /** Whether the editor holds work that leaving would lose. */
  dirty: boolean;
  /**
   * Saves the work; resolves true when it was saved (the editor may then be left), false when it
   * was refused (the errors are shown at their fields and the editor stays). Null when the editor
   * cannot save from the prompt (only Discard and Cancel are offered).
   */
  save: (() => Promise<boolean>) | null;
}

interface Guard {
  /** Runs `leave` at once when nothing is unsaved; otherwise asks Save / Discard / Cancel first. */
  guard: (leave: () => void) => void;
  /** The question, to render in the editor (null while not asking). */
  prompt: ReactNode;
}

/** The one unsaved-work question of every editor: leaving with changes asks Save / Discard / Cancel. */
export function useUnsavedGuard({ dirty, save }: GuardOptions): Guard {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const [busy, setBusy] = useState(false);

  const guard = useCallback(
    (leave: () => void) => {
      if (!dirty) leave();
      else setLeaving(() => leave);
    },
    [dirty],
  );

  const cancel = () => setLeaving(null);
  const prompt = leaving && (
    <Dialog title={t('unsaved.title')} onClose={cancel}>
      <p>{t('unsaved.message')}</p>
      <div className="dialog-footer unsaved-actions">
        {save && (
          <button
            type="button"
            className="primary"
            data-autofocus
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void save().then(
                (saved) => {
                  setBusy(false);
                  setLeaving(null);
                  if (saved) leaving();
                },
                () => {
                  setBusy(false);
                  setLeaving(null);
                },
              );
            }}
          >
            {t('unsaved.save')}
          </button>
        )}
        <button
          type="button"
          className="danger"
          data-autofocus={save ? undefined : true}
          onClick={() => {
            setLeaving(null);
            leaving();
          }}
        >
          {t('unsaved.discard')}
        </button>
        <button type="button" onClick={cancel}>
          {t('unsaved.cancel')}
        </button>
      </div>
    </Dialog>
  );
  return { guard, prompt };
}
