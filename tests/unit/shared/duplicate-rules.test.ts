import { describe, expect, it } from 'vitest';
import {
  findDuplicatePairs,
  withinEdits,
  withinOneEdit,
  type DuplicateSubject,
} from '../../../shared/domain/duplicate-rules';

const card = (id: number, over: Partial<DuplicateSubject>): DuplicateSubject => ({
  id,
  lastNameRu: '',
  firstNameRu: '',
  lastNameLat: '',
  firstNameLat: '',
  birthDate: null,
  phone: '',
  email: '',
  documents: [],
  ...over,
});

describe('duplicate rules', () => {
  it('tells one edit from two, in linear time, as the full distance does', () => {
    const cases: [string, string][] = [
      ['IVANOVA|MARIA', 'IVANOVA|MARIA'],
      ['IVANOVA|MARIA', 'IVANOA|MARIA'],
      ['IVANOVA|MARIA', 'IVANNOVA|MARIA'],
      ['IVANOVA|MARIA', 'IVANOVO|MARIA'],
      ['IVANOVA|MARIA', 'IVANOV|MARI'],
      ['IVANOVA|MARIA', 'PETROVA|MARIA'],
      ['AB', 'BA'],
      ['', 'A'],
    ];
    for (const [a, b] of cases) expect(withinOneEdit(a, b), `${a} ~ ${b}`).toBe(withinEdits(a, b, 1));
  });

  it('pairs a Latin-only card with its Cyrillic twin, and a typo with the same birth date, not namesakes born apart', () => {
    const pairs = findDuplicatePairs([
      card(1, { lastNameRu: 'Щукина', firstNameRu: 'Юлия', birthDate: '1990-02-03' }),
      card(2, { lastNameLat: 'SHCHUKINA', firstNameLat: 'YULIYA', birthDate: '1990-02-03' }),
      card(3, { lastNameRu: 'Щукина', firstNameRu: 'Юлия', birthDate: '1991-02-03' }),
      card(4, { lastNameRu: 'Щкина', firstNameRu: 'Юлия', birthDate: '1991-02-03' }),
    ]);
    expect(pairs.map((p) => [p.a, p.b, p.reasons])).toEqual([
      [1, 2, ['nameBirth']],
      [3, 4, ['nearNameBirth']],
    ]);
  });
});
