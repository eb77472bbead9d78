import { choiceCodes } from '../../../../shared/questionnaire/answers';
import type { PrintSheet } from '../../../../shared/questionnaire/model';

export interface SheetValues {
  /** The printed value of a field ('' when empty). */
  value: (key: string) => string;
  /** Whether a choice field's answer holds the option code. */
  ticked: (key: string, code: string) => boolean;
  /** Values joined with a separator, empty ones left out. */
  join: (keys: readonly string[], separator?: string) => string;
}

export function sheetValues(sheet: PrintSheet): SheetValues {
  const answers = new Map(sheet.answers.map((a) => [a.fieldKey, a]));
  const value = (key: string) => answers.get(key)?.value.trim() ?? '';
  return {
    value,
    ticked: (key, code) => choiceCodes(answers.get(key)?.source ?? '').includes(code),
    join: (keys, separator = ', ') =>
      keys
        .map(value)
        .filter((v) => v !== '')
        .join(separator),
  };
}
