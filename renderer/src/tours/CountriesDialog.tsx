import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Country } from '../../../shared/domain/tour';
import { call } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toasts';

/** The per-country passport margin used by the passport-validity check. */
export function CountriesDialog({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [countries, setCountries] = useState<Country[]>([]);
  useEffect(() => {
    call('countries.list', {}).then(setCountries, (e: unknown) =>
      toast({ kind: 'error', message: describeError(t, e) }),
    );
  }, [t, toast]);
  const save = (country: Country, margin: number) => {
    if (!Number.isInteger(margin) || margin < 0 || margin > 24) return;
    call('countries.save', { ...country, passportMarginMonths: margin }).then(
      (saved) => {
        setCountries((list) => list.map((c) => (c.code === saved.code ? saved : c)));
        toast({
          kind: 'info',
          message: t('tours.countriesDialog.saved', {
            name: i18n.language === 'ru' ? saved.nameRu : saved.nameEn,
          }),
        });
        onChanged();
      },
      (e: unknown) => toast({ kind: 'error', message: describeError(t, e) }),
    );
  };
  return (
    <Dialog
      title={t('tours.countriesDialog.title')}
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          {t('tours.countriesDialog.close')}
        </button>
      }
    >
      <table className="table">
        <thead>
          <tr>
            <th>{t('tours.countriesDialog.code')}</th>
            <th>{t('tours.countriesDialog.name')}</th>
            <th>{t('tours.countriesDialog.margin')}</th>
          </tr>
        </thead>
        <tbody>
          {countries.map((c) => (
            <tr key={c.code}>
              <td className="mono">{c.code}</td>
              <td>{i18n.language === 'ru' ? c.nameRu : c.nameEn}</td>
              <td>
                <input
                  type="number"
                  min={0}
                  max={24}
                  className="narrow-input"
                  aria-label={`${c.code} ${t('tours.countriesDialog.margin')}`}
                  defaultValue={c.passportMarginMonths}
                  onBlur={(e) =>
                    Number(e.target.value) !== c.passportMarginMonths && save(c, Number(e.target.value))
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
