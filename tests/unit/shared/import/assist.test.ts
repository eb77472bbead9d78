import { describe, expect, it } from 'vitest';
import { applyAssist } from '../../../../shared/import';

describe('import assist actions', () => {
  it('Latin to Russian and Russian to Latin fill only what is empty', () => {
    expect(applyAssist({ lastNameLat: 'SHCHUKINA', firstNameLat: 'IULIIA' }, 'latToRu')).toEqual({
      lastNameLat: 'SHCHUKINA',
      firstNameLat: 'IULIIA',
      lastNameRu: 'Щукина',
      firstNameRu: 'Юлия',
    });
    expect(applyAssist({ lastNameRu: 'Иванов', lastNameLat: 'IVANOFF' }, 'ruToLat')).toEqual({
      lastNameRu: 'Иванов',
      lastNameLat: 'IVANOFF',
    });
    expect(applyAssist({ lastNameRu: 'Иванов', firstNameRu: 'Пётр' }, 'ruToLat')).toMatchObject({
      lastNameLat: 'IVANOV',
      firstNameLat: 'PETR',
    });
  });

  it('splits a surname cell that holds a title or a first name', () => {
    expect(applyAssist({ lastNameLat: 'IVANOVA MRS' }, 'splitGender')).toEqual({
      lastNameLat: 'IVANOVA',
      gender: 'F',
    });
    expect(applyAssist({ lastNameLat: 'IVANOV IVAN' }, 'splitName')).toEqual({
      lastNameLat: 'IVANOV',
      firstNameLat: 'IVAN',
      gender: 'M',
    });
    expect(applyAssist({ lastNameRu: 'Петрова Анна Сергеевна' }, 'splitName')).toEqual({
      lastNameRu: 'Петрова',
      firstNameRu: 'Анна',
      middleNameRu: 'Сергеевна',
      gender: 'F',
    });
    expect(applyAssist({ lastNameLat: 'IVANOV' }, 'splitName')).toEqual({ lastNameLat: 'IVANOV' });
  });

  it('removes invalid characters', () => {
    expect(applyAssist({ lastNameRu: 'Ивaнов1', lastNameLat: 'ivanov.' }, 'clean')).toEqual({
      lastNameRu: 'Иванов',
      lastNameLat: 'IVANOV',
    });
  });
});
