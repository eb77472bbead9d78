import type { i18n } from 'i18next';
import { en } from './en';
import { fr } from './fr';
import { i18nWith } from './instance';
import { LANGUAGES, type Language } from './languages';
import { ru } from './ru';

export { isLanguage, LANGUAGES, LOCALES, type Language } from './languages';

/** Every UI language's text, for code that needs one language's strings without an i18next instance. */
export const UI_TEXT: Record<Language, typeof ru> = { ru, en, fr };

/** One i18next instance with every UI language bundled; Russian is the default. */
export function createI18n(language: Language = 'ru'): i18n {
  return i18nWith(language, Object.fromEntries(LANGUAGES.map((l) => [l, UI_TEXT[l]])));
}
