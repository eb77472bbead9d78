import type { App, BrowserWindow } from 'electron';

/**
 * One TourDesk per user: a second start (a double click on the icon while the app runs) hands over
 * to the first, which brings its window to the front, and quits, so two processes never write one
 * base. Returns whether this process is the one that runs.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  mainWindow: () => BrowserWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = mainWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
