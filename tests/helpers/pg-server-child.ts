import { startPgServer } from './pg-server';

/** A process that starts a test server and never stops it: pg-server-watchdog.test.ts kills it. */
void startPgServer().then((server) => {
  process.stdout.write(`${JSON.stringify({ dataDir: server.dataDir })}\n`);
  setInterval(() => undefined, 60_000);
});
