import i18next, { type i18n } from 'i18next';
import { en } from './en';
import { fr } from './fr';
import { ru } from './ru';

export const LANGUAGES = ['ru', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every UI language's text, for code that needs one language's strings without an i18next instance. */
export const UI_TEXT: Record<Language, typeof ru> = { ru, en, fr };

/** The locale dates and amounts are formatted in for each UI language. */
export const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** One i18next instance with every UI language bundled; Russian is the default. */
export function createI18n(language: Language = 'ru'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'ru',
    initAsync: false,
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: UI_TEXT[l] }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
