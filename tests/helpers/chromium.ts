import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one CHROMIUM_PATH names. Playwright never downloads a browser here. */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/** The command-line switches of every end-to-end Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--no-first-run',
  // Headless print preview never closes: after the app's own window.print() the page would stay
  // "being printed" and refuse page.pdf(). Without preview, print() runs (beforeprint, afterprint)
  // and returns, as it does for a clerk who closes the print dialog.
  '--disable-print-preview',
];
