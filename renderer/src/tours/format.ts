import type { TFunction } from 'i18next';
import type { TouristFields } from '../../../shared/domain/tour';
import type { TouristWarning } from '../../../shared/domain/tourist-checks';
import { formatDate } from '../../../shared/domain/dates';

export function touristName(
  t: Pick<TouristFields, 'lastNameRu' | 'firstNameRu' | 'middleNameRu' | 'lastNameLat' | 'firstNameLat'>,
): string {
  return (
    [t.lastNameRu, t.firstNameRu, t.middleNameRu].filter(Boolean).join(' ') ||
    [t.lastNameLat, t.firstNameLat].filter(Boolean).join(' ')
  );
}

export function warningText(t: TFunction, w: TouristWarning): string {
  switch (w.code) {
    case 'passportMissing':
      return t('tours.warnings.passportMissing');
    case 'passportExpiresTooSoon':
      return t('tours.warnings.passportExpiresTooSoon', {
        expiry: formatDate(w.expiry),
        requiredUntil: formatDate(w.requiredUntil),
        marginMonths: w.marginMonths,
      });
    case 'latinDiffersFromPassport':
      return t('tours.warnings.latinDiffersFromPassport', { tourist: w.tourist, passport: w.passport });
  }
}
