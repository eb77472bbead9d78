import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

type ShowToast = (toast: Omit<Toast, 'id'>) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

const TOAST_MILLISECONDS = 8000;

/**
 * Short messages in the status bar at the bottom of the window: the bar has its own room in the
 * layout (dialogs end above it), so a message never covers a table row the clerk works on. A message
 * with an action (Undo) also links to the undo journal, where the action stays after the message.
 */
export function ToastProvider({
  children,
  onOpenJournal,
}: {
  children: ReactNode;
  onOpenJournal?: () => void;
}) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback<ShowToast>(
    (toast) => {
      const id = nextId.current++;
      setToasts((list) => [{ ...toast, id }, ...list.slice(0, 2)]);
      window.setTimeout(() => dismiss(id), TOAST_MILLISECONDS);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts status-bar" role="status" aria-live="polite" data-testid="status-bar">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`}>
            <span className="toast-message" title={toast.message}>
              {toast.message}
            </span>
            {toast.action && (
              <button
                type="button"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            {toast.action && onOpenJournal && (
              <button
                type="button"
                className="toast-journal"
                title={t('layout.journalHint')}
                onClick={() => {
                  onOpenJournal();
                  dismiss(toast.id);
                }}
              >
                {t('layout.openJournal')}
              </button>
            )}
            <button
              type="button"
              className="toast-close"
              aria-label={t('layout.closeMessage')}
              title={t('layout.closeMessage')}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
