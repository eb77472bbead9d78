import type { TouristFields } from './tour';

/**
 * Fields that only make sense together: a passport's number without its own dates and printed
 * name, or a Latin surname with the other spelling's first name, would describe nobody.
 */
const GROUPS: readonly (readonly (keyof TouristFields)[])[] = [
  ['lastNameRu', 'firstNameRu', 'middleNameRu'],
  ['lastNameLat', 'firstNameLat'],
  [
    'passportNumber',
    'passportSeries',
    'passportIssueDate',
    'passportExpiry',
    'passportLastNameLat',
    'passportFirstNameLat',
  ],
  ['internalNumber', 'internalSeries'],
  ['gender'],
  ['birthDate'],
  ['citizenship'],
  ['ticketNumber'],
  ['phone'],
  ['email'],
];

const isEmpty = (v: string | null) => v === null || v === '';

/**
 * One tourist row of a person who was twice in a tour (two cards merged): the kept row as it is,
 * with each group of fields it left empty taken from the other row (its ticket, the passport it
 * travels on…). Returns the fields and the first field of each group carried over.
 */
export function foldTourist(
  kept: TouristFields,
  other: TouristFields,
): { fields: TouristFields; carried: (keyof TouristFields)[] } {
  const fields = { ...kept };
  const carried: (keyof TouristFields)[] = [];
  for (const group of GROUPS) {
    const lead = group[0] as keyof TouristFields;
    if (!isEmpty(kept[lead]) || isEmpty(other[lead])) continue;
    for (const field of group) Object.assign(fields, { [field]: other[field] });
    carried.push(lead);
  }
  return { fields, carried };
}
