// `npm start`: builds the app, then opens it in Electron, or in browser mode where Electron's
// binary is not installed (offline installs use ELECTRON_SKIP_BINARY_DOWNLOAD=1).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// --no-build starts what `npm run build` made; --browser skips Electron even where it is installed.
const ownFlags = new Set(['--no-build', '--browser']);
const extraArgs = process.argv.slice(2).filter((a) => !ownFlags.has(a));
const flag = (name) => process.argv.slice(2).includes(name);

if (!flag('--no-build')) {
  const build = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)), 'build'],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Found as the electron package records it (path.txt beside dist/): requiring the package would
// try to download a missing binary, which an offline install (ELECTRON_SKIP_BINARY_DOWNLOAD) lacks.
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = flag('--browser') ? null : electronBinary();
const child = electron
  ? spawn(electron, ['.', ...extraArgs], { stdio: 'inherit' })
  : (console.log(
      'The Electron binary is not installed on this machine, so TourDesk starts in browser mode:\n' +
        'the same app and the same database, served on 127.0.0.1 and opened in Chromium/Chrome.\n' +
        'It keeps running until you press Ctrl+C here.',
    ),
    spawn(process.execPath, ['out/main/web.js', ...extraArgs], { stdio: 'inherit' }));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
// Ctrl+C reaches the child too (same process group); forwarding covers a kill aimed at this process.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
