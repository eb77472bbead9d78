import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionFilePath, writeConnectionFile } from '../../electron/backend/connection/connection-file';
import { openChosenBase } from '../../electron/backend/connection/open-chosen';
import { secretWrapperFromKeyFile } from '../../electron/backend/connection/secret-wrapper';
import { KeyStore } from '../../electron/backend/crypto/key-store';
import { fileKeyWrapper } from '../../electron/backend/crypto/key-wrappers';
import type { BackendHost } from '../../electron/backend/crypto/start';
import { ivanov } from '../helpers/fixtures';

/** A port nothing listens on: bound, noted and closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A user-data folder whose Settings chose an office server that is down. */
async function serverDownStart() {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-chosen-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const dbPath = join(dir, 'tourdesk.sqlite');
  const port = await closedPort();
  writeConnectionFile(connectionFilePath(dbPath), {
    kind: 'server',
    server: { host: '127.0.0.1', port, database: 'tourdesk', user: 'clerk', tls: false },
    password: null,
  });
  const options = {
    dbPath,
    appVersion: 'test',
    backupEveryMinutes: null,
    clerk: 'Анна',
    logger: { error: () => undefined },
    secrets: secretWrapperFromKeyFile(fileKeyWrapper(dir)),
  };
  const keys = new KeyStore(dbPath, [fileKeyWrapper(dir)]);
  return { options, keys, port };
}

describe('the office server is down at start', () => {
  it("the clerk who chooses this computer's base gets it for this run; the choice in Settings stays the server", async () => {
    const { options, keys, port } = await serverDownStart();
    const reasons: string[] = [];
    const host: BackendHost = await openChosenBase(options, keys, async (reason) => {
      reasons.push(reason);
      return true;
    });
    cleanups.push(() => host.close());
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain(`127.0.0.1:${port}/tourdesk`);
    const saved = await host.dispatch('clients.save', ivanov());
    expect(saved).toMatchObject({ ok: true });
    const where = await host.dispatch('connection.get', {});
    expect(where).toMatchObject({ ok: true, value: { active: 'local', kind: 'server' } });
  });

  it('the clerk who declines (or a start that cannot ask) stops with the reason, and nothing is opened', async () => {
    const { options, keys } = await serverDownStart();
    await expect(openChosenBase(options, keys, async () => false)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    await expect(openChosenBase(options, keys)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
