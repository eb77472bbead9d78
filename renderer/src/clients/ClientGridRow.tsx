import type { Column } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { ClientRow } from '../../../shared/domain/client';
import { columnMeta } from './columns';

export const ROW_HEIGHT = 28;

interface ClientGridRowProps {
  index: number;
  start: number;
  /** Undefined while its page is being fetched: the row shows placeholder bars. */
  row: ClientRow | undefined;
  selected: boolean;
  columns: Column<ClientRow, unknown>[];
  template: string;
  today: string;
  t: TFunction;
  onSelect: (index: number) => void;
  onOpen: (row: ClientRow) => void;
}

/**
 * One row of the clients grid. Memoised: the grid renders again whenever the virtualizer's range or
 * the selection moves (and once more right after the first render, when it has measured the list),
 * and only the rows whose own props changed are drawn again.
 */
export const ClientGridRow = memo(function ClientGridRow(props: ClientGridRowProps) {
  const { index, row, selected, columns, today, t } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={`grid-row${selected ? ' selected' : ''}${index % 2 ? ' odd' : ''}`}
      style={{
        transform: `translateY(${props.start}px)`,
        height: ROW_HEIGHT,
        gridTemplateColumns: props.template,
      }}
      onClick={() => props.onSelect(index)}
      onDoubleClick={() => row && props.onOpen(row)}
    >
      {row
        ? columns.map((column) => (
            <div key={column.id} role="gridcell" className="grid-td">
              {columnMeta(column).render(row, today, t)}
            </div>
          ))
        : columns.map((column) => (
            <div key={column.id} role="gridcell" className="grid-td">
              <span className="placeholder-bar" />
            </div>
          ))}
    </div>
  );
});
