import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { acquireLockFile } from '../../electron/backend/db/lock-file';
import { emptyClientInput } from '../../shared/domain/client';

const tsx = require.resolve('tsx/cli');
const worker = join(__dirname, '../helpers/backend-worker.ts');
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'tourdesk-writer-')), 'tourdesk.sqlite');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function backendOn(dbPath: string, busyTimeoutMs?: number): Promise<Backend> {
  const backend = await createBackend({
    dbPath,
    logger: { error: () => undefined },
    backupEveryMinutes: null,
    ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
  });
  cleanups.push(() => backend.close());
  return backend;
}

const newClient = (lastNameRu: string) => ({ ...emptyClientInput(), lastNameRu, documents: [] });

describe('one writer at a time', () => {
  it('answers BUSY, not INTERNAL, when another program holds the base past the timeout', async () => {
    const dbPath = tempDb();
    const backend = await backendOn(dbPath, 300);
    const other = new Database(dbPath);
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');

    const started = Date.now();
    const answer = await backend.dispatch('clients.save', newClient('Занятая'));
    expect(answer).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    // It waited for the other program first: the busy timeout applied.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);

    other.exec('COMMIT');
    expect(await backend.dispatch('clients.save', newClient('Занятая'))).toMatchObject({ ok: true });
  });

  it('two processes writing one file for seconds (saves and import commits): no INTERNAL, no lost write', async () => {
    const dbPath = tempDb();
    // The file is made once, so the two workers do not race to create it.
    await (await backendOn(dbPath)).close();
    cleanups.pop();
    const run = (tag: string) =>
      new Promise<{ counts: Record<string, number>; clients: number; err: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [tsx, worker, 'write', dbPath, '5', tag], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) =>
          code === 0
            ? resolve({ ...(JSON.parse(out) as object), err } as never)
            : reject(new Error(`worker ${tag}: ${err}`)),
        );
      });
    const [a, b] = await Promise.all([run('А'), run('Б')]);
    const answers = { ...a.counts };
    for (const [key, n] of Object.entries(b.counts)) answers[key] = (answers[key] ?? 0) + n;
    const failures = Object.keys(answers).filter((key) => !key.endsWith(':ok'));
    expect(failures, `${a.err}\n${b.err}`).toEqual([]);
    expect(answers['save:ok']).toBeGreaterThan(20);
    expect(answers['commit:ok']).toBeGreaterThan(5);
    const check = new Database(dbPath, { readonly: true });
    cleanups.push(() => check.close());
    expect(check.prepare('SELECT count(*) AS n FROM clients').get()).toEqual({ n: a.clients + b.clients });
  }, 60_000);
});

describe('import commits with an idempotency key', () => {
  const rows = [
    { draft: { lastNameRu: 'Ключева', firstNameRu: 'Анна' }, action: 'create' as const, clientId: null },
    { draft: { lastNameRu: 'Ключев', firstNameRu: 'Олег' }, action: 'create' as const, clientId: null },
  ];

  it('a commit whose reply was lost, retried with the same key, writes once and answers the first result', async () => {
    const backend = await backendOn(tempDb());
    const count = async () => {
      const listed = await backend.dispatch('clients.list', { search: 'Ключев' });
      return listed.ok ? (listed.value as { total: number }).total : -1;
    };
    // The first reply never reaches the clerk (a crash of the window, a dropped connection).
    const lost = await backend.dispatch('import.commit', { tourId: null, rows, idempotencyKey: 'load-1' });
    expect(lost.ok).toBe(true);
    const retried = await backend.dispatch('import.commit', { tourId: null, rows, idempotencyKey: 'load-1' });
    expect(retried).toEqual(lost);
    expect(await count()).toBe(2);
    const undo = await backend.dispatch('undo.list', { limit: 10 });
    expect(undo.ok && (undo.value as unknown[]).length).toBe(1);

    // Another Load click is another key: the rows are loaded again, as asked.
    const again = await backend.dispatch('import.commit', { tourId: null, rows, idempotencyKey: 'load-2' });
    expect(again.ok && again.value).toMatchObject({ clientsCreated: 2 });
    expect(await count()).toBe(4);
  });
});

describe('browser mode on one base', () => {
  it('a lock file beside the base: a second holder is refused, a dead holder is taken over, release removes it', () => {
    const dbPath = tempDb();
    const first = acquireLockFile(dbPath);
    expect(first.acquired).toBe(true);
    expect(readFileSync(`${dbPath}.lock`, 'utf8').trim()).toBe(`${process.pid} ${hostname()}`);
    const second = acquireLockFile(dbPath);
    expect(second).toMatchObject({ acquired: false, owner: { pid: process.pid, host: hostname() } });
    if (first.acquired) first.release();
    expect(existsSync(`${dbPath}.lock`)).toBe(false);

    // A lock left by a process that is gone (kill -9, a power cut).
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(`${dbPath}.lock`, `${dead.stdout} ${hostname()}\n`);
    const takeover = acquireLockFile(dbPath);
    expect(takeover.acquired).toBe(true);
    expect(readFileSync(`${dbPath}.lock`, 'utf8').trim()).toBe(`${process.pid} ${hostname()}`);
    if (takeover.acquired) takeover.release();

    // A lock written on another computer (a base on a share) is never judged from here.
    writeFileSync(`${dbPath}.lock`, `1 elsewhere.example\n`);
    expect(acquireLockFile(dbPath)).toMatchObject({
      acquired: false,
      owner: { pid: 1, host: 'elsewhere.example' },
    });
  });

  it('a second browser-mode start on the same file says so and exits without touching the base', async () => {
    const dbPath = tempDb();
    // tsx as a loader, not as its CLI, so the pid is the app's own.
    const args = [
      '--import',
      'tsx',
      join(__dirname, '../../electron/web/cli.ts'),
      '--db',
      dbPath,
      '--no-open',
    ];
    const first = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    cleanups.push(() => first.kill('SIGTERM'));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      first.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // The server listens before its base opens: the base's bytes are taken once it is open.
        if (out.includes('Database open.')) resolve();
      });
      first.on('exit', (code) => reject(new Error(`the first start ended (${code})`)));
    });
    const before = readFileSync(dbPath);

    const second = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000, input: '' });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`TourDesk is already running on ${dbPath} (process ${first.pid}`);
    expect(readFileSync(dbPath).equals(before)).toBe(true);

    const exited = new Promise<void>((resolve) => first.on('exit', () => resolve()));
    first.kill('SIGTERM');
    await exited;
    expect(existsSync(`${dbPath}.lock`)).toBe(false);
  }, 60_000);
});
