import type { ReactNode } from 'react';
import { isPlainEnter, isSaveShortcut, nextField } from './keys';

/**
 * The editor's Save button (marked data-save-button), where Enter in the last field goes: one more
 * Enter saves, so Enter never saves half a card by itself.
 */
function saveButtonOf(form: HTMLElement): HTMLElement | null {
  return (form.closest('[role="dialog"], section') ?? form).querySelector<HTMLElement>(
    '[data-save-button]:not([disabled])',
  );
}

/**
 * The form of an editor, as Master-Tour clerks expect it: Enter moves to the next field (from the
 * last one to Save), Ctrl+Enter and Ctrl+S save. The form never submits by itself, so a stray Enter
 * cannot save half a card (its Save button calls onSave directly).
 */
export function CardForm({
  id,
  onSave,
  children,
  className = 'card-form',
}: {
  id: string;
  onSave: () => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <form
      id={id}
      className={className}
      noValidate
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (isSaveShortcut(e)) {
          e.preventDefault();
          onSave();
          return;
        }
        if (e.defaultPrevented || !isPlainEnter(e)) return;
        const target = e.target as HTMLElement;
        if (target.tagName !== 'INPUT' && target.tagName !== 'SELECT') return;
        e.preventDefault();
        (nextField(e.currentTarget, target) ?? saveButtonOf(e.currentTarget))?.focus();
      }}
    >
      {children}
    </form>
  );
}
