import { describe, expect, it } from 'vitest';
import { cleanName } from '../../../../shared/names';

describe('cleanName', () => {
  it.each([
    ['  Ив@нов2  ', 'Ивнов'],
    ['Ивaнов', 'Иванов'], // Latin "a"
    ['ПETPOB', 'ПЕТРОВ'], // Latin E, T, P, O, B
    ['Римский -- Корсаков', 'Римский-Корсаков'],
    ['Иванов   Иван\u00a0Иванович', 'Иванов Иван Иванович'],
    ['«Сидоров»,', 'Сидоров'],
    ['-Петров-', 'Петров'],
    ['д’Артаньян', "д'Артаньян"],
    ['Иванов Ivan', 'Иванов Ivan'],
  ])('cyrillic: %j -> %j', (input, expected) => {
    expect(cleanName(input, 'cyrillic')).toBe(expected);
  });

  it.each([
    ['ivanov', 'IVANOV'],
    ['IVАNOV', 'IVANOV'], // Cyrillic А
    ['Ivanov 1980', 'IVANOV'],
    ['O’Brien', "O'BRIEN"],
    ['Rimskii  -  Korsakov', 'RIMSKII-KORSAKOV'],
    ['Éléonore', 'ELEONORE'],
    ['IVANOV/IVAN MR.', 'IVANOVIVAN MR'],
    ['  \t ', ''],
  ])('latin: %j -> %j', (input, expected) => {
    expect(cleanName(input, 'latin')).toBe(expected);
  });
});
