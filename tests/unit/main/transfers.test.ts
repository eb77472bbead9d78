import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transferDir } from '../../../electron/backend/backup/transfer-files';
import { registerTransfers, type TransferHost } from '../../../electron/main/transfers';
import type { SenderInfo } from '../../../electron/main/ipc';
import { TRANSFER_CHANNEL, type TransferResult } from '../../../shared/api/transport';
import { ivanov } from '../../helpers/fixtures';
import { createTempBackend, type TempBackend } from '../../helpers/temp-backend';

/**
 * The Electron main process's whole-base transfers on real files: the export the backend wrote is
 * moved to the path the save dialog answered, a chosen file is copied into a new transfer file that
 * `backup.importBase` reads. Only Electron's boundary is faked: ipcMain (a handler table), the
 * dialogs (answers given here) and the sender's frame.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

type Handler = (event: IpcMainInvokeEvent, request: unknown) => Promise<TransferResult>;

interface Shell {
  invoke: (request: unknown) => Promise<TransferResult>;
  /** What the dialogs were asked: the suggested file name of each save, 'open' for each open. */
  asked: string[];
  answers: { save?: string; open?: string };
  sender: SenderInfo;
}

function electronShell(dir: string): Shell {
  let handler: Handler | undefined;
  const ipcMain = {
    handle: (channel: string, fn: Handler) => {
      if (channel === TRANSFER_CHANNEL) handler = fn;
    },
  } as unknown as IpcMain;
  const shell: Shell = {
    asked: [],
    answers: {},
    sender: { url: 'app://app/index.html', isOwnTopFrame: true },
    invoke: (request) => handler!({ sender: {} as WebContents } as IpcMainInvokeEvent, request),
  };
  const host: TransferHost = {
    chooseSavePath: async (_contents, name) => {
      shell.asked.push(name);
      return shell.answers.save;
    },
    chooseOpenPath: async () => {
      shell.asked.push('open');
      return shell.answers.open;
    },
  };
  registerTransfers(ipcMain, dir, host, () => shell.sender);
  expect(handler).toBeDefined();
  return shell;
}

async function backend(): Promise<TempBackend> {
  const t = await createTempBackend();
  cleanup.push(() => t.dispose());
  return t;
}

const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tourdesk-chosen-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const passphrase = 'correct horse battery';
const OTHER_DISK = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
const transfersIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('Electron whole-base transfers', () => {
  it('saves an export where the clerk chose, then opens that file back into the base', async () => {
    const t = await backend();
    await t.call('clients.save', ivanov());
    const dir = transferDir(t.dbPath);
    const shell = electronShell(dir);
    const exported = await t.call('backup.exportBase', { passphrase });
    const bytes = readFileSync(join(dir, `${exported.transfer}.tourdesk`));

    const target = join(folder(), 'base.tourdesk');
    shell.answers.save = target;
    expect(
      await shell.invoke({ kind: 'save', transfer: exported.transfer, fileName: exported.fileName }),
    ).toEqual({
      done: true,
      path: target,
    });
    expect(shell.asked).toEqual([exported.fileName]);
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(transfersIn(dir)).toEqual([]);

    await t.call('clients.save', ivanov({ lastNameRu: 'Позднов', lastNameLat: 'POZDNOV' }));
    // A file brought on a stick is readable by everyone: its transfer copy is private all the same.
    chmodSync(target, 0o644);
    shell.answers.open = target;
    const opened = await shell.invoke({ kind: 'open' });
    expect(opened).toMatchObject({
      done: true,
      path: target,
      transfer: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const copy = join(dir, `${opened.transfer}.tourdesk`);
    expect(readFileSync(copy).equals(bytes)).toBe(true);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(existsSync(target)).toBe(true);
    await t.call('backup.importBase', { transfer: opened.transfer!, passphrase });
    expect((await t.call('clients.list', {})).total).toBe(1);
    expect(transfersIn(dir)).toEqual([]);
  }, 60_000);

  // /dev/shm is a memory file system where it exists: rename(2) answers EXDEV from the temp folder.
  it.runIf(OTHER_DISK)(
    'copies to another disk when a rename cannot move the file there',
    async () => {
      const t = await backend();
      const dir = transferDir(t.dbPath);
      const shell = electronShell(dir);
      const exported = await t.call('backup.exportBase', { passphrase });
      const bytes = readFileSync(join(dir, `${exported.transfer}.tourdesk`));
      const target = join('/dev/shm', `tourdesk-transfer-test-${process.pid}.tourdesk`);
      cleanup.push(() => rmSync(target, { force: true }));
      shell.answers.save = target;
      expect(
        await shell.invoke({ kind: 'save', transfer: exported.transfer, fileName: exported.fileName }),
      ).toEqual({
        done: true,
        path: target,
      });
      expect(readFileSync(target).equals(bytes)).toBe(true);
      expect(transfersIn(dir)).toEqual([]);
    },
    60_000,
  );

  it('removes the export when the clerk cancels, and opens nothing when the open dialog is cancelled', async () => {
    const dir = join(folder(), 'transfers');
    const shell = electronShell(dir);
    const { newTransfer } = await import('../../../electron/backend/backup/transfer-files');
    const waiting = newTransfer(dir);
    writeFileSync(waiting.path, 'an export');
    expect(await shell.invoke({ kind: 'save', transfer: waiting.id, fileName: 'x.tourdesk' })).toEqual({
      done: false,
    });
    expect(existsSync(waiting.path)).toBe(false);
    expect(await shell.invoke({ kind: 'open' })).toEqual({ done: false });
    expect(transfersIn(dir)).toEqual([]);
    expect(shell.asked).toEqual(['x.tourdesk', 'open']);
  });

  it('refuses other pages, unknown transfers and unknown requests without asking the clerk', async () => {
    const dir = join(folder(), 'transfers');
    const shell = electronShell(dir);
    const { newTransfer } = await import('../../../electron/backend/backup/transfer-files');
    const waiting = newTransfer(dir);
    writeFileSync(waiting.path, 'an export');
    const chosen = join(folder(), 'stolen.tourdesk');
    shell.answers = { save: chosen, open: waiting.path };

    shell.sender = { url: 'https://evil.example/', isOwnTopFrame: true };
    expect(await shell.invoke({ kind: 'save', transfer: waiting.id, fileName: 'a.tourdesk' })).toEqual({
      done: false,
    });
    expect(await shell.invoke({ kind: 'open' })).toEqual({ done: false });
    shell.sender = { url: 'app://app/index.html', isOwnTopFrame: false };
    expect(await shell.invoke({ kind: 'open' })).toEqual({ done: false });

    shell.sender = { url: 'app://app/index.html', isOwnTopFrame: true };
    for (const transfer of ['../../etc/passwd', 'ABC', 42, undefined]) {
      expect(await shell.invoke({ kind: 'save', transfer, fileName: 'a.tourdesk' })).toEqual({ done: false });
    }
    expect(await shell.invoke({ kind: 'delete', transfer: waiting.id })).toEqual({ done: false });
    expect(await shell.invoke(null)).toEqual({ done: false });
    expect(shell.asked).toEqual([]);
    expect(existsSync(waiting.path)).toBe(true);
    expect(existsSync(chosen)).toBe(false);
  });

  it('suggests a safe file name: never a path or another extension', async () => {
    const dir = join(folder(), 'transfers');
    const shell = electronShell(dir);
    const { newTransfer } = await import('../../../electron/backend/backup/transfer-files');
    for (const fileName of ['tourdesk-export-20260101-1200.tourdesk', '../../x.tourdesk', 'base.exe', 7]) {
      const waiting = newTransfer(dir);
      writeFileSync(waiting.path, 'an export');
      await shell.invoke({ kind: 'save', transfer: waiting.id, fileName });
    }
    expect(shell.asked).toEqual([
      'tourdesk-export-20260101-1200.tourdesk',
      'tourdesk-export.tourdesk',
      'tourdesk-export.tourdesk',
      'tourdesk-export.tourdesk',
    ]);
  });
});
