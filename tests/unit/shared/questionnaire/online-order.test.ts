import { describe, expect, it } from 'vitest';
import schengen2019 from '../../../../resources/questionnaires/schengen-2019.json';
import type { FormField } from '../../../../shared/questionnaire/model';
import { onlineOrder } from '../../../../shared/questionnaire/online-order';

/** The shipped 2019 form's fields as the worksheet gets them: only the key and number matter here. */
const fields = schengen2019.fields.map((f, i) => ({ ...f, position: i }) as unknown as FormField);
const keys = (list: readonly FormField[]) => list.map((f) => f.key);

describe('online worksheet order', () => {
  it('follows VIDEX for Germany: the EU family member section last, the rest in the form order', () => {
    const { fields: ordered, portal } = onlineOrder('DEU', fields);
    expect(portal).toBe('VIDEX');
    expect([...keys(ordered)].sort()).toEqual([...keys(fields)].sort());
    const family = keys(fields).filter((k) => k.startsWith('eu_family_'));
    expect(family.length).toBeGreaterThan(5);
    expect(keys(ordered).slice(-family.length)).toEqual(family);
    expect(keys(ordered).slice(0, -family.length)).toEqual(keys(fields).filter((k) => !family.includes(k)));
    // Field 17 sits between 16 and 19 on the form; on VIDEX it follows the costs and the filler.
    expect(keys(ordered).indexOf('eu_family_member')).toBeGreaterThan(keys(ordered).indexOf('home_address'));
  });

  it('keeps the form order, and says no portal order is known, where none is on record', () => {
    for (const country of ['FRA', 'BEL', 'CHE']) {
      const { fields: ordered, portal } = onlineOrder(country, fields);
      expect(portal).toBeNull();
      expect(keys(ordered)).toEqual(keys(fields));
    }
  });
});
