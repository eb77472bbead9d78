import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { isLanguage } from '../../shared/i18n/languages';
import { call } from './api/client';
import { loadI18n } from './i18n/load-language';
import { App } from './shell/App';
import { SignInGate } from './signin/ClerkContext';
import { LeaveGuardProvider } from './ui/leave-guard';
import './styles.css';

async function boot(): Promise<void> {
  // Asked together: the sign-in status does not depend on the language.
  const status = call('clerks.status', {});
  status.catch(() => undefined); // the gate handles a failure (a locked base)
  const stored = await call('settings.get', { key: 'ui.language' }).catch(() => ({ value: null }));
  const i18n = await loadI18n(isLanguage(stored.value) ? stored.value : 'ru');
  document.documentElement.lang = i18n.language;
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <LeaveGuardProvider>
          <SignInGate first={status}>
            <App />
          </SignInGate>
        </LeaveGuardProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
