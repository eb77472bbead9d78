import {
  internalPassportDocument,
  type Client,
  type ClientDocument,
  type ClientInput,
  type DocumentInput,
} from './client';
import { CLIENT_SYNC_FIELDS, type ClientSyncField, type TouristFields } from './tour';

/** The passport the tourist travels on: the client's valid foreign passport that expires last. */
export function travelPassport(documents: readonly ClientDocument[]): ClientDocument | undefined {
  return documents
    .filter((d) => d.kind === 'foreign_passport' && !d.archived)
    .sort((a, b) => (b.expiryDate ?? '').localeCompare(a.expiryDate ?? ''))[0];
}

/** R1: a regular client's data copied into a tourist of a tour. */
export function touristFromClient(client: Client, keep: Pick<TouristFields, 'ticketNumber'>): TouristFields {
  const passport = travelPassport(client.documents);
  const internal = client.documents.find((d) => d.kind === 'internal_passport' && !d.archived);
  return {
    lastNameRu: client.lastNameRu,
    firstNameRu: client.firstNameRu,
    middleNameRu: client.middleNameRu,
    lastNameLat: client.lastNameLat,
    firstNameLat: client.firstNameLat,
    gender: client.gender,
    birthDate: client.birthDate,
    citizenship: client.citizenship,
    passportSeries: passport?.series ?? '',
    passportNumber: passport?.number ?? '',
    passportIssueDate: passport?.issueDate ?? null,
    passportExpiry: passport?.expiryDate ?? null,
    passportLastNameLat: passport?.lastNameLat ?? '',
    passportFirstNameLat: passport?.firstNameLat ?? '',
    internalSeries: internal?.series ?? '',
    internalNumber: internal?.number ?? '',
    ticketNumber: keep.ticketNumber,
    phone: client.phone,
    email: client.email,
  };
}

export interface SyncDifference {
  field: ClientSyncField;
  tourist: string;
  client: string;
}

/** The synced fields that are one value each: every one but the two passports. */
const PLAIN_SYNC_FIELDS = CLIENT_SYNC_FIELDS.filter(
  (f): f is Exclude<ClientSyncField, 'foreignPassport' | 'internalPassport'> =>
    f !== 'foreignPassport' && f !== 'internalPassport',
);

const passportText = (series: string, number: string, expiry: string | null) =>
  [series, number].filter(Boolean).join(' ') + (expiry ? ` (${expiry})` : '');

/** R3: what differs between a tourist and its regular client, field by field, for the overwrite dialog. */
export function touristClientDifferences(tourist: TouristFields, client: Client): SyncDifference[] {
  const fromClient = touristFromClient(client, { ticketNumber: '' });
  const out: SyncDifference[] = [];
  for (const field of PLAIN_SYNC_FIELDS) {
    const a = tourist[field] ?? '';
    const b = fromClient[field] ?? '';
    if (a !== b) out.push({ field, tourist: a, client: b });
  }
  const hasPassport = tourist.passportNumber !== '';
  const knownPassport = client.documents.find(
    (d) =>
      d.kind === 'foreign_passport' &&
      d.series === tourist.passportSeries &&
      d.number === tourist.passportNumber,
  );
  if (
    hasPassport &&
    (!knownPassport ||
      knownPassport.expiryDate !== tourist.passportExpiry ||
      knownPassport.issueDate !== tourist.passportIssueDate ||
      knownPassport.lastNameLat !== tourist.passportLastNameLat ||
      knownPassport.firstNameLat !== tourist.passportFirstNameLat)
  ) {
    out.push({
      field: 'foreignPassport',
      tourist: passportText(tourist.passportSeries, tourist.passportNumber, tourist.passportExpiry),
      client: passportText(fromClient.passportSeries, fromClient.passportNumber, fromClient.passportExpiry),
    });
  }
  const internalKnown = client.documents.some(
    (d) =>
      d.kind === 'internal_passport' &&
      d.series === tourist.internalSeries &&
      d.number === tourist.internalNumber,
  );
  if (tourist.internalNumber !== '' && !internalKnown) {
    out.push({
      field: 'internalPassport',
      tourist: passportText(tourist.internalSeries, tourist.internalNumber, null),
      client: passportText(fromClient.internalSeries, fromClient.internalNumber, null),
    });
  }
  return out;
}

export function foreignPassportDocument(tourist: TouristFields): DocumentInput {
  return {
    kind: 'foreign_passport',
    issuingCountry: tourist.citizenship,
    series: tourist.passportSeries,
    number: tourist.passportNumber,
    issueDate: tourist.passportIssueDate,
    expiryDate: tourist.passportExpiry,
    issuedBy: '',
    lastNameLat: tourist.passportLastNameLat,
    firstNameLat: tourist.passportFirstNameLat,
    archived: false,
  };
}

/**
 * The client after taking the chosen fields from the tourist. A new foreign passport is added (an
 * older one with the same number is updated in place); the client's other documents stay.
 */
export function applyTouristToClient(
  client: Client,
  tourist: TouristFields,
  fields: readonly ClientSyncField[],
): ClientInput {
  const next: ClientInput = { ...client, documents: client.documents.map((d) => ({ ...d })) };
  for (const field of fields) {
    if (field === 'foreignPassport') {
      const doc = foreignPassportDocument(tourist);
      const index = next.documents.findIndex(
        (d) => d.kind === 'foreign_passport' && d.series === doc.series && d.number === doc.number,
      );
      if (index >= 0)
        next.documents[index] = {
          ...next.documents[index],
          ...doc,
          issuedBy: next.documents[index]!.issuedBy,
        };
      else next.documents.push(doc);
    } else if (field === 'internalPassport') {
      next.documents = next.documents.filter((d) => d.kind !== 'internal_passport' || d.archived);
      next.documents.push(internalPassportDocument(tourist.internalSeries, tourist.internalNumber));
    } else {
      (next as unknown as Record<string, unknown>)[field] = tourist[field];
    }
  }
  return next;
}

/** R2: a new regular client made from a tourist. */
export function clientFromTourist(tourist: TouristFields): ClientInput {
  const documents: DocumentInput[] = [];
  if (tourist.passportNumber !== '') documents.push(foreignPassportDocument(tourist));
  if (tourist.internalNumber !== '') {
    documents.push(internalPassportDocument(tourist.internalSeries, tourist.internalNumber));
  }
  return {
    lastNameRu: tourist.lastNameRu,
    firstNameRu: tourist.firstNameRu,
    middleNameRu: tourist.middleNameRu,
    lastNameLat: tourist.lastNameLat,
    firstNameLat: tourist.firstNameLat,
    gender: tourist.gender,
    birthDate: tourist.birthDate,
    birthPlace: '',
    citizenship: tourist.citizenship,
    phone: tourist.phone,
    email: tourist.email,
    address: '',
    notes: '',
    preferences: '',
    cardLast4: '',
    documents,
  };
}
