/** The columns a client's name is shown from, for selects that show one (lists, family, worklist). */
export const CLIENT_NAME_COLUMNS = [
  'last_name_ru',
  'first_name_ru',
  'middle_name_ru',
  'last_name_lat',
  'first_name_lat',
] as const;

/** The same columns taken from `clients` in a join. */
export const JOINED_CLIENT_NAME_COLUMNS = [
  'clients.last_name_ru',
  'clients.first_name_ru',
  'clients.middle_name_ru',
  'clients.last_name_lat',
  'clients.first_name_lat',
] as const;

export type ClientNameColumns = Record<(typeof CLIENT_NAME_COLUMNS)[number], string>;

/** The Cyrillic name with the patronymic, or the Latin one when the card has no Cyrillic. */
export function displayName(r: ClientNameColumns): string {
  const ru = [r.last_name_ru, r.first_name_ru, r.middle_name_ru].filter(Boolean).join(' ');
  return ru || [r.last_name_lat, r.first_name_lat].filter(Boolean).join(' ');
}
