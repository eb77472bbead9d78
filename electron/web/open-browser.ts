import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BROWSER_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];

/** The system Chromium or Chrome: CHROMIUM_PATH when set, otherwise the first one found on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of BROWSER_COMMANDS) {
    for (const dir of dirs) {
      const candidate = join(dir, command);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** Opens the app in a window of its own (app mode), with a profile kept beside the database. */
export function openAppWindow(browser: string, url: string, profileDir: string): ChildProcess {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--window-size=1400,900',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return spawn(browser, args, { stdio: 'ignore' });
}

/**
 * A page, readable by this user only, that sends the browser on to the sign-in address. The browser
 * gets the file's address on its command line, which other local accounts can read (ps): the
 * one-time code must not be there.
 */
export function writeLaunchPage(signInUrl: string): { url: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-launch-')); // 0700
  const file = join(dir, 'open.html');
  const target = JSON.stringify(signInUrl).replace(/</g, '\\u003c');
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><script>location.replace(${target});</script>`, {
    mode: 0o600,
  });
  return { url: pathToFileURL(file).href, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
