import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend';
import { defaultDatabasePath, defaultUserDataDir } from '../backend/paths';
import { findChromium, openAppWindow } from './open-browser';
import { defaultStaticDir, startWebServer } from './server';

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Browser mode: `node out/main/web.js [--db FILE] [--port N] [--token T] [--no-open]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      static: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
  });
  const dbPath = values.db ?? defaultDatabasePath();
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const backend = await createBackend({ dbPath, appVersion: appVersion() });
  const server = await startWebServer({
    dispatch: backend.dispatch,
    staticDir: values.static ?? defaultStaticDir(__dirname),
    token: values.token ?? randomBytes(24).toString('hex'),
    port: Number(values.port),
  });
  console.log(`TourDesk browser mode: ${server.url}`);
  console.log(`Database: ${dbPath}`);

  const shutdown = async () => {
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  if (values['no-open']) return;
  const browser = findChromium();
  if (!browser) {
    console.log('No Chromium or Chrome found: open the address above in your browser. Press Ctrl+C to stop.');
    return;
  }
  const child = openAppWindow(browser, server.url, join(defaultUserDataDir(), 'browser-profile'));
  child.on('exit', () => void shutdown());
  child.on('error', () =>
    console.log('Could not start the browser: open the address above. Press Ctrl+C to stop.'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
