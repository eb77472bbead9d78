import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOUR_STATUSES, type Country, type TourStatus } from '../../../shared/domain/tour';
import { call } from '../api/client';
import { countryName } from '../ui/country-name';
import { DateInput } from '../ui/DateInput';
import { Field } from '../ui/Field';

export interface TourFilters {
  country: string;
  status: TourStatus | null;
  arrivalFrom: string | null;
  arrivalTo: string | null;
}

export const NO_TOUR_FILTERS: TourFilters = { country: '', status: null, arrivalFrom: null, arrivalTo: null };

/**
 * Country, status and arrival period of the tours list. A date that is no calendar date is said so at
 * its field and keeps the list as it was: a bound is never silently dropped.
 */
export function ToursListFilters({
  filters,
  onChange,
  onInvalid,
}: {
  filters: TourFilters;
  onChange: (filters: TourFilters) => void;
  onInvalid: (invalid: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [countries, setCountries] = useState<Country[]>([]);
  const [bad, setBad] = useState<{ from: boolean; to: boolean }>({ from: false, to: false });
  useEffect(() => {
    call('countries.list', {}).then(setCountries, () => setCountries([]));
  }, []);
  const validity = (which: 'from' | 'to') => (valid: boolean) =>
    setBad((old) => {
      const next = { ...old, [which]: !valid };
      onInvalid(next.from || next.to);
      return next;
    });
  const sorted = [...countries].sort((a, b) =>
    countryName(a, i18n.language).localeCompare(countryName(b, i18n.language), i18n.language),
  );
  return (
    <div className="toolbar tours-filters" role="search" aria-label={t('toursList.filters')}>
      <Field label={t('tours.columns.country')}>
        <select
          value={filters.country}
          onChange={(e) => onChange({ ...filters, country: e.target.value })}
          data-testid="tours-filter-country"
        >
          <option value="">{t('toursList.any')}</option>
          {sorted.map((c) => (
            <option key={c.code} value={c.code}>
              {countryName(c, i18n.language)} ({c.code})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('tours.columns.status')}>
        <select
          value={filters.status ?? ''}
          onChange={(e) =>
            onChange({ ...filters, status: e.target.value === '' ? null : (e.target.value as TourStatus) })
          }
          data-testid="tours-filter-status"
        >
          <option value="">{t('toursList.any')}</option>
          {TOUR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`tours.statuses.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('tours.filters.arrivalFrom')} error={bad.from ? t('toursList.badDate') : undefined}>
        <DateInput
          value={filters.arrivalFrom}
          onChange={(iso) => onChange({ ...filters, arrivalFrom: iso })}
          onValidity={validity('from')}
          placeholder={t('toursList.datePlaceholder')}
        />
      </Field>
      <Field label={t('tours.filters.arrivalTo')} error={bad.to ? t('toursList.badDate') : undefined}>
        <DateInput
          value={filters.arrivalTo}
          onChange={(iso) => onChange({ ...filters, arrivalTo: iso })}
          onValidity={validity('to')}
          placeholder={t('toursList.datePlaceholder')}
        />
      </Field>
    </div>
  );
}
