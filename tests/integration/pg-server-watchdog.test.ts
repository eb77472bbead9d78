import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('a test PostgreSQL server', () => {
  it('is stopped and its folder removed when the process that started it is killed', async () => {
    // vitest ends a fork by SIGTERM, then SIGKILL: no handler of the fork runs, so the helper's watchdog must.
    // tsx as a loader of this one process (its CLI would run the file in a child of its own).
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/pg-server-child.ts'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const { dataDir } = await new Promise<{ dataDir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { dataDir: string });
      });
      child.on('exit', (code) => reject(new Error(`the server's process ended first (${code})`)));
    });
    const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);
    child.kill('SIGKILL');
    expect(await until(() => !alive(postmaster), 20_000)).toBe(true);
    expect(await until(() => !existsSync(dirname(dataDir)), 5_000)).toBe(true);
  }, 60_000);
});
