import type { Kysely } from 'kysely';
import type { Client } from '../../../shared/domain/client';
import type { AuditTable, Database } from '../db/schema';

const AUDITED_FIELDS = [
  'lastNameRu',
  'firstNameRu',
  'middleNameRu',
  'lastNameLat',
  'firstNameLat',
  'gender',
  'birthDate',
  'birthPlace',
  'citizenship',
  'phone',
  'email',
  'address',
  'notes',
  'preferences',
  'cardLast4',
] as const;

/**
 * What changed, field by field. Documents are summarised by kind and count only, so passport
 * numbers are never copied into the trail.
 */
export function describeChanges(before: Client | null, after: Client | null): Record<string, unknown> {
  if (!after) return {};
  const changes: Record<string, unknown> = {};
  for (const field of AUDITED_FIELDS) {
    const old = before ? before[field] : null;
    if (old !== after[field]) changes[field] = [old, after[field]];
  }
  const summary = (c: Client | null) =>
    c
      ? c.documents
          .map((d) => `${d.kind}${d.archived ? ':archived' : ''}`)
          .sort()
          .join(',')
      : '';
  if (
    summary(before) !== summary(after) ||
    JSON.stringify(before?.documents) !== JSON.stringify(after.documents)
  ) {
    changes.documents = { before: before?.documents.length ?? 0, after: after.documents.length };
  }
  return changes;
}

export async function recordAudit(
  db: Kysely<Database>,
  entity: string,
  entityId: number,
  action: AuditTable['action'],
  before: Client | null,
  after: Client | null,
  at: string,
): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      at,
      entity,
      entity_id: entityId,
      action,
      changes: JSON.stringify(describeChanges(before, after)),
    })
    .execute();
}
