import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ClientRow, ClientSortColumn } from '../../../shared/domain/client';
import { addMonths } from '../../../shared/domain/dates';
import { formatForeignPassport } from '../../../shared/domain/passport';
import { cyrillicFullName, formatDate, latinFullName } from './format';

export interface ClientColumnMeta {
  /** The server-side sort this column maps to; absent for columns that do not sort. */
  sort?: ClientSortColumn;
  width: number;
  render: (row: ClientRow, today: string, t: TFunction) => React.ReactNode;
}

export const CLIENT_COLUMN_IDS = [
  'name',
  'nameLat',
  'gender',
  'birthDate',
  'citizenship',
  'passportNumber',
  'passportExpiry',
  'phone',
  'email',
  'updatedAt',
] as const;
export type ClientColumnId = (typeof CLIENT_COLUMN_IDS)[number];

export const DEFAULT_HIDDEN_COLUMNS: ClientColumnId[] = ['email', 'updatedAt'];

function expiryClass(expiry: string | null, today: string): string {
  if (!expiry) return '';
  if (expiry < today) return 'cell-danger';
  if (expiry <= addMonths(today, 6)) return 'cell-warning';
  return '';
}

const META: Record<ClientColumnId, ClientColumnMeta> = {
  name: { sort: 'name', width: 280, render: (r) => cyrillicFullName(r) || latinFullName(r) },
  nameLat: { sort: 'nameLat', width: 200, render: (r) => latinFullName(r) },
  gender: { width: 58, render: (r, _today, t) => (r.gender ? t(`card.genderShort.${r.gender}`) : '') },
  birthDate: { sort: 'birthDate', width: 125, render: (r) => formatDate(r.birthDate) },
  citizenship: { sort: 'citizenship', width: 125, render: (r) => r.citizenship },
  passportNumber: {
    width: 135,
    render: (r) => <span className="mono">{formatForeignPassport(r.passportNumber)}</span>,
  },
  passportExpiry: {
    sort: 'passportExpiry',
    width: 125,
    render: (r, today) => (
      <span className={expiryClass(r.passportExpiry, today)}>{formatDate(r.passportExpiry)}</span>
    ),
  },
  phone: { width: 160, render: (r) => r.phone },
  email: { width: 200, render: (r) => r.email },
  updatedAt: { sort: 'updatedAt', width: 110, render: (r) => formatDate(r.updatedAt.slice(0, 10)) },
};

/** Column definitions for @tanstack/react-table; cells render from `meta` because rows arrive page by page. */
export function clientColumns(t: TFunction): ColumnDef<ClientRow>[] {
  return CLIENT_COLUMN_IDS.map((id) => ({
    id,
    // react-table only offers sorting for columns with an accessor; the sort itself runs in SQL.
    accessorFn: (row: ClientRow) => row.id,
    header: t(`clients.columns.${id}`),
    enableSorting: META[id].sort !== undefined,
    enableHiding: id !== 'name',
    size: META[id].width,
    minSize: 48,
    meta: META[id],
  }));
}

export function columnMeta(column: { columnDef: { meta?: unknown } }): ClientColumnMeta {
  return column.columnDef.meta as ClientColumnMeta;
}
