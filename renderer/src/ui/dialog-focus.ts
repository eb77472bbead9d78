import { useEffect, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

const IN_BODY = FOCUSABLE.split(', ')
  .map((selector) => `.dialog-body ${selector}`)
  .join(', ');

/** The element a dialog should start on: one marked data-autofocus, else its first field or button. */
function firstTarget(root: HTMLElement): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('[data-autofocus]') ??
    root.querySelector<HTMLElement>(IN_BODY) ??
    root.querySelector<HTMLElement>(FOCUSABLE)
  );
}

/**
 * Focus for a modal (any element with role="dialog"): it moves into the dialog when it opens, also
 * when the content arrives later (a card that loads); it never falls out to the page (a button
 * disabled under the cursor, a refused save); and when the dialog closes it goes back to where it
 * came from (the row's list), or to the element given by `returnTo` when that one is gone.
 * Returns the onBlur handler the dialog's root must carry.
 */
export function useDialogFocus(
  ref: RefObject<HTMLElement | null>,
  returnTo?: () => HTMLElement | null,
): (e: FocusEvent<HTMLElement>) => void {
  // Taken while rendering, before any effect of the dialog's own content moves focus.
  const origin = useRef<Element | null>(null);
  if (origin.current === null) origin.current = document.activeElement;
  const returnToRef = useRef(returnTo);
  useEffect(() => {
    returnToRef.current = returnTo;
  });

  useLayoutEffect(() => {
    const root = ref.current;
    if (root && !root.contains(document.activeElement)) (firstTarget(root) ?? root).focus();
    const from = origin.current;
    return () => {
      // The dialog's content is gone by the time this runs; a later tick lets a dialog that opens in
      // its place (a card after the search window) keep the focus it took.
      window.setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        const back =
          from instanceof HTMLElement && from.isConnected && from !== document.body
            ? from
            : (returnToRef.current?.() ?? null);
        back?.focus();
      }, 0);
    };
  }, [ref]);

  // The content may arrive after opening (a card loading its client): focus its first field then.
  useEffect(() => {
    const root = ref.current;
    if (root && document.activeElement === root) {
      const first = firstTarget(root);
      if (first) first.focus();
    } else if (root && (document.activeElement === null || document.activeElement === document.body)) {
      // The focused element was removed (the paste zone once a list is pasted): Esc must still work.
      root.focus();
    }
  });

  return (e) => {
    const root = e.currentTarget;
    if (e.relatedTarget !== null) return;
    window.setTimeout(() => {
      if (!root.isConnected) return;
      const active = document.activeElement;
      if (active === null || active === document.body) root.focus();
    }, 0);
  };
}
