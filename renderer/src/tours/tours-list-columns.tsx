import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../shared/domain/dates';
import type { TourRow, TourSortColumn } from '../../../shared/domain/tour';

export interface TourColumnMeta {
  /** The SQL sort this column maps to; absent for columns that do not sort. */
  sort?: TourSortColumn;
  className?: string;
  render: (row: TourRow, t: TFunction) => React.ReactNode;
}

const COLUMNS: { id: string; header: string; size: number; meta: TourColumnMeta }[] = [
  {
    id: 'voucher',
    header: 'voucher',
    size: 130,
    meta: { sort: 'voucher', className: 'mono', render: (r) => r.voucher },
  },
  {
    id: 'createdAt',
    header: 'createdAt',
    size: 105,
    meta: { sort: 'createdAt', render: (r) => formatDate(r.createdAt.slice(0, 10)) },
  },
  {
    id: 'arrivalDate',
    header: 'arrival',
    size: 105,
    meta: { sort: 'arrivalDate', render: (r) => formatDate(r.arrivalDate) },
  },
  {
    id: 'departureDate',
    header: 'departure',
    size: 105,
    meta: { sort: 'departureDate', render: (r) => formatDate(r.departureDate) },
  },
  { id: 'country', header: 'country', size: 80, meta: { sort: 'country', render: (r) => r.country } },
  { id: 'hotel', header: 'hotel', size: 220, meta: { sort: 'hotel', render: (r) => r.hotel } },
  { id: 'lead', header: 'lead', size: 200, meta: { render: (r) => r.leadTourist } },
  {
    id: 'touristCount',
    header: 'tourists',
    size: 96,
    meta: { sort: 'touristCount', className: 'num', render: (r) => r.touristCount },
  },
  {
    id: 'status',
    header: 'status',
    size: 120,
    meta: { sort: 'status', render: (r, t) => t(`tours.statuses.${r.status}`) },
  },
];

/** The tours list's columns for @tanstack/react-table; sorting itself runs in SQL. */
export function tourColumns(t: TFunction): ColumnDef<TourRow>[] {
  return COLUMNS.map((c) => ({
    id: c.id,
    accessorFn: (row: TourRow) => row.id,
    header: t(`tours.columns.${c.header}`),
    size: c.size,
    minSize: 48,
    enableSorting: c.meta.sort !== undefined,
    meta: c.meta,
  }));
}

export function tourColumnMeta(column: { columnDef: { meta?: unknown } }): TourColumnMeta {
  return column.columnDef.meta as TourColumnMeta;
}
