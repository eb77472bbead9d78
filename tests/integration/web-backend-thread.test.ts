import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { baseOnThread } from '../../electron/web/backend-in-worker';
import type { BackendWorkerData } from '../../electron/web/backend-worker-protocol';
import { openBrowserModeBase, type BrowserModeBase } from '../../electron/web/open-backend';
import { ivanov } from '../helpers/fixtures';

/**
 * Browser mode's base opens and answers on a backend thread of its own (issue 17: the server's
 * thread serves the page meanwhile): the same answers as in-process, its failures with the
 * backend's own message, and a thread that dies answers UNAVAILABLE instead of leaving commands
 * waiting.
 */
// Tests run before the build: the thread runs the TypeScript source through tsx.
const SCRIPT = resolve(__dirname, '../../electron/web/backend-worker-source.mjs');
const dirs: string[] = [];
const open: BrowserModeBase[] = [];

afterEach(async () => {
  for (const base of open.splice(0)) await base.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-thread-'));
  dirs.push(dir);
  return dir;
}

function thread(dbPath: string): Worker {
  const data: BackendWorkerData = { dbPath, appVersion: '0.0.0-test', terminal: false };
  return new Worker(SCRIPT, { workerData: data });
}

async function openOnThread(dbPath: string, onCrash: (error: Error) => void = () => undefined) {
  const worker = thread(dbPath);
  const base = await baseOnThread(worker, onCrash);
  open.push(base);
  return { base, worker };
}

describe('browser mode base on a backend thread', () => {
  it('opens a new encrypted base, answers commands, and keeps what was saved for the next start', async () => {
    const dbPath = join(newDir(), 'base.sqlite');
    const { base } = await openOnThread(dbPath);
    const saved = await base.dispatch('clients.save', ivanov());
    expect(saved.ok).toBe(true);
    const listed = await base.dispatch('clients.list', { limit: 100, count: true });
    expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ lastNameRu: 'Иванов' }] } });
    // A refusal is the backend's envelope, not a thrown error.
    expect(await base.dispatch('clients.get', { id: 999 })).toMatchObject({ ok: false });
    await base.close();
    open.length = 0;

    const again = await openOnThread(dbPath);
    expect(await again.base.dispatch('clients.list', { limit: 100, count: true })).toMatchObject({
      ok: true,
      value: { total: 1 },
    });
  });

  it('rejects with the message the backend gives in-process when the base cannot be opened', async () => {
    const dbPath = join(newDir(), 'base.sqlite');
    // A plain base from a newer version: refused before anything touches it.
    const newer = new Database(dbPath);
    newer.pragma('user_version = 9999');
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.close();
    const inProcess = await openBrowserModeBase({ dbPath, appVersion: '0.0.0-test' }).then(
      () => 'opened',
      (error: Error) => error.message,
    );
    expect(inProcess).toContain('newer version');
    const onThread = await baseOnThread(thread(dbPath), () => undefined).then(
      () => 'opened',
      (error: Error) => error.message,
    );
    expect(onThread).toBe(inProcess);
  });

  it('answers UNAVAILABLE to waiting and later commands when the thread dies, and says so', async () => {
    const crashes: Error[] = [];
    const { base, worker } = await openOnThread(join(newDir(), 'base.sqlite'), (error) =>
      crashes.push(error),
    );
    const waiting = base.dispatch('clients.list', { limit: 100, count: true });
    await worker.terminate();
    const answer = await waiting;
    // Answered before the thread stopped, or refused: never left waiting.
    if (!answer.ok) expect(answer.error.code).toBe('UNAVAILABLE');
    expect(crashes).toHaveLength(1);
    expect(await base.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
