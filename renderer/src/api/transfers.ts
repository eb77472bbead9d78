import { ApiCallError } from './client';

/**
 * Whole-base exports and imports as files, never through a command (issue 11): Electron's main
 * process saves or picks the file itself; browser mode streams it through /transfer.
 */

/** Saves an export's transfer file: Electron's save dialog, or the browser's download. */
export async function saveTransfer(transfer: string, fileName: string): Promise<boolean> {
  if (window.api) {
    return (await window.api.transfer({ kind: 'save', transfer, fileName })).done;
  }
  const link = document.createElement('a');
  link.href = `/transfer/${encodeURIComponent(transfer)}?name=${encodeURIComponent(fileName)}`;
  link.download = fileName;
  link.click();
  return true;
}

/** Electron: the open dialog, the chosen file copied in as a transfer; null when cancelled. */
export async function chooseTransfer(): Promise<{ transfer: string; name: string } | null> {
  if (!window.api) return null;
  const chosen = await window.api.transfer({ kind: 'open' });
  if (!chosen.done || !chosen.transfer) return null;
  return { transfer: chosen.transfer, name: (chosen.path ?? '').split(/[\\/]/).pop() ?? '' };
}

/** Browser mode: the file the clerk picked, streamed to the app as a transfer. */
export async function uploadTransfer(file: File): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/transfer', { method: 'POST', credentials: 'same-origin', body: file });
  } catch {
    throw new ApiCallError({ code: 'UNAVAILABLE', message: 'the app server does not answer' });
  }
  const envelope = (await response.json()) as
    | { ok: true; value: { transfer: string } }
    | { ok: false; error: { code: 'UNAVAILABLE'; message: string } };
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.value.transfer;
}
