import { AppError } from '../../../shared/api/envelope';
import { uniqueViolation } from './dialect';

/**
 * The field a clerk knows a unique key by (errors.fields.<name> in the UI); any other key is "value".
 * Keys: "table.column" as both dialects name them.
 */
const FIELDS: Record<string, string> = {
  'tours.voucher': 'voucher',
  'clerks.name_key': 'name',
  'dictionary_entries.ru_key': 'word',
  'countries.code': 'country',
  'questionnaire_forms.key': 'form',
};

/**
 * A unique-key refusal the code did not foresee (two clerks saving the same voucher at the same
 * moment: both checks passed, the server refused the second insert) as a clerk-facing error that
 * says which field, instead of INTERNAL. Null for any other error.
 */
export function uniqueViolationError(error: unknown): AppError | null {
  const found = uniqueViolation(error);
  if (!found) return null;
  const field = FIELDS[`${found.table}.${found.columns.join(',')}`] ?? 'value';
  const message = `${found.table || 'a table'} already has a row with this ${found.columns.join(', ') || 'key'}`;
  if (field === 'voucher')
    return new AppError('VALIDATION', message, [{ path: 'voucher', code: 'voucherTaken' }]);
  return new AppError('VALIDATION', message, undefined, { reason: 'valueTaken', params: { field } });
}
