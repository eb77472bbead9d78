import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/envelope';
import { cursorScope, decodeCursor, encodeCursor } from '../../../electron/backend/db/keyset';

const scope = cursorScope('clients.list', { search: 'ив', sort: 'name', direction: 'asc' });

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, reason: error.detail?.reason } : error;
  }
  throw new Error('not refused');
}

describe('list cursors', () => {
  it('round-trip strings in any script, numbers and nulls', () => {
    const values = ['ИВАНОВА ЮЛИЯ', null, 0, 1, 123456789, 'IVANOVA', '', 'ÉLODIE'];
    const cursor = encodeCursor(scope, values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, scope, values.length)).toEqual(values);
  });

  it('is opaque: no sort value is readable in the text', () => {
    expect(encodeCursor(scope, ['IVANOVA', 7])).not.toContain('IVANOVA');
  });

  it('has one scope per query whatever the paging fields, another for another filter or sort', () => {
    const base = { search: 'ив', sort: 'name', direction: 'asc' };
    expect(cursorScope('clients.list', { ...base, offset: 300, limit: 50, after: 'x', count: false })).toBe(
      scope,
    );
    expect(cursorScope('clients.list', { direction: 'asc', sort: 'name', search: 'ив' })).toBe(scope);
    for (const other of [
      { ...base, search: 'ива' },
      { ...base, sort: 'birthDate' },
      { ...base, direction: 'desc' },
      { ...base, citizenship: 'RUS' },
    ])
      expect(cursorScope('clients.list', other)).not.toBe(scope);
    expect(cursorScope('tours.list', base)).not.toBe(scope);
  });

  it('refuses a cursor of another query, another length, a damaged or hand-made one', () => {
    const stale = { code: 'BAD_INPUT', reason: 'cursorStale' };
    const cursor = encodeCursor(scope, ['A', 1]);
    const otherScope = cursorScope('clients.list', { sort: 'birthDate' });
    expect(refusal(() => decodeCursor(cursor, otherScope, 2))).toEqual(stale);
    expect(refusal(() => decodeCursor(cursor, scope, 3))).toEqual(stale);
    expect(refusal(() => decodeCursor('%%%', scope, 2))).toEqual(stale);
    expect(refusal(() => decodeCursor(cursor.slice(0, -3), scope, 2))).toEqual(stale);
    const handMade = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(refusal(() => decodeCursor(handMade([2, scope, ['A', 1]]), scope, 2))).toEqual(stale);
    expect(refusal(() => decodeCursor(handMade([1, scope, [{ a: 1 }, 1]]), scope, 2))).toEqual(stale);
    expect(refusal(() => decodeCursor(handMade([1, scope, 'A']), scope, 2))).toEqual(stale);
    expect(refusal(() => decodeCursor(handMade({}), scope, 2))).toEqual(stale);
  });
});
