import type { UiText } from '../../../shared/i18n/instance';
import type { Language } from '../../../shared/i18n/languages';

/**
 * Each language's text is a chunk of its own: the first paint parses the chosen language only. No
 * i18next here, so the boot can start fetching the text before the main bundle has run.
 */
export const LANGUAGE_TEXT: Record<Language, () => Promise<UiText>> = {
  ru: () => import('../../../shared/i18n/ru').then((m) => m.ru),
  en: () => import('../../../shared/i18n/en').then((m) => m.en),
  fr: () => import('../../../shared/i18n/fr').then((m) => m.fr),
};
