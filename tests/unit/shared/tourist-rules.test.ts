import { describe, expect, it } from 'vitest';
import { emptyClientInput, type Client } from '../../../shared/domain/client';
import { startsLikeFormula } from '../../../shared/domain/spreadsheet-safety';
import { emptyTouristFields } from '../../../shared/domain/tour';
import { touristWarnings } from '../../../shared/domain/tourist-checks';
import {
  applyTouristToClient,
  touristClientDifferences,
  touristFromClient,
} from '../../../shared/domain/tourist-client';

const client: Client = {
  ...emptyClientInput(),
  id: 1,
  version: 3,
  createdAt: '',
  updatedAt: '',
  lastNameRu: 'Иванов',
  lastNameLat: 'IVANOV',
  firstNameLat: 'IVAN',
  phone: '111',
  cardLast4: '',
  documents: [
    {
      id: 10,
      kind: 'foreign_passport',
      issuingCountry: 'RUS',
      series: '75',
      number: '1234567',
      issueDate: '2020-01-01',
      expiryDate: '2030-01-01',
      issuedBy: 'МВД',
      lastNameLat: 'IVANOV',
      firstNameLat: 'IVAN',
      archived: false,
    },
    {
      id: 11,
      kind: 'foreign_passport',
      issuingCountry: 'RUS',
      series: '70',
      number: '0000001',
      issueDate: '2010-01-01',
      expiryDate: '2020-01-01',
      issuedBy: '',
      lastNameLat: 'IVANOV',
      firstNameLat: 'IVAN',
      archived: true,
    },
  ],
};

describe('passport checks against the trip', () => {
  const trip = { arrivalDate: '2027-05-01', departureDate: '2027-05-10' };
  const tourist = { ...emptyTouristFields(), passportNumber: '1234567', passportExpiry: '2027-08-01' };
  it('warns when the passport expires before the return plus the margin', () => {
    expect(touristWarnings(tourist, trip, 3)).toEqual([
      { code: 'passportExpiresTooSoon', expiry: '2027-08-01', requiredUntil: '2027-08-10', marginMonths: 3 },
    ]);
    expect(touristWarnings({ ...tourist, passportExpiry: '2027-08-10' }, trip, 3)).toEqual([]);
    expect(touristWarnings(tourist, trip, 0)).toEqual([]);
  });
  it('warns about a missing passport and a Latin name unlike the printed one', () => {
    expect(touristWarnings(emptyTouristFields(), trip, 3)).toEqual([{ code: 'passportMissing' }]);
    const differs = {
      ...tourist,
      passportExpiry: '2030-01-01',
      lastNameLat: 'IVANOV',
      firstNameLat: 'IVAN',
      passportLastNameLat: 'IVANOV',
      passportFirstNameLat: 'IVAN SERGEEVICH',
    };
    expect(touristWarnings(differs, trip, 3)).toEqual([
      { code: 'latinDiffersFromPassport', tourist: 'IVANOV IVAN', passport: 'IVANOV IVAN SERGEEVICH' },
    ]);
  });
});

describe('tourist and regular client', () => {
  it('copies the valid passport into the tourist', () => {
    expect(touristFromClient(client, { ticketNumber: 'T' })).toMatchObject({
      passportSeries: '75',
      passportNumber: '1234567',
      passportExpiry: '2030-01-01',
      ticketNumber: 'T',
    });
  });
  it('lists differences field by field and applies only the chosen ones', () => {
    const tourist = {
      ...touristFromClient(client, { ticketNumber: '' }),
      phone: '222',
      passportSeries: '76',
      passportNumber: '7654321',
      passportExpiry: '2035-01-01',
    };
    expect(touristClientDifferences(tourist, client).map((d) => d.field)).toEqual([
      'phone',
      'foreignPassport',
    ]);
    const onlyPhone = applyTouristToClient(client, tourist, ['phone']);
    expect(onlyPhone.phone).toBe('222');
    expect(onlyPhone.documents).toHaveLength(2);
    const withPassport = applyTouristToClient(client, tourist, ['foreignPassport']);
    expect(withPassport.phone).toBe('111');
    expect(withPassport.documents.map((d) => d.number)).toEqual(['1234567', '0000001', '7654321']);
    expect(touristClientDifferences(touristFromClient(client, { ticketNumber: 'X' }), client)).toEqual([]);
  });
});

describe('texts a spreadsheet would take for formulas', () => {
  it.each([
    ['=1+2', true],
    ['@SUM(A1)', true],
    ["-cmd|' /C calc'!A0", true],
    ['+7 916 123-45-67', true],
    ['-5 кг', true],
    ['\tx', true],
    ['Иванов', false],
    ['7 916 123-45-67', false],
    ['a=b', false],
    ['', false],
  ])('%s -> %s', (input, output) => {
    expect(startsLikeFormula(input)).toBe(output);
  });
});
