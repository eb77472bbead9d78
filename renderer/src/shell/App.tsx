import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../../../shared/i18n/create-i18n';
import { call } from '../api/client';
import { ClientsScreen } from '../clients/ClientsScreen';
import { ToastProvider } from '../ui/toasts';
import { AboutDialog } from './AboutDialog';

export function App() {
  const { t, i18n } = useTranslation();
  const [aboutOpen, setAboutOpen] = useState(false);

  const changeLanguage = (value: string) => {
    if (!isLanguage(value)) return;
    void i18n.changeLanguage(value);
    document.documentElement.lang = value;
    void call('settings.set', { key: 'ui.language', value });
  };

  return (
    <ToastProvider>
      <div className="app">
        <header className="topbar">
          <span className="brand">{t('app.name')}</span>
          <nav className="nav" aria-label="main">
            <button type="button" className="nav-item active" aria-current="page">
              {t('app.nav.clients')}
            </button>
          </nav>
          <span className="spacer" />
          <span className="hint">{t('app.shortcuts')}</span>
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
        <main className="content">
          <ClientsScreen />
        </main>
        {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
      </div>
    </ToastProvider>
  );
}
