import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tour, TourRow } from '../../../shared/domain/tour';
import { call } from '../api/client';
import { useChanges } from '../live/live-changes';
import { ResizeHandle, useRememberedSizing } from '../ui/column-sizing';
import { describeError } from '../ui/errors';
import { Icon } from '../ui/icons';
import { useToast } from '../ui/toasts';
import { CopyTourDialog } from './CopyTourDialog';
import { TouristListPrintDialog } from './TouristListPrint';
import { tourColumnMeta, tourColumns } from './tours-list-columns';
import { NO_TOUR_FILTERS, ToursListFilters, type TourFilters } from './ToursListFilters';
import { bodyRows, loadedRows, rowHeight, rowsInView } from './tours-list-window';
import { useTourPages } from './useTourPages';

interface ToursListProps {
  active: boolean;
  onOpen: (id: number) => void;
}

/** The tours list: filters, sortable and resizable columns, and per-row open, copy, print, delete. */
export function ToursList({ active, onOpen }: ToursListProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [filters, setFilters] = useState<TourFilters>(NO_TOUR_FILTERS);
  const [invalid, setInvalid] = useState(false);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'createdAt', desc: true }]);
  const [selected, setSelected] = useState(0);
  const [copying, setCopying] = useState<TourRow | null>(null);
  const [printing, setPrinting] = useState<Tour | null>(null);
  const [columnSizing, onColumnSizingChange] = useRememberedSizing('tours');
  const fail = useCallback(
    (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    [t, toast],
  );

  const { pages, total, load: loadQuery, refresh, loadMore, ensureRows } = useTourPages(fail);
  // The rows in memory, in list order, and the index of each in the whole list.
  const { rows, indexes, shown } = useMemo(() => loadedRows(pages), [pages]);
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo(() => tourColumns(t), [t]);
  const table = useReactTable<TourRow>({
    data: rows ?? [],
    columns,
    state: { sorting, columnSizing },
    onSortingChange: setSorting,
    onColumnSizingChange,
    columnResizeMode: 'onChange',
    manualSorting: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
  });
  const sortColumn = table.getColumn(sorting[0]?.id ?? 'createdAt');
  const sort = (sortColumn && tourColumnMeta(sortColumn).sort) || 'createdAt';
  const direction = sorting[0]?.desc ? 'desc' : 'asc';

  useEffect(() => {
    if (!active || invalid) return;
    // Another sort or filter is a new list: it is shown from its top, not from where the old one was
    // scrolled (which would also read its next pages at once).
    scrollRef.current?.scrollTo(0, 0);
    loadQuery({ ...filters, sort, direction });
  }, [active, invalid, filters, sort, direction, loadQuery]);
  useEffect(() => {
    if (pages) setSelected((i) => Math.min(i, Math.max(shown - 1, 0)));
  }, [pages, shown]);
  const load = () => {
    if (!invalid) refresh();
  };
  // Another clerk's saved tour or tourist (office server): the rows on screen are read again.
  useChanges('tour', () => {
    if (active) load();
  });
  // Near the end of the rows read so far, the next page follows the last one's cursor; a dropped
  // page scrolled back into view is read again.
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const box = e.currentTarget;
    if (box.scrollTop + box.clientHeight >= box.scrollHeight - NEAR_END_PX) loadMore();
    const { first, last } = rowsInView(box);
    ensureRows(first, last);
  };

  const remove = async (row: TourRow) => {
    try {
      // The row has no version: the tour is read so the delete is refused if it changed meanwhile.
      const tour = await call('tours.get', { id: row.id });
      const question = t('toursList.deleteConfirm', { voucher: tour.voucher, count: tour.tourists.length });
      if (!window.confirm(question)) return;
      const { undoId } = await call('tours.delete', { id: tour.id, version: tour.version });
      load();
      toast({
        kind: 'info',
        message: t('toursList.deleted', { voucher: tour.voucher }),
        action: {
          label: t('toursList.undo'),
          run: () =>
            void call('undo.apply', { id: undoId }).then(() => {
              load();
              toast({ kind: 'info', message: t('toursList.restored', { voucher: tour.voucher }) });
            }, fail),
        },
      });
    } catch (e) {
      fail(e);
    }
  };
  const print = (row: TourRow) => call('tours.get', { id: row.id }).then(setPrinting, fail);

  const current = rows[indexes.indexOf(selected)];
  const sizes = table.getVisibleLeafColumns().map((c) => c.getSize());
  const minWidth = sizes.reduce((a, b) => a + b, 0) + ACTIONS_WIDTH;

  return (
    <div className="tours-list">
      <div className="toolbar">
        <ToursListFilters filters={filters} onChange={setFilters} onInvalid={setInvalid} />
        <button type="button" onClick={() => setFilters(NO_TOUR_FILTERS)}>
          {t('toursList.reset')}
        </button>
        <span className="spacer" />
        <span className="count" data-testid="tours-count">
          {t('toursList.count', { count: total })}
        </span>
      </div>
      <div
        className="table-scroll"
        tabIndex={0}
        aria-label={t('tours.title')}
        data-testid="tours-list"
        data-loaded-pages={pages?.filter((p) => p.rows !== null).length ?? 0}
        ref={scrollRef}
        onScroll={onScroll}
        onKeyDown={(e) => {
          if (e.target !== e.currentTarget || !pages) return;
          if (e.key === 'Enter' && current) onOpen(current.id);
          else if (e.key === 'Delete' && current) void remove(current);
          else if (e.key === 'ArrowDown') {
            if (selected >= shown - 2) loadMore();
            setSelected((i) => Math.min(i + 1, shown - 1));
          } else if (e.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
          else return;
          e.preventDefault();
        }}
      >
        <table className="table sized-table sticky-head" style={{ minWidth }} data-testid="tours-table">
          <colgroup>
            {sizes.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
            <col style={{ width: ACTIONS_WIDTH }} />
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = String(header.column.columnDef.header);
                  return (
                    <th
                      key={header.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="th-sort"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span className="sort-mark">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                      <ResizeHandle header={header} label={label} />
                    </th>
                  );
                })}
                <th>
                  <span className="visually-hidden">{t('layout.actions')}</span>
                </th>
              </tr>
            ))}
          </thead>
          <tbody>
            {bodyRows(pages, table.getRowModel().rows, indexes).map((item) => {
              if (item.kind === 'spacer')
                return (
                  <tr
                    key={`spacer-${item.page}`}
                    className="spacer-row"
                    aria-hidden
                    style={{ height: item.size * rowHeight(scrollRef.current) }}
                  />
                );
              const { row, index: i } = item;
              return (
                <tr
                  key={row.original.id}
                  aria-selected={i === selected}
                  className={i === selected ? 'selected' : undefined}
                  data-testid={`tour-row-${row.original.voucher}`}
                  onClick={() => setSelected(i)}
                  onDoubleClick={() => onOpen(row.original.id)}
                >
                  {row.getVisibleCells().map((cell) => {
                    const meta = tourColumnMeta(cell.column);
                    return (
                      <td key={cell.id} className={meta.className}>
                        {meta.render(row.original, t)}
                      </td>
                    );
                  })}
                  <td className="row-actions">
                    <RowActions
                      row={row.original}
                      onOpen={() => onOpen(row.original.id)}
                      onCopy={() => setCopying(row.original)}
                      onPrint={() => void print(row.original)}
                      onDelete={() => void remove(row.original)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {pages && shown === 0 && (
          <p className="muted empty-note">
            {JSON.stringify(filters) === JSON.stringify(NO_TOUR_FILTERS)
              ? t('tours.empty')
              : t('tours.nothingFound')}
          </p>
        )}
      </div>
      {copying && (
        <CopyTourDialog
          row={copying}
          onClose={() => setCopying(null)}
          onCopied={(tour) => {
            setCopying(null);
            toast({ kind: 'info', message: t('toursList.copied', { voucher: tour.voucher }) });
            onOpen(tour.id);
          }}
        />
      )}
      {printing && <TouristListPrintDialog tour={printing} onClose={() => setPrinting(null)} />}
    </div>
  );
}

const ACTIONS_WIDTH = 132;
/** How close to the end of the rows read so far the next page is asked for. */
const NEAR_END_PX = 300;

function RowActions(props: {
  row: TourRow;
  onOpen: () => void;
  onCopy: () => void;
  onPrint: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const voucher = props.row.voucher;
  const actions = [
    { key: 'open', icon: 'edit', run: props.onOpen },
    { key: 'copy', icon: 'copy', run: props.onCopy },
    { key: 'print', icon: 'print', run: props.onPrint },
    { key: 'delete', icon: 'delete', run: props.onDelete },
  ] as const;
  return (
    <>
      {actions.map((a) => (
        <button
          key={a.key}
          type="button"
          className={`icon-button${a.key === 'delete' ? ' icon-danger' : ''}`}
          aria-label={t(`toursList.actions.${a.key}`, { voucher })}
          title={t(`toursList.actions.${a.key}`, { voucher })}
          onClick={(e) => {
            e.stopPropagation();
            a.run();
          }}
        >
          <Icon name={a.icon} />
        </button>
      ))}
    </>
  );
}
