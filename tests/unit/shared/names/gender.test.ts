import { describe, expect, it } from 'vitest';
import { detectGender, explainGender } from '../../../../shared/names';

describe('detectGender', () => {
  it.each([
    [{ title: 'MR' }, 'M'],
    [{ title: 'mrs' }, 'F'],
    [{ title: 'MISS' }, 'F'],
    [{ title: 'MSTR' }, 'M'],
    [{ middleName: 'Иванович' }, 'M'],
    [{ middleName: 'Сергеевна' }, 'F'],
    [{ middleName: 'IVANOVNA' }, 'F'],
    [{ middleName: 'Мамед оглы' }, 'M'],
    [{ firstName: 'Юлия' }, 'F'],
    [{ firstName: 'IULIIA' }, 'F'],
    [{ firstName: 'YULIYA' }, 'F'],
    [{ firstName: 'Никита' }, 'M'],
    [{ firstName: 'NIKITA' }, 'M'],
    [{ firstName: 'Любовь' }, 'F'],
    [{ firstName: 'ILIA' }, 'M'],
    [{ firstName: 'Ilja' }, 'M'],
    [{ firstName: 'Jana' }, 'F'],
    [{ lastName: 'Иванова' }, 'F'],
    [{ lastName: 'IVANOVA' }, 'F'],
    [{ lastName: 'IVANOV' }, 'M'],
    [{ lastName: 'Чайковская' }, 'F'],
    [{ lastName: 'CHAIKOVSKII' }, 'M'],
    [{ lastName: 'CHAIKOVSKAYA' }, 'F'],
    [{ lastName: 'Толстой' }, 'M'],
    [{ lastName: 'Шевченко' }, undefined],
    [{ lastName: 'KOVALCHUK' }, undefined],
    [{ lastName: 'Черных' }, undefined],
    [{ lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' }, 'F'],
    [{ lastName: 'SHEVCHENKO', firstName: 'OLGA' }, 'F'],
    [{}, undefined],
  ] as const)('%j -> %s', (name, gender) => {
    expect(detectGender(name)).toBe(gender);
  });

  it('returns undefined on a conflict and explains it', () => {
    const name = { lastName: 'IVANOVA', firstName: 'IVAN', title: 'MR' };
    expect(detectGender(name)).toBeUndefined();
    const explanation = explainGender(name);
    expect(explanation.conflict).toBe(true);
    expect(explanation.evidence).toEqual([
      { source: 'title', value: 'MR', gender: 'M' },
      { source: 'firstName', value: 'IVAN', gender: 'M' },
      { source: 'lastName', value: 'IVANOVA', gender: 'F' },
    ]);
    expect(explanation.summary).toContain('conflict');
  });

  it('explains an agreeing name and an unknown one', () => {
    expect(explainGender({ firstName: 'Анна', lastName: 'Петрова' })).toMatchObject({
      gender: 'F',
      conflict: false,
    });
    expect(explainGender({ lastName: 'Ким' }).summary).toBe('nothing in the name tells the gender');
  });
});
