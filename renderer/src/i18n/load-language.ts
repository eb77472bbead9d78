import type { i18n } from 'i18next';
import { i18nWith, type UiText } from '../../../shared/i18n/instance';
import type { Language } from '../../../shared/i18n/languages';
import { LANGUAGE_TEXT } from './language-text';

/** An i18next instance with the chosen language's text (already fetched by the boot). */
export function i18nFor(language: Language, text: UiText): i18n {
  return i18nWith(language, { [language]: text });
}

/** Switches the UI language, loading its text first when it has not been used yet. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation'))
    instance.addResourceBundle(language, 'translation', await LANGUAGE_TEXT[language]());
  await instance.changeLanguage(language);
}
