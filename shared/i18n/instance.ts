import i18next, { type i18n } from 'i18next';
import type { Language } from './languages';
import type { ru } from './ru';

export type UiText = typeof ru;

/** An i18next instance holding the given languages' text; Russian is the fallback. */
export function i18nWith(language: Language, texts: Partial<Record<Language, UiText>>): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'ru',
    initAsync: false,
    resources: Object.fromEntries(Object.entries(texts).map(([l, text]) => [l, { translation: text }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
