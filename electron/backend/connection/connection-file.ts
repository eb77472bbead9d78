import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  connectionKindSchema,
  serverSettingsSchema,
  type ServerSettings,
} from '../../../shared/api/office-contract';
import { createPrivateFile, makePrivate } from '../db/private-files';
import type { SecretWrapper } from './secret-wrapper';
import { schemaOnce } from '../../../shared/domain/schema-once';

export const CONNECTION_FILE = 'tourdesk-connection.json';

const stored = schemaOnce(() =>
  z.object({
    kind: connectionKindSchema(),
    server: serverSettingsSchema().nullable(),
    /** The password as the secret wrapper left it; never plain text. */
    password: z.object({ storage: z.enum(['os', 'file']), wrapped: z.string() }).nullable(),
  }),
);
export type StoredConnection = z.infer<ReturnType<typeof stored>>;

/** Where the base is chosen: beside the SQLite base in the user-data folder, since it must be read before any base opens. */
export function connectionFilePath(dbPath: string): string {
  return join(dirname(dbPath), CONNECTION_FILE);
}

const LOCAL: StoredConnection = { kind: 'local', server: null, password: null };

export function readConnectionFile(path: string): StoredConnection {
  if (!existsSync(path)) return LOCAL;
  const parsed = stored().safeParse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`${path} is not a TourDesk connection file`);
  return parsed.data;
}

/** Written whole to a private temp file, then renamed over the old one, so a crash never leaves half a file. */
export function writeConnectionFile(path: string, value: StoredConnection): void {
  const temp = `${path}.${process.pid}.tmp`;
  if (!existsSync(temp)) createPrivateFile(temp);
  writeFileSync(temp, JSON.stringify(value, null, 2));
  renameSync(temp, path);
  makePrivate(path);
}

/** What the next start connects to: the server's settings with the password unwrapped, or the local file. */
export async function readConnection(
  path: string,
  secrets: SecretWrapper,
): Promise<{ kind: 'local' } | { kind: 'server'; server: ServerSettings; password: string | null }> {
  const value = readConnectionFile(path);
  if (value.kind === 'local' || !value.server) return { kind: 'local' };
  const password = value.password ? await secrets.unwrap(value.password.wrapped) : null;
  return { kind: 'server', server: value.server, password };
}
