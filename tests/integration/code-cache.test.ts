import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface ChildAnswer {
  result: { value: string; dir: string; resolved: string; joined: string; self: boolean };
  counts: { accepted: number; compiled: number };
}

/** A module that needs what Node gives a CommonJS file: require, its resolve, __dirname, `this`. */
function writeModules(dir: string, value: string): void {
  writeFileSync(
    join(dir, 'entry.js'),
    [
      "const lib = require('./lib.js');",
      'const self = this === module.exports;',
      'exports.run = async () => ({',
      '  value: lib.value(),',
      '  dir: __dirname,',
      "  resolved: require.resolve('./lib.js'),",
      "  joined: await require('./dynamic.js').joined(),",
      '  self,',
      '});',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'lib.js'), `exports.value = () => ${JSON.stringify(value)};\n`);
  // Compiled as usual, never cached: a vm.Script runs import() only through an experimental loader.
  writeFileSync(
    join(dir, 'dynamic.js'),
    "exports.joined = async () => (await import('node:path')).join('a', 'b');\n",
  );
}

/** A temporary folder with the modules (answering 'first') and where their code is to be kept. */
function setUp(): { modules: string; root: string; entry: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-code-cache-'));
  dirs.push(dir);
  const modules = join(dir, 'modules');
  mkdirSync(modules);
  writeModules(modules, 'first');
  return { modules, root: join(dir, 'code-cache'), entry: join(modules, 'entry.js') };
}

function runChild(root: string, version: string, entry: string): ChildAnswer {
  const run = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), join(__dirname, '../helpers/code-cache-child.ts'), root, version, entry],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ChildAnswer;
}

describe('compiled code kept between launches (issue 17: fast start)', () => {
  it('compiles once, then starts from the kept code, in a folder only the user can read', () => {
    const { modules, root, entry } = setUp();

    const first = runChild(root, '1.0.0', entry);
    expect(first.result).toEqual({
      value: 'first',
      dir: modules,
      resolved: join(modules, 'lib.js'),
      joined: join('a', 'b'),
      self: true,
    });
    expect(first.counts).toEqual({ accepted: 0, compiled: 2 });
    const [folder, ...others] = readdirSync(root);
    expect(others).toEqual([]);
    const files = readdirSync(join(root, folder!));
    expect(files).toHaveLength(2);
    if (process.platform !== 'win32') {
      expect(statSync(join(root, folder!)).mode & 0o777).toBe(0o700);
      for (const file of files) expect(statSync(join(root, folder!, file)).mode & 0o777).toBe(0o600);
    }

    const second = runChild(root, '1.0.0', entry);
    expect(second.result.value).toBe('first');
    expect(second.counts).toEqual({ accepted: 2, compiled: 0 });
  }, 90_000);

  it('never runs the code of a changed file, and compiles a damaged cache file again', () => {
    const { modules, root, entry } = setUp();
    runChild(root, '1.0.0', entry);

    // The same length, other code: a cache keyed by the path alone would answer 'first'.
    writeFileSync(join(modules, 'lib.js'), `exports.value = () => ${JSON.stringify('other')};\n`);
    const changed = runChild(root, '1.0.0', entry);
    expect(changed.result.value).toBe('other');
    expect(changed.counts).toEqual({ accepted: 1, compiled: 1 });

    const folder = join(root, readdirSync(root)[0]!);
    for (const file of readdirSync(folder)) writeFileSync(join(folder, file), 'not V8 code');
    const damaged = runChild(root, '1.0.0', entry);
    expect(damaged.result.value).toBe('other');
    expect(damaged.counts).toEqual({ accepted: 0, compiled: 2 });
    expect(runChild(root, '1.0.0', entry).counts).toEqual({ accepted: 2, compiled: 0 });
  }, 90_000);

  it("removes another version's code at the first write", () => {
    const { root, entry } = setUp();
    runChild(root, '1.0.0', entry);
    const before = readdirSync(root);
    const upgraded = runChild(root, '1.1.0', entry);
    expect(upgraded.counts).toEqual({ accepted: 0, compiled: 2 });
    const after = readdirSync(root);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  }, 90_000);
});
