import { elementScroll, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';

type Rect = { width: number; height: number };

/**
 * The list's size as TanStack Virtual's own observer reports it (the scroll element's client box),
 * without its first read at mount: reading clientHeight then forces a layout of the whole page in
 * the middle of React's first commit (~50 ms on the clients list, issue 17: first paint), and the
 * page is laid out again before it paints. Until the ResizeObserver's first answer, which comes
 * after the browser's own layout, the list keeps its `initialRect`.
 */
export function observeRectAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  report: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  const view = instance.targetWindow;
  if (!element || !view?.ResizeObserver) return observeElementRect(instance, report);
  const observer = new view.ResizeObserver(() =>
    report({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) }),
  );
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

const placed = new WeakSet<Element>();

/**
 * TanStack Virtual's scroll write, except the one it makes as it mounts a list: a list that has just
 * been created is at its top already, and writing scrollTop = 0 forces a layout of the page before
 * React has finished its first commit (~25 ms on the clients list). Every later write is made.
 */
export function scrollToAfterMount<S extends Element, I extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<S, I>,
): void {
  const element = instance.scrollElement;
  if (element && !placed.has(element)) {
    placed.add(element);
    if (offset + (options.adjustments ?? 0) === 0) return;
  }
  elementScroll(offset, options, instance);
}
