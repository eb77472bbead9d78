import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loyaltyDb } from './loyalty-schema';

/**
 * Migration 26 (issue 15): a counter of the NPS figures' inputs, bumped by triggers in the writing
 * transaction whenever a feedback row, a client's deletion or a tour's country or hotel changes
 * (a complaint's status and dates mark no client, so the figures version does not move with them).
 * The NPS counts of an overview are reused while it stands.
 */

const BUMP = 'UPDATE loyalty_figures_state SET feedback_version = feedback_version + 1';

export const FEEDBACK_VERSION_COLUMN =
  'ALTER TABLE loyalty_figures_state ADD COLUMN feedback_version INTEGER NOT NULL DEFAULT 0';

export const FEEDBACK_VERSION_SQLITE_TRIGGERS = `
  CREATE TRIGGER loyalty_nps_feedback_insert AFTER INSERT ON feedback BEGIN ${BUMP}; END;
  CREATE TRIGGER loyalty_nps_feedback_update AFTER UPDATE ON feedback BEGIN ${BUMP}; END;
  CREATE TRIGGER loyalty_nps_feedback_delete AFTER DELETE ON feedback BEGIN ${BUMP}; END;
  CREATE TRIGGER loyalty_nps_clients_deleted AFTER UPDATE OF deleted_at ON clients BEGIN ${BUMP}; END;
  CREATE TRIGGER loyalty_nps_clients_forgotten AFTER DELETE ON clients BEGIN ${BUMP}; END;
  CREATE TRIGGER loyalty_nps_tours AFTER UPDATE OF country, hotel ON tours BEGIN ${BUMP}; END;
`;

export const FEEDBACK_VERSION_POSTGRES_TRIGGERS = `
  CREATE FUNCTION loyalty_bump_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${BUMP};
    RETURN NULL;
  END $$;
  CREATE TRIGGER loyalty_nps_feedback AFTER INSERT OR UPDATE OR DELETE ON feedback
    FOR EACH STATEMENT EXECUTE FUNCTION loyalty_bump_feedback();
  CREATE TRIGGER loyalty_nps_clients AFTER DELETE OR UPDATE OF deleted_at ON clients
    FOR EACH STATEMENT EXECUTE FUNCTION loyalty_bump_feedback();
  CREATE TRIGGER loyalty_nps_tours AFTER UPDATE OF country, hotel ON tours
    FOR EACH STATEMENT EXECUTE FUNCTION loyalty_bump_feedback();
`;

/** The NPS inputs' counter, or null while there is no state row (nothing is reused then). */
export async function feedbackVersion(base: Kysely<Database>): Promise<number | null> {
  const state = await loyaltyDb(base)
    .selectFrom('loyalty_figures_state')
    .select('feedback_version')
    .executeTakeFirst();
  return state ? Number(state.feedback_version) : null;
}
