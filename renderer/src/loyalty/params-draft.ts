import type { LoyaltyParams } from '../../../shared/loyalty';

/** The Loyalty screen's period and thresholds as typed (text), before Show. */
export interface ParamsDraft {
  asOf: string | null;
  /** False while the date box holds text that is no date. */
  asOfValid: boolean;
  windowMonths: string;
  periodKind: LoyaltyParams['periodKind'];
  periods: string;
  activityMonths: string;
  a: string;
  b: string;
  x: string;
  y: string;
  rfm: LoyaltyParams['rfm'];
  keyShare: string;
}

export type DraftField = Exclude<keyof ParamsDraft, 'asOfValid' | 'periodKind' | 'rfm'>;

/** An i18n key under loyalty.params.errors and its values. */
export interface DraftError {
  key: 'date' | 'whole' | 'number' | 'notBelow';
  values: Record<string, number | string>;
}

const pct = (share: number) => String(Math.round(share * 1000) / 10);

export function draftOf(params: LoyaltyParams): ParamsDraft {
  return {
    asOf: params.asOf,
    asOfValid: true,
    windowMonths: String(params.windowMonths),
    periodKind: params.periodKind,
    periods: String(params.periods),
    activityMonths: String(params.activityMonths),
    a: pct(params.abc.a),
    b: pct(params.abc.b),
    x: pct(params.xyz.x),
    y: pct(params.xyz.y),
    rfm: params.rfm,
    keyShare: pct(params.keyShare),
  };
}

/**
 * The parameters the draft asks for, or an error for every field that cannot be taken as typed:
 * nothing is silently replaced by the previous value or clamped into range.
 */
export function parseDraft(
  draft: ParamsDraft,
  params: LoyaltyParams,
): { params: LoyaltyParams } | { errors: Partial<Record<DraftField, DraftError>> } {
  const errors: Partial<Record<DraftField, DraftError>> = {};
  const whole = (field: DraftField, min: number, max: number): number => {
    const text = (draft[field] ?? '').trim();
    const n = Number(text);
    if (text === '' || !Number.isInteger(n) || n < min || n > max) {
      errors[field] = { key: 'whole', values: { min, max } };
    }
    return n;
  };
  const percent = (field: DraftField, max: number): number => {
    const text = (draft[field] ?? '').trim().replace(',', '.');
    const n = Number(text);
    if (text === '' || !Number.isFinite(n) || n < 0 || n > max) {
      errors[field] = { key: 'number', values: { min: 0, max } };
    }
    return n / 100;
  };
  if (!draft.asOfValid) errors.asOf = { key: 'date', values: {} };
  const next: LoyaltyParams = {
    ...params,
    asOf: draft.asOf,
    windowMonths: whole('windowMonths', 1, 240),
    periodKind: draft.periodKind,
    periods: whole('periods', 1, 36),
    activityMonths: whole('activityMonths', 1, 120),
    abc: { a: percent('a', 100), b: percent('b', 100) },
    xyz: { x: percent('x', 1000), y: percent('y', 1000) },
    rfm: draft.rfm,
    keyShare: percent('keyShare', 100),
  };
  // B ends where A ends at the earliest, Y where X ends: otherwise a class would be empty by mistake.
  if (!errors.a && !errors.b && next.abc.b < next.abc.a) {
    errors.b = { key: 'notBelow', values: { min: draft.a.trim() } };
  }
  if (!errors.x && !errors.y && next.xyz.y < next.xyz.x) {
    errors.y = { key: 'notBelow', values: { min: draft.x.trim() } };
  }
  return Object.keys(errors).length > 0 ? { errors } : { params: next };
}
