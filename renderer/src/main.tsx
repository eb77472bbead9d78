import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, isLanguage } from '../../shared/i18n/create-i18n';
import { call } from './api/client';
import { App } from './shell/App';
import { SignInGate } from './signin/ClerkContext';
import { LeaveGuardProvider } from './ui/leave-guard';
import './styles.css';

async function boot(): Promise<void> {
  const stored = await call('settings.get', { key: 'ui.language' }).catch(() => ({ value: null }));
  const i18n = createI18n(isLanguage(stored.value) ? stored.value : 'ru');
  document.documentElement.lang = i18n.language;
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <LeaveGuardProvider>
          <SignInGate>
            <App />
          </SignInGate>
        </LeaveGuardProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
