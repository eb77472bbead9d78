import type { ChangeEvent } from './live-events';

/** The single IPC channel between preload and main; every command travels on it. */
export const IPC_CHANNEL = 'tourdesk:invoke';

/** The channel on which the page asks the shell to print itself (R14). */
export const PRINT_CHANNEL = 'tourdesk:print';

export type PrintTarget = 'pdf' | 'printer';
export interface PrintResult {
  /** False when the clerk cancelled the save or print dialog. */
  done: boolean;
  /** Where the PDF was written. */
  path?: string;
}

/** The channel on which the page asks the shell to save or pick a whole-base export (issue 11). */
export const TRANSFER_CHANNEL = 'tourdesk:transfer';

export type TransferRequest = { kind: 'save'; transfer: string; fileName: string } | { kind: 'open' };
export interface TransferResult {
  /** False when the clerk cancelled the dialog. */
  done: boolean;
  /** Where the file was saved, or which file was chosen. */
  path?: string;
  /** For `open`: the transfer file `backup.importBase` reads. */
  transfer?: string;
}

/** What the preload script exposes as window.api, and what browser mode imitates over HTTP. */
export interface WindowApi {
  invoke: (name: string, input: unknown) => Promise<unknown>;
  /** Prints the page (its print stylesheet) to a PDF file the clerk chooses, or to a printer. */
  print: (target: PrintTarget, suggestedName: string) => Promise<PrintResult>;
  /** Saves an export's transfer file where the clerk chooses, or copies a chosen export in. */
  transfer: (request: TransferRequest) => Promise<TransferResult>;
  /** Other clerks' changes of an office server base (issue 14); answers the unsubscribe. */
  onChange: (listener: (event: ChangeEvent) => void) => () => void;
  shell: 'electron';
}
