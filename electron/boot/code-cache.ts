import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { ensurePrivateDir } from '../backend/db/private-files';

/**
 * V8's compiled code for the app's scripts, kept between launches (issue 17: fast start). Compiling
 * the backend's bundle (and the functions its start calls) was a fifth of launch to first answer;
 * with the code V8 made at the previous launch, a start only checks and deserialises it.
 *
 * Node 22.1 and later (Electron's own Node) has this built in (`module.enableCompileCache`); Node
 * 20, which runs browser mode, has not, so there every CommonJS file is compiled through `vm.Script`
 * with the cached data.
 * That data is produced after the start has run, so it also holds the functions compiled lazily
 * while the app started, which the built-in cache (made at compile time) does not.
 *
 * The folder is inside the user-data folder (0700) and each file is 0600: code another account
 * could write would run in the app. A file is found by the hash of the script's path and text, and
 * V8 itself refuses data made by another V8 or with other flags; a refused or unreadable file is
 * compiled as usual and written again.
 */
export interface CodeCache {
  /** Writes the code of the scripts compiled without usable data since the last flush. */
  flush(): void;
  /** Scripts that started from kept code, and those compiled from their text (this process). */
  counts(): { accepted: number; compiled: number };
}

interface NodeModuleInternals {
  _compile(this: ModuleInstance, content: string, filename: string, format?: string): unknown;
}
interface ModuleInstance {
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleStatics {
  prototype: NodeModuleInternals;
  wrap(script: string): string;
  _resolveFilename(request: string, parent: ModuleInstance, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: ModuleInstance): string[] | null;
  _cache: unknown;
  _extensions: unknown;
  enableCompileCache?: (dir: string) => unknown;
  flushCompileCache?: () => void;
}

/** The start is over by then: the code written holds what the first screen compiled. */
const FLUSH_AFTER_START_MS = 10_000;

/**
 * Installs the cache for the scripts loaded from now on and writes their code once the start is
 * over, and at exit the code of scripts loaded later (the spreadsheet library at a first import).
 */
export function keepCompiledCode(root: string, version: string): CodeCache {
  const cache = installCodeCache(root, version);
  setTimeout(() => cache.flush(), FLUSH_AFTER_START_MS).unref();
  process.on('exit', () => cache.flush());
  return cache;
}

/**
 * Keeps compiled code under `root/<version>-<V8 version>`; the folders of other versions are removed
 * at the first flush. Nothing is cached when the folder cannot be made (a read-only profile): the app
 * starts as before.
 */
export function installCodeCache(root: string, version: string): CodeCache {
  const statics = Module as unknown as ModuleStatics;
  const folderName = `${version}-${process.versions.v8}`.replace(/[^\w.-]/g, '_');
  const folder = join(root, folderName);
  try {
    ensurePrivateDir(folder, true);
  } catch {
    return { flush: () => undefined, counts: () => ({ accepted: 0, compiled: 0 }) };
  }
  if (typeof statics.enableCompileCache === 'function') {
    statics.enableCompileCache(folder);
    return {
      flush: () => {
        statics.flushCompileCache?.();
        removeOtherVersions(root, folderName);
      },
      counts: () => ({ accepted: 0, compiled: 0 }),
    };
  }
  return installScriptCache(statics, root, folderName);
}

function installScriptCache(statics: ModuleStatics, root: string, folderName: string): CodeCache {
  const folder = join(root, folderName);
  const original = statics.prototype._compile;
  const toWrite = new Map<string, Script>();
  let accepted = 0;
  let compiled = 0;
  let pruned = false;

  statics.prototype._compile = function compileWithCache(
    this: ModuleInstance,
    content: string,
    filename: string,
    format?: string,
  ) {
    // As usual: ES modules loaded by require(), a file starting with #! (not valid once wrapped), and
    // one with import(), which a vm.Script runs only through an experimental loader that warns.
    if (
      (format !== undefined && format !== 'commonjs') ||
      content.startsWith('#!') ||
      content.includes('import(')
    ) {
      return original.call(this, content, filename, format);
    }
    const file = join(
      folder,
      createHash('sha256').update(filename).update('\0').update(content).digest('hex'),
    );
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(statics.wrap(content), { filename, cachedData });
    if (cachedData && !script.cachedDataRejected) accepted++;
    else {
      compiled++;
      toWrite.set(file, script);
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(
      this.exports,
      this.exports,
      requireFor(statics, this),
      this,
      filename,
      dirname(filename),
    );
  };

  return {
    flush() {
      for (const [file, script] of toWrite) {
        try {
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
          renameSync(temporary, file);
        } catch {
          // A full disk or a folder removed meanwhile: the next start compiles this file again.
        }
      }
      toWrite.clear();
      if (!pruned) {
        pruned = true;
        removeOtherVersions(root, folderName);
      }
    },
    counts: () => ({ accepted, compiled }),
  };
}

/** The `require` a CommonJS module gets, as Node makes it. */
function requireFor(statics: ModuleStatics, module: ModuleInstance): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) =>
    statics._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => statics._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.cache = statics._cache as NodeJS.Require['cache'];
  require.extensions = statics._extensions as NodeJS.Require['extensions'];
  return require;
}

function removeOtherVersions(root: string, keep: string): void {
  try {
    for (const name of readdirSync(root)) {
      if (name !== keep) rmSync(join(root, name), { recursive: true, force: true });
    }
  } catch {
    // Nothing to prune.
  }
}
