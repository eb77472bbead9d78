import type { Kysely } from 'kysely';
import { CLIENT_CARD_FIELDS, type Client } from '../../../shared/domain/client';
import { timestamp, type Clock } from '../../../shared/domain/clock';
import type { Database } from '../db/schema';

/**
 * What changed on a client card, field by field. Documents are summarised by count only, so
 * passport numbers are never copied into the trail.
 */
export function describeClientChanges(before: Client | null, after: Client | null): Record<string, unknown> {
  if (!after) return {};
  const changes: Record<string, unknown> = {};
  for (const field of CLIENT_CARD_FIELDS) {
    const old = before ? before[field] : null;
    if (old !== after[field]) changes[field] = [old, after[field]];
  }
  if (JSON.stringify(before?.documents ?? []) !== JSON.stringify(after.documents)) {
    changes.documents = { before: before?.documents.length ?? 0, after: after.documents.length };
  }
  return changes;
}

export interface AuditEntry {
  /** What kind of record: client, tour, tourist, dictionary, country, form, field, answer, import, undo. */
  entity: string;
  entityId: number | string | null;
  /** create, update, delete, import, bind, undo, … */
  action: string;
  /** Field names with old and new values, or counts; never a document number. */
  changes?: Record<string, unknown>;
}

/**
 * The one path every write takes into the audit table: when, who, what. Repositories call it inside
 * their own transaction, so an audit line exists exactly when the change does.
 */
export class AuditTrail {
  constructor(
    private readonly clock: Clock,
    private readonly clerk: () => string,
    /** Runs in the same transaction after the lines are written (live/notify.ts: the office server's NOTIFY). */
    private readonly announce?: (db: Kysely<Database>, entries: AuditEntry[], clerk: string) => Promise<void>,
  ) {}

  async record(db: Kysely<Database>, entries: AuditEntry | AuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    const at = timestamp(this.clock);
    const clerk = this.clerk();
    await db
      .insertInto('audit')
      .values(
        list.map((e) => ({
          at,
          clerk,
          entity: e.entity,
          entity_id: typeof e.entityId === 'number' ? e.entityId : 0,
          action: e.action,
          changes: JSON.stringify(
            typeof e.entityId === 'string' ? { key: e.entityId, ...e.changes } : (e.changes ?? {}),
          ),
        })),
      )
      .execute();
    await this.announce?.(db, list, clerk);
  }
}
