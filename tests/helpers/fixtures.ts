import { emptyClientInput, emptyDocument, type ClientInput } from '../../shared/domain/client';

export function ivanov(overrides: Partial<ClientInput> = {}): ClientInput {
  return {
    ...emptyClientInput(),
    lastNameRu: 'Иванов',
    firstNameRu: 'Иван',
    middleNameRu: 'Петрович',
    lastNameLat: 'IVANOV',
    firstNameLat: 'IVAN',
    gender: 'M',
    birthDate: '1980-05-14',
    phone: '+7 916 123-45-67',
    documents: [
      {
        ...emptyDocument('foreign_passport'),
        series: '75',
        number: '1234567',
        issueDate: '2020-01-10',
        expiryDate: '2030-01-10',
        lastNameLat: 'IVANOV',
        firstNameLat: 'IVAN',
      },
      { ...emptyDocument('internal_passport'), series: '4506', number: '123456', issueDate: '2005-06-01' },
    ],
    ...overrides,
  };
}
