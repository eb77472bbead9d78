import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackendHost } from '../backend/crypto/start';
import { LIVE_CHANNEL } from '../../shared/api/live-events';
import { acquireLockFile } from '../backend/db/lock-file';
import { ensurePrivateDir } from '../backend/db/private-files';
import { DATABASE_FILE } from '../backend/paths';
import { registerIpc, type SenderInfo } from './ipc';
import { registerPrint } from './print';
import { registerTransfers } from './transfers';
import { transferDir } from '../backend/backup/transfer-files';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { APP_ORIGIN, isAllowedExternalUrl, isAllowedNavigation, isAllowedPermission } from './security';
import { claimSingleInstance } from './single-instance';
import { mainWindowOptions } from './window';
import { openBehindWindow } from './window-first';
import { keepCompiledCode } from '../boot/code-cache';

// The code V8 compiled at the last launch (module.enableCompileCache of Electron's own Node).
keepCompiledCode(join(app.getPath('userData'), 'code-cache'), app.getVersion());

/** The backend's modules, most of the start: loaded after the window is created (open-base.ts). */
const baseOpener = () => import('./open-base');

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const ownWindows = new Set<number>();
let backend: BackendHost | null = null;
let mainWindow: BrowserWindow | null = null;

function installSecurityHandlers(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isAllowedPermission(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => isAllowedPermission(permission));
}

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js'), app.isPackaged));
  mainWindow = window;
  ownWindows.add(window.webContents.id);
  const id = window.webContents.id;
  window.on('closed', () => {
    ownWindows.delete(id);
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

/** Opens the chosen base (this computer's file or the office server), or tells why not and quits. */
async function openBase(userData: string, dbPath: string, release: () => void): Promise<BackendHost | null> {
  try {
    return await (await baseOpener()).openChosenForWindow(userData, dbPath);
  } catch (error) {
    dialog.showErrorBox(
      'TourDesk',
      `The database could not be opened:\n${error instanceof Error ? error.message : String(error)}`,
    );
    release();
    app.exit(1);
    return null;
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  ensurePrivateDir(userData, true);
  const dbPath = join(userData, DATABASE_FILE);
  // Browser mode on the same base holds its lock file; Electron's own lock covers a second app.
  const lock = acquireLockFile(dbPath);
  if (!lock.acquired) {
    dialog.showErrorBox(
      'TourDesk',
      `The database is already open in TourDesk's browser mode${lock.owner ? ` (process ${lock.owner.pid})` : ''}. Close it first, or delete ${lock.path} if it is not running.`,
    );
    app.exit(0);
    return;
  }
  app.on('will-quit', lock.release);
  registerAppProtocol(protocol, join(__dirname, '../renderer'));
  installSecurityHandlers();
  const describeSender = (event: Electron.IpcMainInvokeEvent): SenderInfo => ({
    url: event.senderFrame?.url,
    isOwnTopFrame: ownWindows.has(event.sender.id) && event.senderFrame === event.sender.mainFrame,
  });
  // The window shows at once; its first requests wait for the base opening beside it.
  const opened = await openBehindWindow({
    register: (dispatch) => {
      registerIpc(ipcMain, dispatch, describeSender, devServerUrl);
      registerPrint(
        ipcMain,
        {
          choosePdfPath: async (contents, defaultPath) => {
            const owner = BrowserWindow.fromWebContents(contents);
            const options = { defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
            const result = owner
              ? await dialog.showSaveDialog(owner, options)
              : await dialog.showSaveDialog(options);
            return result.canceled ? undefined : result.filePath;
          },
          writeFile: (path, data) => writeFile(path, data),
        },
        describeSender,
        devServerUrl,
      );
      const ownerOf = (contents: Electron.WebContents) => BrowserWindow.fromWebContents(contents);
      const exportFilter = [{ name: 'TourDesk', extensions: ['tourdesk'] }];
      registerTransfers(
        ipcMain,
        transferDir(dbPath),
        {
          chooseSavePath: async (contents, defaultPath) => {
            const owner = ownerOf(contents);
            const options = { defaultPath, filters: exportFilter };
            const result = owner
              ? await dialog.showSaveDialog(owner, options)
              : await dialog.showSaveDialog(options);
            return result.canceled ? undefined : result.filePath;
          },
          chooseOpenPath: async (contents) => {
            const owner = ownerOf(contents);
            const options = { filters: exportFilter, properties: ['openFile' as const] };
            const result = owner
              ? await dialog.showOpenDialog(owner, options)
              : await dialog.showOpenDialog(options);
            return result.canceled ? undefined : result.filePaths[0];
          },
        },
        describeSender,
        devServerUrl,
      );
    },
    createWindow: createMainWindow,
    openBase: () => openBase(userData, dbPath, lock.release),
  });
  if (!opened) return;
  backend = opened;
  // Other clerks' changes (office server) go to the window; the page reads the rows again itself.
  opened.backend()?.changes.subscribe((event) => mainWindow?.webContents.send(LIVE_CHANNEL, event));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => {
  void backend?.close();
});

if (claimSingleInstance(app, () => mainWindow)) void start();
