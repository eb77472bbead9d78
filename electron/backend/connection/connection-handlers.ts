import { AppError } from '../../../shared/api/envelope';
import type { CONNECTION_COMMAND_NAMES } from '../../../shared/api/office-command-names';
import type { Handlers } from '../dispatch';
import { readConnectionFile, writeConnectionFile } from './connection-file';
import type { SecretWrapper } from './secret-wrapper';
import { createSchema, testConnection } from './test-connection';

type ConnectionCommand = (typeof CONNECTION_COMMAND_NAMES)[number];

export interface ConnectionDeps {
  /** The connection file (connection-file.ts), read before a base opens. */
  path: string;
  secrets: SecretWrapper;
  /** What this run has open. */
  active: 'local' | 'server';
}

/** Settings' choice of the base: this computer's file or the office server, taking effect at the next start. */
export function connectionHandlers(deps: ConnectionDeps): Pick<Handlers, ConnectionCommand> {
  const savedPassword = async (): Promise<string | undefined> => {
    const stored = readConnectionFile(deps.path).password;
    return stored ? deps.secrets.unwrap(stored.wrapped) : undefined;
  };
  return {
    'connection.get': () => {
      const stored = readConnectionFile(deps.path);
      return {
        kind: stored.kind,
        active: deps.active,
        server: stored.server,
        passwordSaved: stored.password !== null,
        passwordStorage: deps.secrets.kind,
      };
    },
    'connection.save': async ({ kind, server, password }) => {
      const before = readConnectionFile(deps.path);
      if (kind === 'server' && !server && !before.server)
        throw new AppError('BAD_INPUT', 'the office server needs its address');
      const wrapped =
        password === undefined
          ? before.password
          : password === ''
            ? null
            : { storage: deps.secrets.kind, wrapped: await deps.secrets.wrap(password) };
      writeConnectionFile(deps.path, { kind, server: server ?? before.server, password: wrapped });
      return { restartNeeded: kind !== deps.active || kind === 'server' };
    },
    'connection.test': async ({ server, password }) =>
      testConnection(server, password ?? (await savedPassword())),
    'connection.createSchema': async ({ server, password }) =>
      createSchema(server, password ?? (await savedPassword())),
  };
}
