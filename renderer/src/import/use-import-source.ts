import { useCallback, useEffect, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { exceedsLimits, limitTable, readRawClipboardTable } from '../../../shared/import';
import { ApiCallError, call } from '../api/client';
import { describeError } from '../ui/errors';
import { fileToBase64 } from '../ui/files';
import { useToast } from '../ui/toasts';
import { fileProblem } from './import-errors';
import type { ScreenAction } from './import-reducer';
import { initialState } from './import-state';
import { readRemembered } from './mapping-settings';

const MAX_PASTE_CHARS = 20_000_000;

export interface Sheets {
  fileName: string;
  base64: string;
  names: string[];
  current: string;
}

interface SourceOptions {
  dispatch: Dispatch<ScreenAction>;
  /** The banner above the grid (null: none). */
  setMessage: (message: string | null) => void;
  fail: (error: unknown) => void;
}

/**
 * Where a list comes from: a paste anywhere on the screen, a file (opened, dropped, or another of
 * its sheets), or a table made elsewhere (another tour). Each becomes a fresh doc with the hand
 * mappings remembered for its headers.
 */
export function useImportSource({ dispatch, setMessage, fail }: SourceOptions) {
  const { t } = useTranslation();
  const toast = useToast();
  const [sheets, setSheets] = useState<Sheets | null>(null);
  const [reading, setReading] = useState<{ name: string; size: number; percent: number | null } | null>(null);

  const load = useCallback(
    async (raw: string[][]) => {
      const cut = exceedsLimits(raw);
      const grid = limitTable(raw);
      if (grid.length === 0 || grid.every((r) => r.every((c) => c === ''))) {
        setMessage(t('import.empty'));
        return;
      }
      let doc = initialState(grid);
      const headers = doc.headers ?? undefined;
      let message: string | null = null;
      if (headers) {
        try {
          const remembered = await readRemembered(headers);
          if (remembered.length > 0) {
            doc = initialState(grid, remembered);
            message = t('import.remembered');
          }
        } catch (e) {
          toast({ kind: 'error', message: t('import.mappingNotRead', { reason: describeError(t, e) }) });
        }
      }
      setMessage(cut ? t('import.tooLarge') : message);
      dispatch({ type: 'loaded', doc });
    },
    [dispatch, setMessage, t, toast],
  );

  // A real paste event carries text/html and text/plain; the HTML keeps Excel's and Word's cells exact.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const html = e.clipboardData?.getData('text/html') ?? '';
      const text = e.clipboardData?.getData('text/plain') ?? '';
      e.preventDefault();
      if (html.length + text.length > MAX_PASTE_CHARS) {
        setMessage(t('import.tooLarge'));
        return;
      }
      void load(readRawClipboardTable({ html, text }));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [load, setMessage, t]);

  const readFile = async (fileName: string, base64: string, sheet?: string) => {
    try {
      const result = await call('import.readFile', { fileName, base64, ...(sheet ? { sheet } : {}) });
      setSheets(
        result.sheets.length > 1 ? { fileName, base64, names: result.sheets, current: result.sheet } : null,
      );
      await load(result.rows);
    } catch (e) {
      const problem = e instanceof ApiCallError ? fileProblem(e.error) : null;
      if (problem) setMessage(t(problem.key, problem.params));
      else fail(e);
    }
  };

  const openFile = async (file: File) => {
    setReading({ name: file.name, size: file.size, percent: null });
    // The backend reads in a worker and says how far it has got; the screen asks a few times a second.
    const poll = window.setInterval(() => {
      call('import.readProgress', {}).then(
        ({ percent }) => setReading((r) => (r && percent !== null ? { ...r, percent } : r)),
        () => undefined,
      );
    }, 250);
    try {
      await readFile(file.name, await fileToBase64(file));
    } finally {
      window.clearInterval(poll);
      setReading(null);
    }
  };

  const chooseSheet = (sheet: string) => {
    if (sheets) void readFile(sheets.fileName, sheets.base64, sheet);
  };

  return { load, openFile, chooseSheet, sheets, reading };
}
