import type { ErrorDetail } from '../../../shared/api/envelope';
import { roleAllows, type ClerkRole } from '../../../shared/domain/clerk';
import type { Dispatch } from '../dispatch';
import type { ClerkSession } from './session';

/** Commands that answer before anyone signs in: the sign-in screen, the language, the key's state. */
const OPEN_COMMANDS = new Set<string>([
  'app.info',
  'settings.get',
  'clerks.status',
  'clerks.signIn',
  'crypto.status',
  'crypto.unlock',
  'crypto.recoveryKey',
  'crypto.confirmRecoveryKey',
]);

/**
 * The lowest role each guarded command needs; others are open to every signed-in clerk. Money and
 * loyalty figures are the head's; clerks, backups, reference books and the base's connection the admin's.
 */
const NEEDED_ROLE: Readonly<Record<string, ClerkRole>> = {
  'loyalty.overview': 'head',
  'loyalty.clients': 'head',
  'loyalty.exportSegment': 'head',
  'loyalty.exportTable': 'head',
  'clerks.list': 'admin',
  'clerks.save': 'admin',
  'connection.get': 'admin',
  'connection.save': 'admin',
  'connection.test': 'admin',
  'connection.move': 'admin',
  'connection.createSchema': 'admin',
  'backup.create': 'admin',
  'backup.restore': 'admin',
  'backup.exportBase': 'admin',
  'backup.importBase': 'admin',
  'countries.save': 'admin',
  'countries.importBook': 'admin',
  'forms.save': 'admin',
  'forms.delete': 'admin',
  'forms.saveField': 'admin',
  'forms.deleteField': 'admin',
  'forms.importBook': 'admin',
  'dictionary.importBook': 'admin',
};

export function neededRole(command: string): ClerkRole | null {
  return Object.prototype.hasOwnProperty.call(NEEDED_ROLE, command) ? (NEEDED_ROLE[command] ?? null) : null;
}

function refusal(command: string, detail: ErrorDetail) {
  return {
    ok: false as const,
    error: {
      code: 'FORBIDDEN' as const,
      message: `${command}: ${detail.reason}`,
      reason: detail.reason,
      ...(detail.params ? { params: detail.params } : {}),
    },
  };
}

/** Refuses a command before its handler runs when no one is signed in or the clerk's role is too low. */
export function guardedDispatch(dispatch: Dispatch, session: ClerkSession): Dispatch {
  return async (name, input) => {
    if (!OPEN_COMMANDS.has(name)) {
      const clerk = session.clerk;
      if (!clerk) return refusal(name, { reason: 'signInNeeded' });
      const needed = neededRole(name);
      if (needed && !roleAllows(clerk.role, needed))
        return refusal(name, { reason: 'roleNeeded', params: { role: needed } });
    }
    return dispatch(name, input);
  };
}
