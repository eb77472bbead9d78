import { describe, expect, it } from 'vitest';
import { loyaltyParamsSchema } from '../../../shared/loyalty';
import { draftOf, parseDraft } from '../../../renderer/src/loyalty/params-draft';

const defaults = loyaltyParamsSchema.parse({});

describe('the Loyalty screen period and thresholds as typed', () => {
  it('round-trips the defaults and takes what was typed, comma decimals included', () => {
    expect(parseDraft(draftOf(defaults), defaults)).toEqual({ params: defaults });
    const typed = {
      ...draftOf(defaults),
      asOf: '2025-06-30',
      windowMonths: '24',
      a: '70,5',
      keyShare: '12.5',
    };
    const parsed = parseDraft(typed, defaults);
    expect(parsed).toEqual({
      params: {
        ...defaults,
        asOf: '2025-06-30',
        windowMonths: 24,
        abc: { a: 0.705, b: 0.95 },
        keyShare: 0.125,
      },
    });
  });

  it('names every field that cannot be taken, instead of keeping the old value', () => {
    const parsed = parseDraft(
      {
        ...draftOf(defaults),
        asOfValid: false,
        windowMonths: '0',
        periods: '2.5',
        activityMonths: '',
        keyShare: '101',
        x: 'abc',
      },
      defaults,
    );
    expect(parsed).toEqual({
      errors: {
        asOf: { key: 'date', values: {} },
        windowMonths: { key: 'whole', values: { min: 1, max: 240 } },
        periods: { key: 'whole', values: { min: 1, max: 36 } },
        activityMonths: { key: 'whole', values: { min: 1, max: 120 } },
        keyShare: { key: 'number', values: { min: 0, max: 100 } },
        x: { key: 'number', values: { min: 0, max: 1000 } },
      },
    });
  });

  it('refuses a B or Y threshold below the one before it', () => {
    expect(parseDraft({ ...draftOf(defaults), a: '90', b: '85', x: '30', y: '20' }, defaults)).toEqual({
      errors: {
        b: { key: 'notBelow', values: { min: '90' } },
        y: { key: 'notBelow', values: { min: '30' } },
      },
    });
  });
});
