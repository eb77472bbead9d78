import { describe, expect, it } from 'vitest';
import { addMonths, formatDate, isIsoDate, parseDate } from '../../../shared/domain/dates';

describe('dates as clerks type them', () => {
  it.each([
    ['31.12.1980', '1980-12-31'],
    ['1.2.2003', '2003-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['1980-12-31', '1980-12-31'],
    [' 05-06-2010 ', '2010-06-05'],
  ])('reads %s as %s', (typed, iso) => {
    expect(parseDate(typed, 'future', '2026-11-23')).toBe(iso);
  });

  it.each(['31.02.2020', '29.02.2023', '00.01.2000', '12.13.2000', '1.1.1800', 'вчера', '', '2020-02-30'])(
    'refuses %s',
    (typed) => {
      expect(parseDate(typed, 'future', '2026-11-23')).toBeNull();
    },
  );

  it('reads a two-digit birth year as the most recent past year', () => {
    expect(parseDate('14.05.85', 'past', '2026-11-23')).toBe('1985-05-14');
    expect(parseDate('14.05.19', 'past', '2026-11-23')).toBe('2019-05-14');
    expect(parseDate('14.05.30', 'future', '2026-11-23')).toBe('2030-05-14');
  });

  it('formats and validates ISO dates', () => {
    expect(formatDate('2024-02-29')).toBe('29.02.2024');
    expect(formatDate(null)).toBe('');
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('adds months, clamping to the last day of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-23', 6)).toBe('2027-05-23');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });
});

describe('money as clerks type it', async () => {
  const { parseMoney, formatMoney } = await import('../../../shared/domain/money');
  it('reads and writes minor units', () => {
    expect(parseMoney('250 000,50')).toBe(25_000_050);
    expect(parseMoney('1200.5')).toBe(120_050);
    expect(parseMoney('')).toBe(0);
    expect(parseMoney('12,345')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
    expect(formatMoney(25_000_050).replace(/\s/g, ' ')).toBe('250 000,50');
  });
});
