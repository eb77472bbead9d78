import { useEffect, useRef, type ReactNode } from 'react';
import { useDialogFocus } from './dialog-focus';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

/** A modal dialog: focus moves into it, Esc closes it, focus returns to the row it came from. */
export function Dialog({ title, onClose, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const onBlur = useDialogFocus(ref);
  // Esc is handled here, not by the page, so an editor's onClose (its unsaved-work guard) decides.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div
        ref={ref}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onBlur={onBlur}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.defaultPrevented) {
            e.stopPropagation();
            e.preventDefault();
            close.current();
          }
        }}
      >
        <header className="dialog-header">
          <h2>{title}</h2>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  );
}
