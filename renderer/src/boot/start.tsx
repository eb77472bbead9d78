import { earlyLanguage, earlyStatus } from './early-requests';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { openingPageOrAfter } from '../clients/opening-page';
import { openingSettingsAnswered } from './early-settings';
import { i18nFor } from '../i18n/load-language';
import { App } from '../shell/App';
import { SignInGate } from '../signin/ClerkContext';
import { LeaveGuardProvider } from '../ui/leave-guard';

/** How long the boot waits for the list's first page once the language is there (see opening-page.ts). */
const OPENING_PAGE_WAIT_MS = 300;

/** The app's first render, once the boot's requests (main.tsx) have answered. */
async function boot(): Promise<void> {
  const { language, text } = await earlyLanguage;
  const i18n = i18nFor(language, text);
  const status = await earlyStatus.catch(() => 'unavailable' as const);
  await openingPageOrAfter(OPENING_PAGE_WAIT_MS, openingSettingsAnswered());
  // The entry runs async (preload-boot-chunks.ts), possibly before the page is parsed.
  if (document.readyState === 'loading')
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
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
