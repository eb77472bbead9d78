import type { CommandOutput } from '../../../shared/api/contract';
import type { UiText } from '../../../shared/i18n/instance';
import { isLanguage, type Language } from '../../../shared/i18n/languages';
import { call } from '../api/client';
import { askOpeningPage } from '../clients/opening-page';
import { askOpeningSettings } from './early-settings';
import { LANGUAGE_TEXT } from '../i18n/language-text';

/*
 * The boot's requests, sent when this module is evaluated: it is in the small entry chunk (main.tsx),
 * so they leave before React, i18next and the screens' code (the app chunk, boot/start.tsx) are even
 * fetched, and the server answers while the page is still busy with its own start. Nothing here may
 * import React or i18next: they would be pulled into the entry.
 */

/** The sign-in status; the gate handles a failure (a locked base). */
export const earlyStatus: Promise<CommandOutput<'clerks.status'>> = call('clerks.status', {});
earlyStatus.catch(() => undefined);

const REMEMBERED_LANGUAGE = 'tourdesk.ui.language';

function rememberedLanguage(): Language {
  try {
    const value = localStorage.getItem(REMEMBERED_LANGUAGE);
    return isLanguage(value) ? value : 'ru';
  } catch {
    return 'ru';
  }
}

// The text of the language this window used last (Russian at first) is fetched beside the setting,
// not after it: the setting decides, and another language's text is fetched when it differs.
const guessed = rememberedLanguage();
const guessedText = LANGUAGE_TEXT[guessed]();
guessedText.catch(() => undefined);

/** The clerk's language (the setting) and its text. */
export const earlyLanguage: Promise<{ language: Language; text: UiText }> = call('settings.get', {
  key: 'ui.language',
})
  .catch(() => ({ value: null }))
  .then(async (stored) => {
    const language = isLanguage(stored.value) ? stored.value : 'ru';
    try {
      localStorage.setItem(REMEMBERED_LANGUAGE, language);
    } catch {
      // no storage (a locked-down profile): the next start guesses Russian
    }
    return { language, text: await (language === guessed ? guessedText : LANGUAGE_TEXT[language]()) };
  });

askOpeningPage();
askOpeningSettings();
