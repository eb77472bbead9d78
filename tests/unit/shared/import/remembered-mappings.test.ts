import { describe, expect, it } from 'vitest';
import {
  headerLayoutKey,
  parseRememberedMappings,
  rememberedFor,
  withRemembered,
} from '../../../../shared/import';

const layout = headerLayoutKey(['Турист', 'Имя по-русски', 'Д.р.']);

describe('remembered column mappings', () => {
  it('stores the hand mappings of one layout and keeps the other layouts', () => {
    const other = { 'фамилия|имя': [{ column: 1, field: 'firstNameRu' }] };
    const saved = withRemembered(other, layout, [
      { column: 1, field: 'firstNameRu' },
      { column: 2, field: null },
    ]);
    expect(saved).toEqual({
      ...other,
      [layout]: [
        { column: 1, field: 'firstNameRu' },
        { column: 2, field: null },
      ],
    });
    expect(rememberedFor(saved, layout, 3)).toEqual(saved[layout]);
    expect(withRemembered(saved, layout, [])).toEqual(other);
  });

  it('reads nothing from a value of another shape, and drops only the entries that are damaged', () => {
    expect(parseRememberedMappings(null)).toEqual({});
    expect(parseRememberedMappings('x')).toEqual({});
    const stored = {
      // The earlier format: every column's field, automatic ones included.
      old: ['lastNameRu', 'firstNameRu', null],
      unknownField: [{ column: 0, field: 'shoeSize' }],
      negative: [{ column: -1, field: 'email' }],
      [layout]: [{ column: 0, field: 'fullNameLat' }],
    };
    expect(parseRememberedMappings(stored)).toEqual({ [layout]: [{ column: 0, field: 'fullNameLat' }] });
    expect(rememberedFor(stored, 'old', 3)).toEqual([]);
  });

  it('leaves out columns the headers do not have', () => {
    const stored = {
      [layout]: [
        { column: 5, field: 'email' },
        { column: 0, field: 'fullNameLat' },
      ],
    };
    expect(rememberedFor(stored, layout, 3)).toEqual([{ column: 0, field: 'fullNameLat' }]);
  });
});
