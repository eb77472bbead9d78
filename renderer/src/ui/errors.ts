import type { TFunction } from 'i18next';
import { ApiCallError } from '../api/client';

/** The user-language message for any failure of an API call. */
export function describeError(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) return t(`errors.${error.error.code}`, { detail: error.error.message });
  return t('errors.INTERNAL');
}
