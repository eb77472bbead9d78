import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyParams } from '../../../shared/loyalty';

interface ParamsBarProps {
  params: LoyaltyParams;
  onApply: (params: LoyaltyParams) => void;
}

const pct = (share: number) => String(Math.round(share * 1000) / 10);
const share = (text: string, fallback: number) => {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value / 100 : fallback;
};

/** The period and every threshold of the figures, applied together with Show. */
export function ParamsBar({ params, onApply }: ParamsBarProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    asOf: params.asOf ?? '',
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
  });
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const int = (text: string, min: number, max: number, fallback: number) => {
    const n = Number(text);
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  const apply = () =>
    onApply({
      ...params,
      asOf: /^\d{4}-\d{2}-\d{2}$/.test(draft.asOf) ? draft.asOf : null,
      windowMonths: int(draft.windowMonths, 1, 240, params.windowMonths),
      periodKind: draft.periodKind,
      periods: int(draft.periods, 1, 36, params.periods),
      activityMonths: int(draft.activityMonths, 1, 120, params.activityMonths),
      abc: { a: share(draft.a, params.abc.a), b: share(draft.b, params.abc.b) },
      xyz: { x: share(draft.x, params.xyz.x), y: share(draft.y, params.xyz.y) },
      rfm: draft.rfm,
      keyShare: share(draft.keyShare, params.keyShare),
    });
  const number = (key: keyof typeof draft, label: string, width = 4) => (
    <label className="loyalty-param">
      <span>{label}</span>
      <input size={width} inputMode="decimal" value={draft[key]} onChange={set(key)} />
    </label>
  );
  return (
    <form
      className="loyalty-params"
      aria-label={t('loyalty.params.legend')}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="loyalty-param">
        <span>{t('loyalty.params.asOf')}</span>
        <input type="date" value={draft.asOf} onChange={set('asOf')} />
      </label>
      {number('windowMonths', t('loyalty.params.windowMonths'))}
      <label className="loyalty-param">
        <span>{t('loyalty.params.periodKind')}</span>
        <select value={draft.periodKind} onChange={set('periodKind')}>
          {(['month', 'quarter', 'year'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`loyalty.params.periodKinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {number('periods', t('loyalty.params.periods'), 3)}
      {number('activityMonths', t('loyalty.params.activityMonths'), 3)}
      {number('a', t('loyalty.params.abcA'), 3)}
      {number('b', t('loyalty.params.abcB'), 3)}
      {number('x', t('loyalty.params.xyzX'), 3)}
      {number('y', t('loyalty.params.xyzY'), 3)}
      <label className="loyalty-param">
        <span>{t('loyalty.params.rfm')}</span>
        <select value={draft.rfm} onChange={set('rfm')}>
          {(['fixed', 'quintiles'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`loyalty.params.rfmMethods.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {number('keyShare', t('loyalty.params.keyShare'), 3)}
      <button type="submit" className="primary">
        {t('loyalty.params.apply')}
      </button>
    </form>
  );
}
