/** The UI languages and their locales, without their text (the renderer loads one language's text). */
export const LANGUAGES = ['ru', 'en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale dates and amounts are formatted in for each UI language. */
export const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
