import type { TFunction } from 'i18next';
import type { TouristWarning } from '../../../shared/domain/tourist-checks';
import { formatDate } from '../../../shared/domain/dates';

/** A tourist's name as the lists show it: the same rule as a client's. */
export { displayName as touristName } from '../clients/format';

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
