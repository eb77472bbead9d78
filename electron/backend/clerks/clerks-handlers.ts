import { AppError } from '../../../shared/api/envelope';
import { roleAllows } from '../../../shared/domain/clerk';
import type { Handlers } from '../dispatch';
import type { ClerksRepository } from './clerks-repository';
import type { ClerkSession } from './session';

type ClerkCommand =
  'clerks.status' | 'clerks.signIn' | 'clerks.signOut' | 'clerks.list' | 'clerks.save' | 'clerks.setPassword';

/** Issue 14's sign-in and clerk management, spread into the backend's one dispatch by index.ts. */
export function clerksHandlers(
  clerks: ClerksRepository,
  session: ClerkSession,
  passwordRequired: boolean,
): Pick<Handlers, ClerkCommand> {
  const signedInClerk = async () => {
    const current = session.clerk;
    if (!current) return null;
    if (current.id === null)
      return { id: 0, name: current.name, role: current.role, active: true, hasPassword: false, version: 0 };
    return clerks.get(current.id);
  };
  return {
    'clerks.status': async () => {
      const count = await clerks.count();
      return {
        signedIn: await signedInClerk(),
        passwordRequired,
        firstStart: count === 0,
        names: passwordRequired ? [] : await clerks.activeNames(),
      };
    },
    'clerks.signIn': async ({ name, password }) => {
      const clerk = await clerks.signIn(name, password);
      session.signIn(clerk);
      return clerk;
    },
    'clerks.signOut': () => {
      session.signOut();
      return {};
    },
    'clerks.list': () => clerks.list(),
    'clerks.save': async (input) => {
      const saved = await clerks.save(input);
      // The signed-in clerk's own new name or role counts from now on (a demoted admin loses the screen).
      if (session.clerk?.id === saved.id) session.signIn(saved);
      return saved;
    },
    'clerks.setPassword': ({ id, password }) => {
      const current = session.clerk;
      if (!current || (current.id !== id && !roleAllows(current.role, 'admin')))
        throw new AppError('FORBIDDEN', "only an administrator sets another clerk's password", undefined, {
          reason: 'roleNeeded',
          params: { role: 'admin' },
        });
      return clerks.setPassword(id, password);
    },
  };
}

/**
 * The clerk an app starts with. A test or tool names one (an administrator, no row written). On one
 * computer, a base without clerks makes the OS account its administrator, and a base whose only
 * active clerk has no password signs them in: one clerk at home never sees a sign-in screen.
 */
export async function startSession(
  clerks: ClerksRepository,
  session: ClerkSession,
  options: { presetName: string | undefined; osName: string; passwordRequired: boolean; readOnly: boolean },
): Promise<void> {
  if (options.presetName !== undefined) {
    session.signIn({ id: null, name: options.presetName, role: 'admin' });
    return;
  }
  if (options.passwordRequired) return;
  const all = await clerks.list();
  if (all.length === 0) {
    if (options.readOnly) session.signIn({ id: null, name: options.osName || 'admin', role: 'admin' });
    else session.signIn(await clerks.signIn(options.osName || 'admin', undefined));
    return;
  }
  const active = all.filter((c) => c.active);
  const only = active[0];
  if (active.length === 1 && only && !only.hasPassword) session.signIn(only);
}
