import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourRow } from '../../../shared/domain/tour';
import { call } from '../api/client';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';
import { CountriesBook } from '../books/CountriesBook';
import { Dialog } from '../ui/Dialog';
import { ctrlCode, isNewShortcut } from '../ui/keys';
import { FindTourDialog, ToursTable } from './FindTourDialog';
import { TourCard } from './TourCard';

type Open = number | 'new' | null;

export function ToursScreen({ active, onOpenClients }: { active: boolean; onOpenClients: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const [rows, setRows] = useState<TourRow[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [finding, setFinding] = useState(false);
  const [countriesOpen, setCountriesOpen] = useState(false);
  const [countriesVersion, setCountriesVersion] = useState(0);

  const load = useCallback(() => {
    call('tours.list', { limit: 200 }).then(
      (r) => setRows(r.rows),
      (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    );
  }, [t, toast]);
  useEffect(() => {
    if (active && open === null) load();
  }, [active, open, load]);

  useEffect(() => {
    if (!active || open !== null) return;
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      if (ctrlCode(e, 'KeyF')) {
        e.preventDefault();
        setFinding(true);
      } else if (isNewShortcut(e)) {
        e.preventDefault();
        setOpen('new');
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, open]);

  if (open !== null) {
    return (
      <TourCard
        key={`${open}-${countriesVersion}`}
        tourId={open === 'new' ? null : open}
        active={active}
        onCreated={(id) => setOpen(id)}
        onBack={() => setOpen(null)}
        onOpenClients={onOpenClients}
      />
    );
  }
  return (
    <section className="screen" aria-label={t('tours.title')}>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setOpen('new')} title="Ctrl+N / Insert">
          + {t('tours.newTour')}
        </button>
        <button type="button" onClick={() => setFinding(true)} title="Ctrl+F">
          {t('tours.find')}…
        </button>
        <button type="button" onClick={() => setCountriesOpen(true)}>
          {t('tours.countries')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={onOpenClients}>
          {t('tours.tourists.clients')}
        </button>
      </div>
      <h3 className="section-title">{t('tours.latest')}</h3>
      <div
        className="table-scroll"
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && rows?.[selected]) setOpen(rows[selected].id);
          else if (e.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, (rows?.length ?? 1) - 1));
          else if (e.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
        }}
      >
        <ToursTable
          rows={rows ?? []}
          selected={selected}
          onSelect={setSelected}
          onOpen={(row) => setOpen(row.id)}
        />
        {rows && rows.length === 0 && <p className="muted">{t('tours.empty')}</p>}
      </div>
      {finding && (
        <FindTourDialog
          onClose={() => setFinding(false)}
          onPick={(id) => {
            setFinding(false);
            setOpen(id);
          }}
        />
      )}
      {countriesOpen && (
        <Dialog
          title={t('books.tabs.countries')}
          onClose={() => setCountriesOpen(false)}
          wide
          footer={
            <button type="button" onClick={() => setCountriesOpen(false)}>
              {t('books.close')}
            </button>
          }
        >
          <CountriesBook onChanged={() => setCountriesVersion((v) => v + 1)} />
        </Dialog>
      )}
    </section>
  );
}
