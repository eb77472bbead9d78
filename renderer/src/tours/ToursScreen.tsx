import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountriesBookDialog } from '../books/CountriesBookDialog';
import { ctrlCode, isNewShortcut } from '../ui/keys';
import { FindTourDialog } from './FindTourDialog';
import { TourCard } from './TourCard';
import { ToursList } from './ToursList';

type Open = number | 'new' | null;

export function ToursScreen({ active, onOpenClients }: { active: boolean; onOpenClients: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const [finding, setFinding] = useState(false);
  const [countriesOpen, setCountriesOpen] = useState(false);
  const [countriesVersion, setCountriesVersion] = useState(0);

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
      <ToursList active={active && open === null} onOpen={(id) => setOpen(id)} />
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
        <CountriesBookDialog
          onClose={() => setCountriesOpen(false)}
          onChanged={() => setCountriesVersion((v) => v + 1)}
        />
      )}
    </section>
  );
}
