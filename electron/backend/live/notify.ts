import { sql, type Kysely } from 'kysely';
import type { ChangeEvent } from '../../../shared/api/live-events';
import { dialectOf } from '../db/dialect';
import type { AuditEntry } from '../history/audit';
import type { Database } from '../db/schema';

/** The PostgreSQL channel every TourDesk app of one base listens on. */
export const PG_CHANNEL = 'tourdesk_changes';

/** More rows than this in one write are announced per entity with no id: the lists read again. */
const MAX_EVENTS_PER_WRITE = 50;

/** What goes on the wire: the event and the app that made it, so an app does not hear itself. */
export interface WireEvent extends ChangeEvent {
  source: string;
}

export function eventsOf(entries: readonly AuditEntry[], clerk: string): ChangeEvent[] {
  if (entries.length > MAX_EVENTS_PER_WRITE) {
    return [...new Set(entries.map((e) => e.entity))].map((entity) => ({ entity, id: null, clerk }));
  }
  const seen = new Set<string>();
  const events: ChangeEvent[] = [];
  const add = (entity: string, id: number | null) => {
    const key = `${entity}:${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    events.push({ entity, id, clerk });
  };
  for (const e of entries) {
    add(e.entity, typeof e.entityId === 'number' ? e.entityId : null);
    // A tourist added, edited or removed (or an import into a tour) changes the tour's card too.
    const tourId = e.entity === 'tour' ? undefined : e.changes?.tourId;
    if (typeof tourId === 'number') add('tour', tourId);
  }
  return events;
}

/**
 * Announces audited writes to the other apps of an office server base: pg_notify inside the
 * writing transaction, so PostgreSQL delivers it when (and only if) the transaction commits. On
 * SQLite nothing is sent: one app writes a file base, so there is no one else to tell.
 */
export function changeNotifier(source: string) {
  return async (db: Kysely<Database>, entries: readonly AuditEntry[], clerk: string): Promise<void> => {
    if (dialectOf(db) !== 'postgres') return;
    for (const event of eventsOf(entries, clerk)) {
      const wire: WireEvent = { ...event, source };
      await sql`SELECT pg_notify(${PG_CHANNEL}, ${JSON.stringify(wire)})`.execute(db);
    }
  };
}
