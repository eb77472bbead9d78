import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../electron/main/protocol';
import {
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedPermission,
} from '../../../electron/main/security';
import { mainWindowOptions } from '../../../electron/main/window';
import { isTrustedSender } from '../../../electron/main/ipc';

describe('Electron shell decisions', () => {
  it('hardens every window', () => {
    const prefs = mainWindowOptions('/app/preload.js', true).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('lets the window navigate only within the app', () => {
    expect(isAllowedNavigation('app://app/index.html')).toBe(true);
    expect(isAllowedNavigation('app://evil/index.html')).toBe(false);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/x', 'http://127.0.0.1:5173')).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('not a url')).toBe(false);
  });

  it('opens only https and mailto links outside, never with credentials', () => {
    expect(isAllowedExternalUrl('https://www.example.com/visa')).toBe(true);
    expect(isAllowedExternalUrl('mailto:client@example.ru')).toBe(true);
    expect(isAllowedExternalUrl('http://example.com')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pass@example.com')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });

  it('grants no permission but clipboard writing', () => {
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      expect(isAllowedPermission(p)).toBe(false);
    }
  });

  it('serves app:// only from inside the renderer folder', () => {
    expect(resolveAppRequest('/srv/renderer', 'app://app/')).toBe('/srv/renderer/index.html');
    expect(resolveAppRequest('/srv/renderer', 'app://app/assets/a.js')).toBe('/srv/renderer/assets/a.js');
    expect(resolveAppRequest('/srv/renderer', 'app://app/../../etc/passwd')).toBe('/srv/renderer/etc/passwd');
    expect(resolveAppRequest('/srv/renderer', 'app://app/%2e%2e/%2e%2e/etc/passwd')).toBe(
      '/srv/renderer/etc/passwd',
    );
    expect(resolveAppRequest('/srv/renderer', 'app://app/..%2f..%2fetc%2fpasswd')).toBe(
      '/srv/renderer/etc/passwd',
    );
    expect(resolveAppRequest('/srv/renderer', 'app://app/%E0%A4%A')).toBeNull();
    expect(resolveAppRequest('/srv/renderer', 'app://other/index.html')).toBeNull();
  });

  it('trusts only the top frame of its own window showing the app', () => {
    expect(isTrustedSender({ url: 'app://app/index.html', isOwnTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://app/index.html', isOwnTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isOwnTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isOwnTopFrame: true })).toBe(false);
  });
});
