import type { ClientRow } from '../../../shared/domain/client';
import { formatDate } from '../../../shared/domain/dates';

export function cyrillicFullName(
  row: Pick<ClientRow, 'lastNameRu' | 'firstNameRu' | 'middleNameRu'>,
): string {
  return [row.lastNameRu, row.firstNameRu, row.middleNameRu].filter(Boolean).join(' ');
}

export function latinFullName(row: Pick<ClientRow, 'lastNameLat' | 'firstNameLat'>): string {
  return [row.lastNameLat, row.firstNameLat].filter(Boolean).join(' ');
}

/** The name a clerk recognises: Cyrillic when known, otherwise the Latin. */
export function displayName(
  row: ClientRow | (Parameters<typeof cyrillicFullName>[0] & Parameters<typeof latinFullName>[0]),
): string {
  return cyrillicFullName(row) || latinFullName(row);
}

export { formatDate };
