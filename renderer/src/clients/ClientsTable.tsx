import { flexRender, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRow } from '../../../shared/domain/client';
import { ResizeHandle } from '../ui/column-sizing';
import { observeRectAfterLayout, scrollToAfterMount } from '../ui/virtual-list-mount';
import { ClientGridRow, ROW_HEIGHT } from './ClientGridRow';

/**
 * The list's height before it is measured: the window's, which the list never exceeds. The first
 * render then already holds a screenful of rows, instead of the overscan alone and the rest in a
 * second render (and layout) forced before the first paint.
 */
function initialRect() {
  return { width: window.innerWidth, height: window.innerHeight };
}

interface ClientsTableProps {
  table: Table<ClientRow>;
  total: number;
  /** Pages of rows held in memory (the test checks that far pages are dropped). */
  loadedPages?: number;
  rowAt: (index: number) => ClientRow | undefined;
  ensureRows: (first: number, last: number) => void;
  selectedIndex: number;
  onSelect: (index: number) => void;
  onOpen: (row: ClientRow) => void;
  today: string;
  emptyText: string;
}

/** A virtualised grid: only the rows in view are in the DOM; rows load page by page as they come into view. */
export function ClientsTable(props: ClientsTableProps) {
  const { table, total, rowAt, ensureRows, selectedIndex, onSelect, onOpen, today } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 30,
    initialRect: initialRect(),
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollToAfterMount,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRows(first, Math.min(last + 50, total - 1));
  }, [first, last, total, ensureRows]);

  useEffect(() => {
    if (selectedIndex < 0 || selectedIndex >= total) return;
    // Already in view (the list at its start, as it opens): scrolling would only force a layout.
    const top = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    const rowTop = selectedIndex * ROW_HEIGHT;
    if (rowTop >= top && rowTop + ROW_HEIGHT <= top + height) return;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);

  const columns = table.getVisibleLeafColumns();
  // Each column at least its (remembered) width, and a wide window shares its room among them in
  // proportion, so 1920 px is used instead of left empty at the right.
  const template = columns.map((c) => `minmax(${c.getSize()}px, ${c.getSize()}fr)`).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.getSize(), 0);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (total === 0) return;
    const move = (to: number) => {
      e.preventDefault();
      onSelect(Math.max(0, Math.min(total - 1, to)));
    };
    if (e.key === 'ArrowDown') move(selectedIndex + 1);
    else if (e.key === 'ArrowUp') move(selectedIndex - 1);
    else if (e.key === 'PageDown') move(selectedIndex + 20);
    else if (e.key === 'PageUp') move(selectedIndex - 20);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(total - 1);
    else if (e.key === 'Enter') {
      const row = rowAt(selectedIndex);
      if (row) {
        e.preventDefault();
        onOpen(row);
      }
    }
  };

  return (
    <div
      className="grid"
      role="grid"
      aria-rowcount={total}
      data-loaded-pages={props.loadedPages}
      aria-label={t('clients.title')}
      data-testid="clients-grid"
    >
      <div ref={headRef} className="grid-head-scroll">
        {table.getHeaderGroups().map((group) => (
          <div
            key={group.id}
            className="grid-header"
            role="row"
            style={{ gridTemplateColumns: template, minWidth }}
          >
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const sortable = header.column.getCanSort();
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  className={sortable ? 'grid-th sortable' : 'grid-th'}
                >
                  {sortable ? (
                    <button type="button" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span className="sort-mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      </span>
                    </button>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                  <ResizeHandle header={header} label={String(header.column.columnDef.header)} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="grid-body"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          if (headRef.current) headRef.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
        data-testid="clients-grid-body"
      >
        {total === 0 && <div className="grid-empty">{props.emptyText}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
          {items.map((item) => (
            <ClientGridRow
              key={item.key}
              index={item.index}
              start={item.start}
              row={rowAt(item.index)}
              selected={item.index === selectedIndex}
              columns={columns}
              template={template}
              today={today}
              t={t}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
