/**
 * Issue 14 live updates: what another clerk's committed write looks like to this app. Ids only,
 * never row content: the screens read the row again through the contract (the version check stays
 * the guard against overwriting).
 */
export interface ChangeEvent {
  /** The audit's entity: client, tour, tourist, … */
  entity: string;
  /** The row's id; null when many rows changed at once (an import): lists read again. */
  id: number | null;
  /** Who made the change. */
  clerk: string;
}

/** Electron: main sends each event to the window on this channel; the preload hands it to the page. */
export const LIVE_CHANNEL = 'tourdesk:changed';

/** Browser mode: Server-Sent Events of the same events (session cookie required). */
export const LIVE_EVENTS_PATH = '/events';

export function isChangeEvent(value: unknown): value is ChangeEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.entity === 'string' && (v.id === null || typeof v.id === 'number') && typeof v.clerk === 'string'
  );
}
