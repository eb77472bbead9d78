import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/client';

/** The user-language message for any failure of an API call. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError && error.error.reason) {
    const params = error.error.params ?? {};
    const entity = typeof params.table === 'string' ? t(`undo.entities.${params.table}`) : '';
    const fieldName = typeof params.field === 'string' ? t(`errors.fields.${params.field}`) : '';
    return t(`errors.reasons.${error.error.reason}`, { ...params, entity, fieldName });
  }
  if (error instanceof ApiCallError) return t(`errors.${error.error.code}`, { detail: error.error.message });
  return t('errors.INTERNAL');
}

/** Like describeError, but a validation error says what its first issue is (row, column, word). */
export function describeErrorDetail(t: TFunction, error: unknown): string {
  const issue = error instanceof ApiCallError ? error.error.issues?.[0] : undefined;
  if (issue) return t(`validation.${issue.code}`, issue.params ?? {});
  if (error instanceof ApiCallError && error.error.code === 'BAD_INPUT' && !error.error.reason)
    return t('books.badFile');
  return describeError(t, error);
}
