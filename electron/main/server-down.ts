import type { Dialog } from 'electron';
import { UI_TEXT, type Language } from '../../shared/i18n/create-i18n';

/** The UI language for a system locale before any base is open (the app's own setting lives in the base). */
export function startLanguage(locale: string): Language {
  if (locale.startsWith('en')) return 'en';
  if (locale.startsWith('fr')) return 'fr';
  return 'ru';
}

/**
 * The question Electron asks when the office server cannot be opened at start: this computer's base
 * instead, or quit. The server's reason is shown as the detail, for whoever runs the server.
 */
export function askLocalInstead(dialog: Pick<Dialog, 'showMessageBox'>, locale: string) {
  const text = UI_TEXT[startLanguage(locale)].office.serverDown;
  return async (reason: string): Promise<boolean> => {
    const answer = await dialog.showMessageBox({
      type: 'warning',
      title: text.title,
      message: text.message,
      detail: reason,
      buttons: [text.openLocal, text.quit],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    return answer.response === 0;
  };
}
