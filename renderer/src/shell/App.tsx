import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../../../shared/i18n/languages';
import { call } from '../api/client';
import { switchLanguage } from '../i18n/load-language';
import { ClientsScreen } from '../clients/ClientsScreen';
// Screens and cards other than the clients list load on first use, keeping the first paint light.
const ToursScreen = lazy(() => import('../tours/ToursScreen').then((m) => ({ default: m.ToursScreen })));
const ReferenceBooksScreen = lazy(() =>
  import('../books/ReferenceBooksScreen').then((m) => ({ default: m.ReferenceBooksScreen })),
);
const DuplicatesScreen = lazy(() =>
  import('../duplicates/DuplicatesScreen').then((m) => ({ default: m.DuplicatesScreen })),
);
const HistoryScreen = lazy(() =>
  import('../history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })),
);
const LoyaltyScreen = lazy(() =>
  import('../loyalty/LoyaltyScreen').then((m) => ({ default: m.LoyaltyScreen })),
);
const SettingsScreen = lazy(() =>
  import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
import { ToastProvider } from '../ui/toasts';
import { useClerk } from '../signin/ClerkContext';
import { ClerkBadge } from '../signin/ClerkBadge';
import { useGuardedLeave } from '../ui/leave-guard';
import { AboutDialog } from './AboutDialog';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { EncryptionGate } from '../history/EncryptionGate';

type Screen = 'clients' | 'tours' | 'duplicates' | 'loyalty' | 'books' | 'history' | 'settings';
const SCREENS: readonly Screen[] = [
  'clients',
  'tours',
  'duplicates',
  'loyalty',
  'books',
  'history',
  'settings',
];

export function App() {
  const { t, i18n } = useTranslation();
  const [aboutOpen, setAboutOpen] = useState(false);
  // Loyalty figures are the head's, settings the admin's (the backend refuses them too).
  const { can } = useClerk();
  const allowed = (name: Screen) =>
    name === 'loyalty' ? can('head') : name === 'settings' ? can('admin') : true;
  const [screen, setScreen] = useState<Screen>('clients');
  const [toursVisited, setToursVisited] = useState(false);
  const [historyTab, setHistoryTab] = useState<'journal' | 'backups'>('journal');
  // Opening the journal from a message shows it afresh, with the action just done.
  const [journalVisits, setJournalVisits] = useState(0);
  // A screen unmounted when left (the reference books) asks first when it holds unsaved work.
  const leave = useGuardedLeave();
  const showJournal = () =>
    leave(() => {
      setHistoryTab('journal');
      setJournalVisits((n) => n + 1);
      setScreen('history');
    });
  const showBackups = () =>
    leave(() => {
      setHistoryTab('backups');
      setScreen('history');
    });
  const show = (name: Screen) =>
    leave(() => {
      if (name === 'tours') setToursVisited(true);
      setScreen(name);
    });

  const changeLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    void switchLanguage(i18n, value);
    document.documentElement.lang = value;
    void call('settings.set', { key: 'ui.language', value });
  };

  return (
    <ToastProvider onOpenJournal={showJournal}>
      <div className="app">
        <header className="topbar">
          <span className="brand">{t('app.name')}</span>
          <nav className="nav" aria-label="main">
            {SCREENS.filter(allowed).map((name) => (
              <button
                key={name}
                type="button"
                className={name === screen ? 'nav-item active' : 'nav-item'}
                aria-current={name === screen ? 'page' : undefined}
                onClick={() => show(name)}
              >
                {t(`app.nav.${name}`)}
              </button>
            ))}
          </nav>
          <span className="spacer" />
          {/* Cut with an ellipsis on narrow windows: the whole hint shows on hover. */}
          <span className="hint" data-testid="topbar-hint" title={t(`layout.hints.${screen}`)}>
            {t(`layout.hints.${screen}`)}
          </span>
          <ClerkBadge />
          <label className="lang">
            <span className="visually-hidden">{t('app.language')}</span>
            <select
              value={i18n.language}
              onChange={(e) => changeLanguage(e.target.value)}
              aria-label={t('app.language')}
            >
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng}>
                  {t(`app.languages.${lng}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="link-button" onClick={() => setAboutOpen(true)}>
            {t('app.about')}
          </button>
        </header>
        <ReadOnlyBanner
          action={
            <button type="button" onClick={() => showBackups()}>
              {t('backups.restoreFromBanner')}
            </button>
          }
        />
        {/* Both screens stay mounted so a tour being built keeps its state while the clerk looks up a client. */}
        <main className="content" hidden={screen !== 'clients'}>
          <ClientsScreen active={screen === 'clients'} />
        </main>
        <main className="content" hidden={screen !== 'tours'}>
          {toursVisited && (
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <ToursScreen active={screen === 'tours'} onOpenClients={() => show('clients')} />
            </Suspense>
          )}
        </main>
        {screen === 'books' && (
          <main className="content">
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <ReferenceBooksScreen />
            </Suspense>
          </main>
        )}
        {screen === 'loyalty' && (
          <main className="content">
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <LoyaltyScreen />
            </Suspense>
          </main>
        )}
        {screen === 'duplicates' && (
          <main className="content">
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <DuplicatesScreen />
            </Suspense>
          </main>
        )}
        {screen === 'history' && (
          <main className="content">
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <HistoryScreen key={`${historyTab}-${journalVisits}`} initialTab={historyTab} />
            </Suspense>
          </main>
        )}
        {screen === 'settings' && (
          <main className="content">
            <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
              <SettingsScreen />
            </Suspense>
          </main>
        )}
        {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
        <EncryptionGate />
      </div>
    </ToastProvider>
  );
}
