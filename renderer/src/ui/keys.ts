/**
 * Shortcuts are matched on the physical key (KeyboardEvent.code), never on the typed character:
 * with the Russian layout active Ctrl+F sends key «а» with code KeyF, and must still search.
 */
interface KeyLike {
  code: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl (Cmd on a Mac) with the physical key, e.g. ctrlCode(e, 'KeyF'). */
export function ctrlCode(e: KeyLike, code: string): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && e.code === code;
}

/** Ctrl+S or Ctrl+Enter: save the editor (on any layout). */
export function isSaveShortcut(e: KeyLike): boolean {
  return ctrlCode(e, 'KeyS') || ctrlCode(e, 'Enter') || ctrlCode(e, 'NumpadEnter');
}

/** A plain Enter (no modifier): in a form it moves to the next field. */
export function isPlainEnter(e: KeyLike): boolean {
  return (
    (e.code === 'Enter' || e.code === 'NumpadEnter' || (e.code === '' && e.key === 'Enter')) &&
    !e.ctrlKey &&
    !e.metaKey &&
    !e.altKey &&
    !e.shiftKey
  );
}

/** "New" on a list: Ctrl+N or Insert. */
export function isNewShortcut(e: KeyLike): boolean {
  return ctrlCode(e, 'KeyN') || e.code === 'Insert';
}

const FIELD_SELECTOR =
  'input:not([type="hidden"]):not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled])';

/** The next editable field after `from` inside `container`, in document order (none after the last). */
export function nextField(container: HTMLElement, from: Element): HTMLElement | null {
  const fields = [...container.querySelectorAll<HTMLElement>(FIELD_SELECTOR)].filter(
    (el) => el.offsetParent !== null || el === from,
  );
  const index = fields.indexOf(from as HTMLElement);
  return index >= 0 ? (fields[index + 1] ?? null) : null;
}
