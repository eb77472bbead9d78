import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourRow } from '../../../shared/domain/tour';
import { formatDate } from '../../../shared/domain/dates';
import { contract } from '../../../shared/api/contract';
import { call } from '../api/client';
import { DateField } from '../ui/DateField';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useInvalidFields } from '../ui/invalid-fields';
import { maxLengthOf } from '../ui/limits';
import { TextField } from '../ui/TextField';

interface Filters {
  voucher: string;
  touristName: string;
  createdFrom: string | null;
  createdTo: string | null;
  arrivalFrom: string | null;
  arrivalTo: string | null;
}

const EMPTY: Filters = {
  voucher: '',
  touristName: '',
  createdFrom: null,
  createdTo: null,
  arrivalFrom: null,
  arrivalTo: null,
};

/** R8 "find tour": voucher, tourist name in either script, creation and arrival periods. */
export function FindTourDialog({
  onPick,
  onClose,
}: {
  onPick: (tourId: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [rows, setRows] = useState<TourRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const dateChecks = useInvalidFields('dateInvalid');
  // A bound that is not a real date is said at its field; the search waits instead of ignoring it.
  const blocked = dateChecks.issues.length > 0;

  const search = useCallback(() => {
    if (blocked) return;
    call('tours.list', { ...filters, limit: 200 }).then(
      (result) => {
        setRows(result.rows);
        setTotal(result.total);
        setSelected(0);
        setError(null);
      },
      (e: unknown) => setError(describeError(t, e)),
    );
  }, [filters, t, blocked]);
  useEffect(() => {
    const timer = window.setTimeout(search, 200);
    return () => window.clearTimeout(timer);
  }, [search]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const date = (field: 'createdFrom' | 'createdTo' | 'arrivalFrom' | 'arrivalTo') => (
    <DateField
      label={t(`tours.filters.${field}`)}
      value={filters[field]}
      onChange={(iso) => set({ [field]: iso })}
      kind={field.startsWith('created') ? 'past' : 'future'}
      onValidity={dateChecks.report(field)}
    />
  );
  const text = (field: 'voucher' | 'touristName', className?: string) => (
    <TextField
      label={t(`tours.filters.${field}`)}
      className={className}
      value={filters[field]}
      onChange={(value) => set({ [field]: value })}
      max={maxLengthOf(contract['tours.list'].input, field)}
    />
  );
  const pick = (row: TourRow | undefined) => !blocked && row && onPick(row.id);

  return (
    <Dialog
      title={t('tours.filters.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="muted">{rows && !blocked && t('tours.filters.found', { count: total })}</span>
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('tours.filters.close')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!rows?.[selected]}
            onClick={() => pick(rows?.[selected])}
          >
            {t('tours.filters.open')}
          </button>
        </>
      }
    >
      <div
        className="form-row"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setSelected((i) => Math.min(i + 1, (rows?.length ?? 1) - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setSelected((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(rows?.[selected]);
          }
        }}
      >
        {text('voucher')}
        {text('touristName', 'name')}
        {date('createdFrom')}
        {date('createdTo')}
        {date('arrivalFrom')}
        {date('arrivalTo')}
      </div>
      {error && <p className="error-text">{error}</p>}
      <ToursTable
        rows={blocked ? [] : (rows ?? [])}
        selected={selected}
        onSelect={setSelected}
        onOpen={(row) => onPick(row.id)}
      />
      {rows && rows.length === 0 && !blocked && <p className="muted">{t('tours.nothingFound')}</p>}
    </Dialog>
  );
}

export function ToursTable(props: {
  rows: TourRow[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (row: TourRow) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid="tours-table">
      <thead>
        <tr>
          {(
            [
              'voucher',
              'createdAt',
              'arrival',
              'departure',
              'country',
              'hotel',
              'lead',
              'tourists',
              'status',
            ] as const
          ).map((c) => (
            <th key={c}>{t(`tours.columns.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => (
          <tr
            key={row.id}
            aria-selected={i === props.selected}
            className={i === props.selected ? 'selected' : undefined}
            onClick={() => props.onSelect(i)}
            onDoubleClick={() => props.onOpen(row)}
          >
            <td className="mono">{row.voucher}</td>
            <td>{formatDate(row.createdAt.slice(0, 10))}</td>
            <td>{formatDate(row.arrivalDate)}</td>
            <td>{formatDate(row.departureDate)}</td>
            <td>{row.country}</td>
            <td>{row.hotel}</td>
            <td>{row.leadTourist}</td>
            <td className="num">{row.touristCount}</td>
            <td>{t(`tours.statuses.${row.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
