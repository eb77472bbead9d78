import {
  getCoreRowModel,
  useReactTable,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, ClientRow } from '../../../shared/domain/client';
import { today as todayOf } from '../../../shared/domain/clock';
import { call } from '../api/client';
import { takeOpeningSetting } from '../boot/early-settings';
import { describeError } from '../ui/errors';
import { ctrlCode, isNewShortcut } from '../ui/keys';
import { useToast } from '../ui/toasts';
import { useRememberedSizing } from '../ui/column-sizing';
import { ClientsTable } from './ClientsTable';
import { ClientsToolbar, type ToolbarFilters } from './ClientsToolbar';
import { clientColumns, columnMeta, DEFAULT_HIDDEN_COLUMNS } from './columns';
import { displayName } from './format';
import { useClientPages, type ClientFilter } from './useClientPages';
import { DestructionActDialog } from './DestructionActDialog';
import type { DestructionAct } from '../../../shared/domain/consent';
import { useChanges } from '../live/live-changes';

const ImportScreen = lazy(() => import('../import/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const ClientCard = lazy(() => import('./ClientCard').then((m) => ({ default: m.ClientCard })));

type CardState = { mode: 'new' } | { mode: 'edit'; id: number } | null;

const NO_FILTERS: ToolbarFilters = {
  search: '',
  citizenship: '',
  passportWithinMonths: null,
  birthdayThisMonth: false,
  consent: null,
};

function defaultVisibility(): VisibilityState {
  return Object.fromEntries(DEFAULT_HIDDEN_COLUMNS.map((id) => [id, false]));
}

export function ClientsScreen({ active }: { active: boolean }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const today = todayOf();
  const [filters, setFilters] = useState<ToolbarFilters>(NO_FILTERS);
  const search = useDeferredValue(filters.search);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  // The shown columns come with the boot's requests (early-settings.ts) when this screen opens first.
  const [earlyColumns] = useState(() => takeOpeningSetting('clients.columns'));
  const [visibility, setVisibility] = useState<VisibilityState>(() =>
    earlyColumns?.value && typeof earlyColumns.value === 'object'
      ? (earlyColumns.value as VisibilityState)
      : defaultVisibility(),
  );
  const [selectedIndex, setSelectedIndex] = useState(0);
  const [card, setCard] = useState<CardState>(null);
  const [importing, setImporting] = useState(false);
  const [act, setAct] = useState<DestructionAct | null>(null);
  const [citizenships, setCitizenships] = useState<{ code: string; count: number }[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridBodyFocus = () =>
    document.querySelector<HTMLElement>('[data-testid="clients-grid-body"]')?.focus();

  const showError = useCallback(
    (error: unknown) => toast({ kind: 'error', message: describeError(t, error) }),
    [t, toast],
  );
  const columns = useMemo(() => clientColumns(t), [t]);
  const [columnSizing, onColumnSizingChange] = useRememberedSizing('clients');
  const table = useReactTable<ClientRow>({
    data: [],
    columns,
    state: { sorting, columnVisibility: visibility, columnSizing },
    onSortingChange: setSorting,
    onColumnSizingChange,
    columnResizeMode: 'onChange',
    onColumnVisibilityChange: (updater) => {
      setVisibility((old) => {
        const next = typeof updater === 'function' ? updater(old) : updater;
        void call('settings.set', { key: 'clients.columns', value: next });
        return next;
      });
    },
    manualSorting: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
  });

  const sortColumn = table.getColumn(sorting[0]?.id ?? 'name');
  const query: ClientFilter = {
    search,
    citizenship: filters.citizenship,
    passportExpiresWithinMonths: filters.passportWithinMonths,
    birthdayMonth: filters.birthdayThisMonth ? Number(today.slice(5, 7)) : null,
    consent: filters.consent,
    sort: (sortColumn && columnMeta(sortColumn).sort) || 'name',
    direction: sorting[0]?.desc ? 'desc' : 'asc',
  };
  const { total, totalExact, counting, rowAt, ensureRows, reload, loadedPages } = useClientPages(
    query,
    showError,
  );

  const refreshCitizenships = useCallback(() => {
    call('clients.citizenships', {}).then(setCitizenships, showError);
  }, [showError]);

  // The citizenship list scans the whole base: it is fetched once the first page is on screen.
  const listShown = total !== null;
  useEffect(() => {
    if (!listShown) return;
    const timer = window.setTimeout(refreshCitizenships, 300);
    return () => window.clearTimeout(timer);
  }, [listShown, refreshCitizenships]);

  // Coming back from the tours screen: tourists added to the base there must show up.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) reload();
    wasActive.current = active;
  }, [active, reload]);
  // Another clerk's saved card (office server): the rows on screen are read again.
  useChanges('client', () => {
    if (active) reload();
  });

  useEffect(() => {
    if (earlyColumns) return;
    call('settings.get', { key: 'clients.columns' }).then((stored) => {
      if (stored.value && typeof stored.value === 'object') setVisibility(stored.value as VisibilityState);
    }, showError);
  }, [showError, earlyColumns]);

  useEffect(
    () => setSelectedIndex(0),
    [
      search,
      filters.citizenship,
      filters.passportWithinMonths,
      filters.birthdayThisMonth,
      filters.consent,
      sorting,
    ],
  );

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (card !== null || document.querySelector('[role="dialog"]')) return;
      if (ctrlCode(e, 'KeyF')) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (isNewShortcut(e)) {
        e.preventDefault();
        setCard({ mode: 'new' });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [card, active]);

  const openRow = useCallback((row: ClientRow) => setCard({ mode: 'edit', id: row.id }), []);

  const onSearchKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      const row = rowAt(selectedIndex);
      if (row) {
        e.preventDefault();
        openRow(row);
      }
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      gridBodyFocus();
    }
  };

  const afterChange = () => {
    reload();
    if (citizenships.length > 0) refreshCitizenships();
  };

  const onDeleted = (client: Client, undoId: number) => {
    setCard(null);
    afterChange();
    const name = displayName(client);
    toast({
      kind: 'info',
      message: t('clients.deleted', { name }),
      action: {
        label: t('clients.undo'),
        run: () => {
          call('undo.apply', { id: undoId }).then(() => {
            afterChange();
            toast({ kind: 'info', message: t('clients.restored', { name }) });
          }, showError);
        },
      },
    });
  };

  return (
    <section className="screen" aria-label={t('clients.title')} lang={i18n.language}>
      <ClientsToolbar
        ref={searchRef}
        filters={filters}
        onChange={setFilters}
        citizenships={citizenships}
        onCitizenshipsWanted={() => citizenships.length === 0 && refreshCitizenships()}
        table={table}
        total={counting && !totalExact ? null : total}
        totalExact={totalExact}
        onNew={() => setCard({ mode: 'new' })}
        onImport={() => setImporting(true)}
        onSearchKeyDown={onSearchKeyDown}
      />
      <ClientsTable
        table={table}
        total={total ?? 0}
        loadedPages={loadedPages}
        rowAt={rowAt}
        ensureRows={ensureRows}
        selectedIndex={selectedIndex}
        onSelect={setSelectedIndex}
        onOpen={openRow}
        today={today}
        emptyText={
          total === null
            ? t('app.loading')
            : JSON.stringify(filters) === JSON.stringify(NO_FILTERS)
              ? t('clients.empty')
              : t('clients.nothingFound')
        }
      />
      {card && (
        <Suspense fallback={null}>
          <ClientCard
            key={card.mode === 'edit' ? card.id : 'new'}
            clientId={card.mode === 'edit' ? card.id : null}
            onClose={() => {
              setCard(null);
              window.setTimeout(gridBodyFocus, 0);
            }}
            onSaved={() => {
              setCard(null);
              afterChange();
              toast({ kind: 'info', message: t('card.saved') });
            }}
            onDeleted={onDeleted}
            onForgotten={(act) => {
              setCard(null);
              afterChange();
              setAct(act);
            }}
          />
        </Suspense>
      )}
      {act && <DestructionActDialog act={act} onClose={() => setAct(null)} />}
      {importing && (
        <Suspense fallback={null}>
          <ImportScreen tour={null} onClose={() => setImporting(false)} onCommitted={afterChange} />
        </Suspense>
      )}
    </section>
  );
}
