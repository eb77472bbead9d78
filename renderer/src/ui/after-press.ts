/**
 * Runs fn once the mouse button (or finger) that is down now is released and its click has been
 * dispatched, or at once when nothing is pressed. A field that shows its error when left grows and
 * pushes what is under it down: shown on the blur of a mousedown, it moved the pressed button away
 * before the mouseup, and the click (+ Add document, Save) was lost.
 */
let pressed = false;
if (typeof window !== 'undefined') {
  window.addEventListener('pointerdown', () => (pressed = true), true);
  const release = () => (pressed = false);
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
}

export function afterPress(fn: () => void): void {
  if (!pressed) {
    fn();
    return;
  }
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    window.removeEventListener('pointerup', later, true);
    window.removeEventListener('pointercancel', later, true);
    fn();
  };
  // The click follows the pointerup in the same input task: a timer runs after it.
  const later = () => setTimeout(run, 0);
  window.addEventListener('pointerup', later, true);
  window.addEventListener('pointercancel', later, true);
}
