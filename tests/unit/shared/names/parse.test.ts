import { describe, expect, it } from 'vitest';
import { parsePassengerName } from '../../../../shared/names';

const parse = (text: string) => parsePassengerName(text, { currentYear: 2026 });

describe('parsePassengerName', () => {
  it.each([
    ['IVANOV/IVAN MR', [{ lastName: 'IVANOV', firstName: 'IVAN', title: 'MR', gender: 'M' }]],
    ['1.1IVANOV/IVAN MR', [{ lastName: 'IVANOV', firstName: 'IVAN', title: 'MR', gender: 'M' }]],
    ['N.IVANOV/IVAN MR', [{ lastName: 'IVANOV', firstName: 'IVAN', title: 'MR', gender: 'M' }]],
    [
      'NM2IVANOV/IVAN MR/MARIA MRS',
      [
        { lastName: 'IVANOV', firstName: 'IVAN', title: 'MR', gender: 'M' },
        { lastName: 'IVANOV', firstName: 'MARIA', title: 'MRS', gender: 'F' },
      ],
    ],
    [
      'IVANOVA/MARIA MRS(INF/ANNA/01JAN24)',
      [
        { lastName: 'IVANOVA', firstName: 'MARIA', title: 'MRS', gender: 'F' },
        { lastName: 'IVANOVA', firstName: 'ANNA', gender: 'F', paxType: 'INF', birthDate: '2024-01-01' },
      ],
    ],
    [
      'IVANOVA/MARIA MRS(INFPETROV/PAVEL/15MAR25)',
      [
        { lastName: 'IVANOVA', firstName: 'MARIA', title: 'MRS', gender: 'F' },
        { lastName: 'PETROV', firstName: 'PAVEL', gender: 'M', paxType: 'INF', birthDate: '2025-03-15' },
      ],
    ],
    [
      'PETROV/PAVEL MSTR(CHD/05MAR16)',
      [
        {
          lastName: 'PETROV',
          firstName: 'PAVEL',
          title: 'MSTR',
          gender: 'M',
          paxType: 'CHD',
          birthDate: '2016-03-05',
        },
      ],
    ],
    ['IVANOV IVAN', [{ lastName: 'IVANOV', firstName: 'IVAN', gender: 'M' }]],
    ['IVANOV IVAN MR', [{ lastName: 'IVANOV', firstName: 'IVAN', title: 'MR', gender: 'M' }]],
    ['Ivanov Ivan', [{ lastName: 'Ivanov', firstName: 'Ivan', gender: 'M' }]],
    [
      'Иванов Иван Иванович',
      [{ lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', gender: 'M' }],
    ],
    [
      'Петрова  Анна\u00a0Сергеевна ',
      [{ lastName: 'Петрова', firstName: 'Анна', middleName: 'Сергеевна', gender: 'F' }],
    ],
    [
      'RIMSKII-KORSAKOV/NIKOLAI MR',
      [{ lastName: 'RIMSKII-KORSAKOV', firstName: 'NIKOLAI', title: 'MR', gender: 'M' }],
    ],
    ["O'BRIEN/JOHN MR", [{ lastName: "O'BRIEN", firstName: 'JOHN', title: 'MR', gender: 'M' }]],
    [
      'MAMIN SIBIRIAK/DMITRII MR',
      [{ lastName: 'MAMIN SIBIRIAK', firstName: 'DMITRII', title: 'MR', gender: 'M' }],
    ],
    ['IVANOVA/MARIAMRS', [{ lastName: 'IVANOVA', firstName: 'MARIA', title: 'MRS', gender: 'F' }]],
    ['  ivanov / ivan  mr ', [{ lastName: 'IVANOV', firstName: 'IVAN', title: 'MR', gender: 'M' }]],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it('reads several passengers: several lines, PNR displays, several surname groups', () => {
    const names = (text: string) => parse(text).map((p) => `${p.lastName}/${p.firstName ?? ''}`);
    expect(names('IVANOV/IVAN MR\nPETROVA/ANNA MRS')).toEqual(['IVANOV/IVAN', 'PETROVA/ANNA']);
    expect(names(' 1.1IVANOV/IVAN MR  2.1IVANOVA/MARIA MRS')).toEqual(['IVANOV/IVAN', 'IVANOVA/MARIA']);
    expect(names('NM2SCHWARZ/MANFRED MR/SABINE MISS1BLACK/ANDREW MR')).toEqual([
      'SCHWARZ/MANFRED',
      'SCHWARZ/SABINE',
      'BLACK/ANDREW',
    ]);
  });

  it('gives an infant without a name only its surname and birth date', () => {
    expect(parse('BROWN/SIOBHAN MRS(INF//10SEP25)')[1]).toEqual({
      lastName: 'BROWN',
      paxType: 'INF',
      birthDate: '2025-09-10',
    });
  });

  it('leaves gender out when the name contradicts itself', () => {
    expect(parse('IVANOVA/IVAN')).toEqual([{ lastName: 'IVANOVA', firstName: 'IVAN' }]);
  });

  it('returns nothing for empty input', () => {
    expect(parse('   \n ')).toEqual([]);
  });
});
