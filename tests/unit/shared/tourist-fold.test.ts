import { describe, expect, it } from 'vitest';
import { emptyTouristFields } from '../../../shared/domain/tour';
import { foldTourist } from '../../../shared/domain/tourist-fold';

describe('foldTourist', () => {
  it('keeps the kept row and takes only the groups it left empty, a passport whole', () => {
    const kept = {
      ...emptyTouristFields(),
      lastNameRu: 'Иванова',
      firstNameRu: 'Мария',
      passportSeries: '71',
      passportNumber: '1111111',
      passportExpiry: '2025-04-01',
    };
    const other = {
      ...emptyTouristFields(),
      lastNameRu: 'Иванова',
      firstNameRu: 'Маша',
      lastNameLat: 'IVANOVA',
      firstNameLat: 'MARIIA',
      passportSeries: '76',
      passportNumber: '2222222',
      passportIssueDate: '2024-02-01',
      passportExpiry: '2034-02-01',
      ticketNumber: 'TK-555',
    };
    const { fields, carried } = foldTourist(kept, other);
    expect(fields).toMatchObject({
      firstNameRu: 'Мария',
      lastNameLat: 'IVANOVA',
      firstNameLat: 'MARIIA',
      passportSeries: '71',
      passportNumber: '1111111',
      passportIssueDate: null,
      passportExpiry: '2025-04-01',
      ticketNumber: 'TK-555',
    });
    expect(carried).toEqual(['lastNameLat', 'ticketNumber']);
  });
});
