import type { Selectable } from 'kysely';
import type {
  Client,
  ClientDocument,
  ClientInput,
  ClientRow,
  DocumentInput,
} from '../../../shared/domain/client';
import { nameKey } from '../../../shared/names';
import type { ClientsTable, DocumentsTable } from '../db/schema';

type ClientRecord = Selectable<ClientsTable>;
type DocumentRecord = Selectable<DocumentsTable>;

export function toClientRow(r: ClientRecord): ClientRow {
  return {
    id: r.id,
    lastNameRu: r.last_name_ru,
    firstNameRu: r.first_name_ru,
    middleNameRu: r.middle_name_ru,
    lastNameLat: r.last_name_lat,
    firstNameLat: r.first_name_lat,
    gender: r.gender,
    birthDate: r.birth_date,
    citizenship: r.citizenship,
    phone: r.phone,
    email: r.email,
    passportNumber: r.passport_number,
    passportExpiry: r.passport_expiry,
    updatedAt: r.updated_at,
  };
}

export function toDocument(d: DocumentRecord): ClientDocument {
  return {
    id: d.id,
    kind: d.kind,
    issuingCountry: d.issuing_country,
    series: d.series,
    number: d.number,
    issueDate: d.issue_date,
    expiryDate: d.expiry_date,
    issuedBy: d.issued_by,
    lastNameLat: d.last_name_lat,
    firstNameLat: d.first_name_lat,
    archived: d.archived === 1,
  };
}

export function toClient(r: ClientRecord, documents: DocumentRecord[]): Client {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastNameRu: r.last_name_ru,
    firstNameRu: r.first_name_ru,
    middleNameRu: r.middle_name_ru,
    lastNameLat: r.last_name_lat,
    firstNameLat: r.first_name_lat,
    gender: r.gender,
    birthDate: r.birth_date,
    birthPlace: r.birth_place,
    citizenship: r.citizenship,
    phone: r.phone,
    email: r.email,
    address: r.address,
    notes: r.notes,
    preferences: r.preferences,
    cardLast4: r.card_last4,
    documents: documents.map(toDocument),
  };
}

type NameFields = Pick<
  ClientInput,
  'lastNameRu' | 'firstNameRu' | 'middleNameRu' | 'lastNameLat' | 'firstNameLat'
>;

const joinName = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

/** The list's sort keys: the Cyrillic name (Latin when there is none), and the Latin one. */
export function sortNamesOf(input: NameFields): { sortName: string; sortNameLat: string } {
  const latinName = joinName(input.lastNameLat, input.firstNameLat);
  const cyrillicName = joinName(input.lastNameRu, input.firstNameRu, input.middleNameRu);
  // Ё sorts as Е (a Russian index's order); in code points ё would come after я.
  const sortKey = (name: string) => name.toLowerCase().replace(/ё/g, 'е');
  return {
    sortName: sortKey(cyrillicName || latinName),
    sortNameLat: sortKey(latinName || cyrillicName),
  };
}

export function clientColumns(input: ClientInput) {
  const passport = currentForeignPassport(input.documents);
  const { sortName, sortNameLat } = sortNamesOf(input);
  return {
    last_name_ru: input.lastNameRu,
    first_name_ru: input.firstNameRu,
    middle_name_ru: input.middleNameRu,
    last_name_lat: input.lastNameLat,
    first_name_lat: input.firstNameLat,
    gender: input.gender,
    birth_date: input.birthDate,
    birth_place: input.birthPlace,
    citizenship: input.citizenship,
    phone: input.phone,
    email: input.email,
    address: input.address,
    notes: input.notes,
    preferences: input.preferences,
    card_last4: input.cardLast4,
    sort_name: sortName,
    sort_name_lat: sortNameLat,
    passport_number: passport ? `${passport.series}${passport.number}` : '',
    passport_expiry: passport?.expiryDate ?? null,
  };
}

export function documentColumns(doc: DocumentInput) {
  return {
    kind: doc.kind,
    issuing_country: doc.issuingCountry,
    series: doc.series,
    number: doc.number,
    issue_date: doc.issueDate,
    expiry_date: doc.expiryDate,
    issued_by: doc.issuedBy,
    last_name_lat: doc.lastNameLat,
    first_name_lat: doc.firstNameLat,
    archived: doc.archived ? 1 : 0,
  };
}

/** The passport the list shows: the valid foreign passport that expires last. */
export function currentForeignPassport(documents: DocumentInput[]): DocumentInput | undefined {
  return documents
    .filter((d) => d.kind === 'foreign_passport' && !d.archived)
    .sort((a, b) => (b.expiryDate ?? '').localeCompare(a.expiryDate ?? ''))[0];
}

/**
 * Every spelling of the surname (the Cyrillic, the Latin, each passport's printed Latin) as sorted
 * distinct name keys; nameKey folds the transliteration schemes, so one surname is usually one key. A client whose surname gives no key still gets '' so that it is
 * counted by the empty search.
 */
export function searchKeysOf(input: {
  lastNameRu: string;
  lastNameLat: string;
  documents: readonly { lastNameLat: string }[];
}): string[] {
  const spellings = [input.lastNameRu, input.lastNameLat, ...input.documents.map((d) => d.lastNameLat)];
  const keys = [...new Set(spellings.map(nameKey).filter((k) => k !== ''))].sort();
  return keys.length > 0 ? keys : [''];
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The rows of client_search_keys for one client (see the migration for prev_lcp). */
export function searchKeyRows(clientId: number, sortName: string, keys: string[]) {
  return keys.map((key, i) => ({
    key,
    sort_name: sortName,
    client_id: clientId,
    prev_lcp: i === 0 ? -1 : commonPrefixLength(keys[i - 1] as string, key),
  }));
}
