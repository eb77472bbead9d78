import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'TourDesk';
export const DATABASE_FILE = 'tourdesk.sqlite';

/**
 * The folder Electron's app.getPath('userData') points to for this app, computed without Electron,
 * so browser mode and the demo command use the very same database file as the desktop app.
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDatabasePath(): string {
  return join(defaultUserDataDir(), DATABASE_FILE);
}
