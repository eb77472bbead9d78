import pg from 'pg';
import { isChangeEvent } from '../../../shared/api/live-events';
import type { ChangeHub } from './change-hub';
import { PG_CHANNEL, type WireEvent } from './notify';

/** The wait before connecting again, doubling up to a minute while the server stays away. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 60_000;

export interface ChangeListenerHandle {
  /** Resolves once the first LISTEN is in place (tests wait for it). */
  ready: Promise<void>;
  stop: () => Promise<void>;
}

/**
 * One dedicated connection per app (not from the pool: a pooled connection would drop LISTEN) hears
 * every other app's changes and hands them to the hub. After a lost connection it reconnects and
 * announces a change of everything ({entity: '*'}), since notifications sent meanwhile are gone.
 */
export function listenForChanges(
  config: pg.ClientConfig,
  source: string,
  hub: ChangeHub,
  log: (message: string) => void,
): ChangeListenerHandle {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;
  let connectedOnce = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== PG_CHANNEL || !message.payload) return;
    let wire: unknown;
    try {
      wire = JSON.parse(message.payload);
    } catch {
      return;
    }
    if (!isChangeEvent(wire) || (wire as WireEvent).source === source) return;
    hub.emit({ entity: wire.entity, id: wire.id, clerk: wire.clerk });
  };

  const scheduleReconnect = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retry);
    timer.unref();
    retry = Math.min(retry * 2, MAX_RETRY_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ ...config, application_name: 'TourDesk live updates' });
    next.on('notification', onNotification);
    next.on('error', (error) => {
      log(`live updates: the listening connection failed: ${error.message}`);
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PG_CHANNEL}`);
    } catch (error) {
      log(
        `live updates: cannot listen (${error instanceof Error ? error.message : String(error)}); retrying`,
      );
      void next.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retry = FIRST_RETRY_MS;
    if (connectedOnce) hub.emit({ entity: '*', id: null, clerk: '' });
    connectedOnce = true;
    markReady();
  };
  void connect();

  return {
    ready,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
