// First: its requests leave before the rest of the bundle is evaluated (see early-requests.ts).
import { earlyLanguage, earlyStatus } from './boot/early-requests';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18nFor } from './i18n/load-language';
import { App } from './shell/App';
import { SignInGate } from './signin/ClerkContext';
import { LeaveGuardProvider } from './ui/leave-guard';
import './styles.css';

async function boot(): Promise<void> {
  const { language, text } = await earlyLanguage;
  const i18n = i18nFor(language, text);
  document.documentElement.lang = i18n.language;
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <LeaveGuardProvider>
          <SignInGate first={earlyStatus}>
            <App />
          </SignInGate>
        </LeaveGuardProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
