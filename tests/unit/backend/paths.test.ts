import { describe, expect, it } from 'vitest';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultUserDataDir } from '../../../electron/backend/paths';

describe('the user-data folder, as Electron names it', () => {
  it('follows each platform', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/TourDesk');
    expect(defaultUserDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'TourDesk'));
    expect(defaultUserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'TourDesk'),
    );
    expect(defaultUserDataDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'TourDesk'),
    );
  });
});
