import type { Selectable } from 'kysely';
import type {
  ServiceInput,
  TourInput,
  TourService,
  Tourist,
  TouristFields,
} from '../../../shared/domain/tour';
import { nameKey } from '../../../shared/names';
import type { TourServicesTable, TouristsTable } from '../db/schema';

export function toService(r: Selectable<TourServicesTable>): TourService {
  return {
    id: r.id,
    kind: r.kind,
    description: r.description,
    startDate: r.start_date,
    endDate: r.end_date,
    priceMinor: r.price_minor,
  };
}

export function serviceColumns(s: ServiceInput, position: number) {
  return {
    kind: s.kind,
    description: s.description.trim(),
    start_date: s.startDate,
    end_date: s.endDate,
    price_minor: s.priceMinor,
    position,
  };
}

export function tourColumns(t: TourInput) {
  return {
    voucher: t.voucher.trim(),
    arrival_date: t.arrivalDate,
    departure_date: t.departureDate,
    country: t.country.trim().toUpperCase(),
    resort: t.resort.trim(),
    hotel: t.hotel.trim(),
    status: t.status,
    price_minor: t.priceMinor,
    cost_minor: t.costMinor,
    currency: t.currency,
    notes: t.notes,
  };
}

export function toTourist(r: Selectable<TouristsTable>, serviceIds: number[]): Tourist {
  return {
    id: r.id,
    tourId: r.tour_id,
    clientId: r.client_id,
    version: r.version,
    serviceIds,
    lastNameRu: r.last_name_ru,
    firstNameRu: r.first_name_ru,
    middleNameRu: r.middle_name_ru,
    lastNameLat: r.last_name_lat,
    firstNameLat: r.first_name_lat,
    gender: r.gender,
    birthDate: r.birth_date,
    citizenship: r.citizenship,
    passportSeries: r.passport_series,
    passportNumber: r.passport_number,
    passportIssueDate: r.passport_issue_date,
    passportExpiry: r.passport_expiry,
    passportLastNameLat: r.passport_last_name_lat,
    passportFirstNameLat: r.passport_first_name_lat,
    internalSeries: r.internal_series,
    internalNumber: r.internal_number,
    ticketNumber: r.ticket_number,
    phone: r.phone,
    email: r.email,
  };
}

/**
 * The tourists row of a tourist's fields. `keyOf` computes the surname keys: an import passes one
 * that remembers each surname's key, so a list of 5,000 people computes each surname once.
 */
export function touristColumns(t: TouristFields, keyOf: (name: string) => string = nameKey) {
  return {
    last_name_ru: t.lastNameRu.trim(),
    first_name_ru: t.firstNameRu.trim(),
    middle_name_ru: t.middleNameRu.trim(),
    last_name_lat: t.lastNameLat,
    first_name_lat: t.firstNameLat,
    gender: t.gender,
    birth_date: t.birthDate,
    citizenship: t.citizenship.trim().toUpperCase(),
    passport_series: t.passportSeries,
    passport_number: t.passportNumber,
    passport_issue_date: t.passportIssueDate,
    passport_expiry: t.passportExpiry,
    passport_last_name_lat: t.passportLastNameLat,
    passport_first_name_lat: t.passportFirstNameLat,
    internal_series: t.internalSeries,
    internal_number: t.internalNumber,
    ticket_number: t.ticketNumber.trim(),
    phone: t.phone.trim(),
    email: t.email.trim(),
    // Keys of the surname for "find tour by tourist name", in whichever script it is written.
    name_key: keyOf(t.lastNameRu || t.lastNameLat),
    name_key_lat: keyOf(t.lastNameLat || t.lastNameRu),
  };
}

export function displayTouristName(t: {
  lastNameRu: string;
  firstNameRu: string;
  lastNameLat: string;
  firstNameLat: string;
}): string {
  return (
    [t.lastNameRu, t.firstNameRu].filter(Boolean).join(' ') ||
    [t.lastNameLat, t.firstNameLat].filter(Boolean).join(' ')
  );
}
