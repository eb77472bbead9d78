import type { TourService, TouristFields } from './tour';

/**
 * The one list of a tour's tourist columns: the Excel report writes it, the import's "from another
 * tour" grid and the import benchmark read it. The headers are ones the import recognises, so a
 * report reads back in as the same tourists.
 */
export interface TouristColumn {
  header: string;
  width: number;
  /** Dates are ISO strings here; the report writes them as real date cells. */
  kind: 'text' | 'date';
  /** Whether the column describes the person (and so is copied to another tour) or this trip only. */
  personal: boolean;
  value: (
    tourist: TouristFields & { serviceIds?: readonly number[] },
    services: readonly TourService[],
  ) => string;
}

const gender = (g: TouristFields['gender']) => (g === 'M' ? 'М' : g === 'F' ? 'Ж' : '');

export const TOURIST_COLUMNS: readonly TouristColumn[] = [
  { header: 'Фамилия', width: 18, kind: 'text', personal: true, value: (t) => t.lastNameRu },
  { header: 'Имя', width: 14, kind: 'text', personal: true, value: (t) => t.firstNameRu },
  { header: 'Отчество', width: 16, kind: 'text', personal: true, value: (t) => t.middleNameRu },
  { header: 'Фамилия (лат.)', width: 18, kind: 'text', personal: true, value: (t) => t.lastNameLat },
  { header: 'Имя (лат.)', width: 14, kind: 'text', personal: true, value: (t) => t.firstNameLat },
  { header: 'Пол', width: 6, kind: 'text', personal: true, value: (t) => gender(t.gender) },
  { header: 'Дата рождения', width: 13, kind: 'date', personal: true, value: (t) => t.birthDate ?? '' },
  { header: 'Гражданство', width: 12, kind: 'text', personal: true, value: (t) => t.citizenship },
  {
    header: 'Серия загранпаспорта',
    width: 10,
    kind: 'text',
    personal: true,
    value: (t) => t.passportSeries,
  },
  {
    header: 'Номер загранпаспорта',
    width: 14,
    kind: 'text',
    personal: true,
    value: (t) => t.passportNumber,
  },
  {
    header: 'Загранпаспорт действителен до',
    width: 13,
    kind: 'date',
    personal: true,
    value: (t) => t.passportExpiry ?? '',
  },
  {
    header: 'Паспорт РФ',
    width: 14,
    kind: 'text',
    personal: true,
    value: (t) => [t.internalSeries, t.internalNumber].filter(Boolean).join(' '),
  },
  { header: 'Номер билета', width: 16, kind: 'text', personal: false, value: (t) => t.ticketNumber },
  { header: 'Телефон', width: 18, kind: 'text', personal: true, value: (t) => t.phone },
  { header: 'Email', width: 24, kind: 'text', personal: true, value: (t) => t.email },
  {
    header: 'Услуги',
    width: 40,
    kind: 'text',
    personal: false,
    value: (t, services) =>
      services
        .filter((s) => (t.serviceIds ?? []).includes(s.id))
        .map((s) => s.description || s.kind)
        .join('; '),
  },
];

/** Tourists as a header row and text rows, with the columns chosen (all, or only the personal ones). */
export function touristsTable(
  tourists: readonly (TouristFields & { serviceIds?: readonly number[] })[],
  services: readonly TourService[],
  which: 'all' | 'personal' = 'all',
): string[][] {
  const columns = TOURIST_COLUMNS.filter((c) => which === 'all' || c.personal);
  return [columns.map((c) => c.header), ...tourists.map((t) => columns.map((c) => c.value(t, services)))];
}
