import type { i18n } from 'i18next';
import { i18nWith, type UiText } from '../../../shared/i18n/instance';
import type { Language } from '../../../shared/i18n/languages';

// Each language is a chunk of its own: the first paint parses the chosen language's text only.
const LOADERS: Record<Language, () => Promise<UiText>> = {
  ru: () => import('../../../shared/i18n/ru').then((m) => m.ru),
  en: () => import('../../../shared/i18n/en').then((m) => m.en),
  fr: () => import('../../../shared/i18n/fr').then((m) => m.fr),
};

/** An i18next instance with the chosen language's text loaded. */
export async function loadI18n(language: Language): Promise<i18n> {
  return i18nWith(language, { [language]: await LOADERS[language]() });
}

/** Switches the UI language, loading its text first when it has not been used yet. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation'))
    instance.addResourceBundle(language, 'translation', await LOADERS[language]());
  await instance.changeLanguage(language);
}
