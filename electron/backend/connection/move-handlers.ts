import { AppError } from '../../../shared/api/envelope';
import type { MOVE_COMMAND_NAMES } from '../../../shared/api/office-command-names';
import type { ServerSettings } from '../../../shared/api/office-contract';
import type { DatabaseKey } from '../crypto/database-key';
import type { Handlers } from '../dispatch';
import { moveBase } from '../db/move-base';
import { clientConfig } from './test-connection';

type MoveCommand = (typeof MOVE_COMMAND_NAMES)[number];

export interface MoveDeps {
  dbPath: string;
  key: DatabaseKey | null;
  /** Only a base on this computer moves to the server (the command line moves the other way). */
  active: 'local' | 'server';
}

/** "Move this base to the server" from Settings, with the progress the screen polls. */
export function moveHandlers(deps: MoveDeps): Pick<Handlers, MoveCommand> {
  let progress: { copied: number; total: number; table: string } | null = null;
  return {
    'connection.move': async ({
      server,
      password,
    }: {
      server: ServerSettings;
      password?: string | undefined;
    }) => {
      if (deps.active !== 'local')
        throw new AppError('BAD_INPUT', 'the base open now is on the server already');
      if (progress) throw new AppError('BUSY', 'a move is running already');
      progress = { copied: 0, total: 0, table: '' };
      try {
        const report = await moveBase(
          { kind: 'file', path: deps.dbPath, key: deps.key },
          { kind: 'server', connection: clientConfig(server, password) },
          (p) => {
            progress = { copied: p.copiedAll, total: p.totalAll, table: p.table };
          },
        );
        return { tables: report.tables.length, rows: report.rows };
      } finally {
        progress = null;
      }
    },
    'connection.moveProgress': () => progress,
  };
}
