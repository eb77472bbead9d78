import { describe, expect, it } from 'vitest';
import { emptyClientInput, emptyDocument, type ClientInput } from '../../../shared/domain/client';
import { normalizeDocument, validateClient } from '../../../shared/domain/client-validation';

const TODAY = '2026-11-23';
const codes = (input: ClientInput) => validateClient(input, TODAY).map((i) => `${i.path}:${i.code}`);
const withDocs = (...documents: ClientInput['documents']): ClientInput => ({
  ...emptyClientInput(),
  lastNameRu: 'Иванов',
  documents,
});

describe('client validation', () => {
  it('needs a surname in one script', () => {
    expect(codes({ ...emptyClientInput(), documents: [] })).toEqual(['lastNameRu:nameRequired']);
    expect(codes({ ...emptyClientInput(), lastNameLat: 'IVANOV', documents: [] })).toEqual([]);
  });

  it('checks Russian foreign passports: 2 + 7 digits', () => {
    const doc = { ...emptyDocument('foreign_passport'), series: '75', number: '1234567' };
    expect(codes(withDocs(doc))).toEqual([]);
    expect(codes(withDocs({ ...doc, number: '123456' }))).toEqual(['documents.0.number:ruForeignPassport']);
    expect(codes(withDocs({ ...doc, series: '7A' }))).toEqual(['documents.0.number:ruForeignPassport']);
  });

  it('checks Russian internal passports: 4 + 6 digits', () => {
    const doc = { ...emptyDocument('internal_passport'), series: '45 06', number: '123456' };
    expect(codes(withDocs(doc))).toEqual([]);
    expect(codes(withDocs({ ...doc, number: '12345' }))).toEqual(['documents.0.number:ruInternalPassport']);
  });

  it('is lenient with other countries but still wants a number', () => {
    expect(codes(withDocs({ ...emptyDocument('foreign_passport', 'KAZ'), number: 'N12345678' }))).toEqual([]);
    expect(codes(withDocs({ ...emptyDocument('foreign_passport', 'DEU'), number: 'C01X00T47' }))).toEqual([]);
    expect(codes(withDocs(emptyDocument('foreign_passport', 'KAZ')))).toEqual([
      'documents.0.number:documentNumberRequired',
    ]);
  });

  it('checks dates, Latin names, email and country codes', () => {
    const doc = {
      ...emptyDocument('foreign_passport'),
      series: '75',
      number: '1234567',
      issueDate: '2027-01-01',
      expiryDate: '2026-01-01',
      lastNameLat: 'ИВАНОВ',
    };
    expect(
      codes({
        ...withDocs(doc),
        birthDate: '2030-01-01',
        email: 'ivanov@',
        citizenship: 'Russia',
        firstNameRu: 'Иван2',
      }),
    ).toEqual([
      'firstNameRu:nameHasDigits',
      'birthDate:dateInFuture',
      'email:emailInvalid',
      'citizenship:countryCode',
      'documents.0.issueDate:dateInFuture',
      'documents.0.expiryDate:expiryBeforeIssue',
      'documents.0.lastNameLat:latinOnly',
    ]);
  });

  it('splits a Russian passport typed as one run of digits and strips №', () => {
    expect(normalizeDocument({ ...emptyDocument('foreign_passport'), number: '75 1234567' })).toMatchObject({
      series: '75',
      number: '1234567',
    });
    expect(
      normalizeDocument({ ...emptyDocument('internal_passport'), number: '№ 4506 123456' }),
    ).toMatchObject({
      series: '4506',
      number: '123456',
    });
    expect(
      normalizeDocument({ ...emptyDocument('foreign_passport', 'KAZ'), number: '№ n1234567' }),
    ).toMatchObject({
      series: '',
      number: 'N1234567',
    });
  });
});
