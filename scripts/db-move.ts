import { dirname, resolve } from 'node:path';
import { AppError } from '../shared/api/envelope';
import { KeyStore } from '../electron/backend/crypto/key-store';
import { fileKeyWrapper } from '../electron/backend/crypto/key-wrappers';
import { moveBase, type BaseLocation, type MoveProgress } from '../electron/backend/db/move-base';

/**
 * `npm run db:move -- --from FILE --to postgres://user@host:5432/db` (and back: --from postgres://…
 * --to NEW_FILE). Copies a whole base in one transaction on the target and checks every table's row
 * count and checksum before it commits. The target must be empty (a new file, an empty database).
 * A file's key is the browser mode's key file beside it (a new file gets a new one); a password in
 * the URL is never printed.
 */
function argument(name: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  if (!value) {
    console.error('usage: npm run db:move -- --from FILE|postgres://… --to postgres://…|NEW_FILE');
    process.exit(2);
  }
  return value;
}

const isServer = (where: string) => /^postgres(ql)?:\/\//.test(where);

async function location(where: string, create: boolean): Promise<BaseLocation> {
  if (isServer(where)) return { kind: 'server', connection: { connectionString: where } };
  const path = resolve(where);
  const keys = await new KeyStore(path, [fileKeyWrapper(dirname(path))]).open();
  if (keys.kind === 'locked') {
    throw new Error(
      `${path} is encrypted with a key this command cannot unwrap (the desktop app's OS key store holds it): export the base in the app first or move it from browser mode's folder`,
    );
  }
  if (create && keys.recoveryPending) {
    console.log(`A new key was made for ${path}; the app shows its recovery key at the first start.`);
  }
  return { kind: 'file', path, key: keys.key };
}

const safe = (where: string) => where.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

async function main(): Promise<void> {
  const from = argument('from');
  const to = argument('to');
  console.log(`Moving ${safe(from)} → ${safe(to)}`);
  let lastTable = '';
  let lastPercent = -1;
  const progress = (p: MoveProgress) => {
    const percent = p.totalAll === 0 ? 100 : Math.floor((p.copiedAll * 100) / p.totalAll);
    if (p.table !== lastTable || percent !== lastPercent) {
      process.stdout.write(`\r${String(percent).padStart(3)}%  ${p.table} ${p.copied}/${p.total}`.padEnd(60));
      lastTable = p.table;
      lastPercent = percent;
    }
  };
  const started = Date.now();
  const report = await moveBase(await location(from, false), await location(to, true), progress);
  process.stdout.write('\n');
  for (const t of report.tables.filter((c) => c.rows > 0)) {
    console.log(
      `  ${t.table.padEnd(28)} ${String(t.rows).padStart(9)} rows  sha256 ${t.checksum.slice(0, 16)}…`,
    );
  }
  console.log(
    `Moved ${report.rows} rows of ${report.tables.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s; every table's count and checksum match.`,
  );
}

main().catch((error: unknown) => {
  process.stdout.write('\n');
  console.error(
    `db:move failed: ${error instanceof AppError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
