import { useEffect, useRef } from 'react';
import { isChangeEvent, LIVE_EVENTS_PATH, type ChangeEvent } from '../../../shared/api/live-events';

type Listener = (event: ChangeEvent) => void;

const listeners = new Set<Listener>();
let stopSource: (() => void) | null = null;

/**
 * One source per page for other clerks' changes (issue 14): Electron's preload, or in browser mode
 * one Server-Sent Events stream (the browser reconnects it by itself). On a SQLite file nothing
 * ever arrives.
 */
function start(): () => void {
  const fanOut = (event: ChangeEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  if (window.api) return window.api.onChange(fanOut);
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(LIVE_EVENTS_PATH, { withCredentials: true });
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      const event: unknown = JSON.parse(message.data);
      if (isChangeEvent(event)) fanOut(event);
    } catch {
      // Not an event of ours.
    }
  };
  return () => source.close();
}

export function subscribeChanges(listener: Listener): () => void {
  listeners.add(listener);
  stopSource ??= start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopSource?.();
      stopSource = null;
    }
  };
}

/** Calls `onChange` for each change of `entity` (and of everything, after a lost connection). */
export function useChanges(entity: string, onChange: (event: ChangeEvent) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(
    () =>
      subscribeChanges((event) => {
        if (event.entity === entity || event.entity === '*') latest.current(event);
      }),
    [entity],
  );
}
