import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnSizingState,
  type Header,
  type OnChangeFn,
  type Table,
} from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { takeOpeningSetting } from '../boot/early-settings';

/** The tables whose column widths are remembered, each under its own setting. */
export type SizedTable = 'clients' | 'tourists' | 'tours' | 'import';

const SAVE_AFTER_MS = 400;
/** Widths outside these bounds are not taken from the settings (a hand-edited or damaged value). */
const MIN_WIDTH = 32;
const MAX_WIDTH = 2000;
const KEY_STEP = 16;

function validSizing(value: unknown): ColumnSizingState {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (e): e is [string, number] => typeof e[1] === 'number' && e[1] >= MIN_WIDTH && e[1] <= MAX_WIDTH,
    ),
  );
}

/**
 * TanStack Table column sizing kept in the base's settings (`layout.widths.<table>`), not in
 * localStorage: the Electron window and browser mode are different origins with their own storage,
 * and the widths should follow the base the clerk works in, like the shown columns do. A drag saves
 * once it rests.
 */
export function useRememberedSizing(
  table: SizedTable,
): [ColumnSizingState, OnChangeFn<ColumnSizingState>, boolean] {
  // The clients list's widths come with the boot's requests (early-settings.ts) when it opens first.
  const [early] = useState(() =>
    table === 'clients' ? takeOpeningSetting('layout.widths.clients') : undefined,
  );
  const [sizing, setSizing] = useState<ColumnSizingState>(() => (early ? validSizing(early.value) : {}));
  const [loaded, setLoaded] = useState(early !== undefined);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (early) return;
    let live = true;
    call('settings.get', { key: `layout.widths.${table}` }).then(
      (stored) => {
        if (!live) return;
        setSizing((current) => ({ ...validSizing(stored.value), ...current }));
        setLoaded(true);
      },
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, [table, early]);
  const onChange = useCallback<OnChangeFn<ColumnSizingState>>(
    (updater) =>
      setSizing((old) => {
        const next = typeof updater === 'function' ? updater(old) : updater;
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(
          () => void call('settings.set', { key: `layout.widths.${table}`, value: next }),
          SAVE_AFTER_MS,
        );
        return next;
      }),
    [table],
  );
  return [sizing, onChange, loaded];
}

export interface SizedColumn {
  id: string;
  size: number;
  minSize?: number;
}

/**
 * A table made only to size columns, for grids that draw their own rows (a plain <table>, the import
 * grid): `size(id)` is the column's width now, `header(id)` feeds a ResizeHandle.
 */
export function useSizedColumns(table: SizedTable, columns: readonly SizedColumn[]) {
  const [columnSizing, onColumnSizingChange] = useRememberedSizing(table);
  const defs = useMemo<ColumnDef<never>[]>(
    () => columns.map((c) => ({ id: c.id, size: c.size, minSize: c.minSize ?? 40, maxSize: MAX_WIDTH })),
    [columns],
  );
  const sizer = useReactTable<never>({
    data: [],
    columns: defs,
    state: { columnSizing },
    onColumnSizingChange,
    columnResizeMode: 'onChange',
    getCoreRowModel: getCoreRowModel(),
  });
  const headers = sizer.getFlatHeaders();
  const header = (id: string) => headers.find((h) => h.column.id === id);
  const size = (id: string) => header(id)?.getSize() ?? columns.find((c) => c.id === id)?.size ?? 100;
  return { size, header };
}

/**
 * The drag handle at a header's right edge: the mouse drags it, double-click gives the default
 * width back, and with the keyboard it is a separator that ←/→ narrow and widen.
 */
export function ResizeHandle<T>({ header, label }: { header: Header<T, unknown>; label: string }) {
  const { t } = useTranslation();
  const table: Table<T> = header.getContext().table;
  const resize = (delta: number) =>
    table.setColumnSizing((old) => ({
      ...old,
      [header.column.id]: Math.max(
        header.column.columnDef.minSize ?? MIN_WIDTH,
        Math.min(MAX_WIDTH, header.getSize() + delta),
      ),
    }));
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('layout.resizeColumn', { column: label })}
      aria-valuenow={header.getSize()}
      title={t('layout.resizeHint')}
      tabIndex={0}
      data-testid={`resize-${header.column.id}`}
      className={`col-resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
      onMouseDown={header.getResizeHandler()}
      onTouchStart={header.getResizeHandler()}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={() => header.column.resetSize()}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          e.stopPropagation();
          resize(e.key === 'ArrowLeft' ? -KEY_STEP : KEY_STEP);
        }
      }}
    />
  );
}
