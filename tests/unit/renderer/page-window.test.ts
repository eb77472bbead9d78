import { describe, expect, it } from 'vitest';
import { totalAfterPage } from '../../../renderer/src/clients/page-window';

describe('totalAfterPage', () => {
  const unknown = { value: null, exact: true };

  it('a first page with more behind it: at least a page more than the rows seen, not exact', () => {
    expect(totalAfterPage(unknown, 0, 100, 'cursor', 100)).toEqual({ value: 200, exact: false });
  });

  it('the end found: the rows seen are the exact total', () => {
    expect(totalAfterPage(unknown, 0, 37, null, 100)).toEqual({ value: 37, exact: true });
    expect(totalAfterPage({ value: 5_000, exact: false }, 3, 12, null, 100)).toEqual({
      value: 312,
      exact: true,
    });
  });

  it('an empty page past an estimate only says the end is before it', () => {
    expect(totalAfterPage({ value: 1_000, exact: false }, 7, 0, null, 100)).toEqual({
      value: 700,
      exact: false,
    });
  });

  it('a page inside a known total leaves it as it is', () => {
    const counted = { value: 20_000, exact: true };
    expect(totalAfterPage(counted, 3, 100, 'cursor', 100)).toBe(counted);
  });
});
