import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/domain/clock';
import type { Database } from './db/schema';
import type { AuditTrail } from './history/audit';
import type { UndoJournal } from './history/undo-journal';

/** What every repository shares: the database, the one clock, the one audit path and the one undo journal. */
export interface RepositoryContext {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditTrail;
  journal: UndoJournal;
}
