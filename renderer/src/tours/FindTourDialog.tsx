import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourRow } from '../../../shared/domain/tour';
import { formatDate } from '../../../shared/domain/dates';
import { call } from '../api/client';
import { DateInput } from '../ui/DateInput';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';

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

  const search = useCallback(() => {
    call('tours.list', { ...filters, limit: 200 }).then(
      (result) => {
        setRows(result.rows);
        setTotal(result.total);
        setSelected(0);
        setError(null);
      },
      (e: unknown) => setError(describeError(t, e)),
    );
  }, [filters, t]);
  useEffect(() => {
    const timer = window.setTimeout(search, 200);
    return () => window.clearTimeout(timer);
  }, [search]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const date = (field: 'createdFrom' | 'createdTo' | 'arrivalFrom' | 'arrivalTo') => (
    <Field label={t(`tours.filters.${field}`)} className="date">
      <DateInput
        value={filters[field]}
        onChange={(iso) => set({ [field]: iso })}
        placeholder={t('card.datePlaceholder')}
      />
    </Field>
  );
  const pick = (row: TourRow | undefined) => row && onPick(row.id);

  return (
    <Dialog
      title={t('tours.filters.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="muted">{rows && t('tours.filters.found', { count: total })}</span>
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
        <Field label={t('tours.filters.voucher')}>
          <input value={filters.voucher} maxLength={40} onChange={(e) => set({ voucher: e.target.value })} />
        </Field>
        <Field label={t('tours.filters.touristName')} className="name">
          <input
            value={filters.touristName}
            maxLength={100}
            onChange={(e) => set({ touristName: e.target.value })}
          />
        </Field>
        {date('createdFrom')}
        {date('createdTo')}
        {date('arrivalFrom')}
        {date('arrivalTo')}
      </div>
      {error && <p className="error-text">{error}</p>}
      <ToursTable
        rows={rows ?? []}
        selected={selected}
        onSelect={setSelected}
        onOpen={(row) => onPick(row.id)}
      />
      {rows && rows.length === 0 && <p className="muted">{t('tours.nothingFound')}</p>}
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
