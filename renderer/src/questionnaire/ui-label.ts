import { isLanguage } from '../../../shared/i18n/languages';
import type { Labels } from '../../../shared/questionnaire/reference';

/** A form's, field's or option's label in the UI language; the Russian one where that is not filled in. */
export function uiLabel(labels: Labels, uiLanguage: string): string {
  return (isLanguage(uiLanguage) && labels[uiLanguage]) || labels.ru || labels.en || labels.fr;
}
