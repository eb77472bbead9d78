import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import { formatMoney, parseMoney } from '../../../shared/domain/money';
import {
  CURRENCIES,
  emptyTourInput,
  SERVICE_KINDS,
  TOUR_STATUSES,
  type Country,
  type ServiceInput,
  type Tour,
  type TourInput,
} from '../../../shared/domain/tour';
import { validateTour } from '../../../shared/domain/tourist-validation';
import { ApiCallError, call } from '../api/client';
import { DateInput } from '../ui/DateInput';
import { describeError } from '../ui/errors';
import { countryName } from '../ui/country-name';
import { Field } from '../ui/Field';
import { useToast } from '../ui/toasts';
import { TouristsPanel } from './TouristsPanel';

interface ServiceForm extends ServiceInput {
  key: string;
  price: string;
}

interface HeaderForm extends Omit<TourInput, 'services' | 'priceMinor' | 'costMinor'> {
  price: string;
  cost: string;
}

let nextKey = 1;
const toServiceForm = (s: ServiceInput): ServiceForm => ({
  ...s,
  key: `svc-${nextKey++}`,
  price: s.priceMinor ? formatMoney(s.priceMinor) : '',
});

function toHeader(tour: TourInput): HeaderForm {
  const { services: _services, priceMinor, costMinor, ...rest } = tour;
  return {
    ...rest,
    price: priceMinor ? formatMoney(priceMinor) : '',
    cost: costMinor ? formatMoney(costMinor) : '',
  };
}

interface TourCardProps {
  tourId: number | null;
  active: boolean;
  onCreated: (id: number) => void;
  onBack: () => void;
  onOpenClients: () => void;
}

/** A tour: its voucher, dates and hotel, its services, and its tourists. */
export function TourCard({ tourId, active, onCreated, onBack, onOpenClients }: TourCardProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [tour, setTour] = useState<Tour | null>(null);
  const [header, setHeader] = useState<HeaderForm>(toHeader(emptyTourInput()));
  const [services, setServices] = useState<ServiceForm[]>([]);
  const [countries, setCountries] = useState<Country[]>([]);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const adopt = useCallback((loaded: Tour) => {
    setTour(loaded);
    setHeader(toHeader(loaded));
    setServices(loaded.services.map(toServiceForm));
  }, []);

  useEffect(() => {
    call('countries.list', {}).then(setCountries, () => undefined);
    if (tourId !== null)
      call('tours.get', { id: tourId }).then(adopt, (e: unknown) =>
        toast({ kind: 'error', message: describeError(t, e) }),
      );
  }, [tourId, adopt, t, toast]);

  const errorAt = (path: string) => {
    const issue = issues.find((i) => i.path === path);
    return issue ? t(`validation.${issue.code}`, issue.params) : undefined;
  };

  const save = async () => {
    const price = parseMoney(header.price);
    const cost = parseMoney(header.cost);
    const moneyIssues: ValidationIssue[] = [];
    const serviceInputs: ServiceInput[] = services.map((s, i) => {
      const p = parseMoney(s.price);
      if (p === null) moneyIssues.push({ path: `services.${i}.price`, code: 'dateInvalid' });
      const { key: _key, price: _price, ...rest } = s;
      return { ...rest, priceMinor: p ?? 0 };
    });
    const { price: _p, cost: _c, ...fields } = header;
    const input: TourInput = {
      ...fields,
      priceMinor: price ?? 0,
      costMinor: cost ?? 0,
      services: serviceInputs,
    };
    const all = [...validateTour(input), ...moneyIssues];
    if (price === null) all.push({ path: 'price', code: 'dateInvalid' });
    if (cost === null) all.push({ path: 'cost', code: 'dateInvalid' });
    setIssues(all);
    if (all.length > 0) return;
    setBusy(true);
    try {
      const saved = await call('tours.save', tour ? { ...input, id: tour.id, version: tour.version } : input);
      toast({ kind: 'info', message: t('tours.card.saved') });
      if (!tour) onCreated(saved.id);
      else adopt(saved);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.issues) setIssues(e.error.issues);
      toast({ kind: 'error', message: describeError(t, e) });
    } finally {
      setBusy(false);
    }
  };

  const moneyError = (path: string) =>
    issues.some((i) => i.path === path) ? t('tours.card.moneyInvalid') : undefined;
  const set = (patch: Partial<HeaderForm>) => setHeader((h) => ({ ...h, ...patch }));
  const text = (field: 'voucher' | 'resort' | 'hotel', className?: string) => (
    <Field label={t(`tours.card.fields.${field}`)} error={errorAt(field)} className={className}>
      <input
        value={header[field]}
        maxLength={field === 'voucher' ? 40 : 200}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </Field>
  );
  const date = (field: 'arrivalDate' | 'departureDate') => (
    <Field label={t(`tours.card.fields.${field}`)} error={errorAt(field)} className="date">
      <DateInput
        value={header[field]}
        onChange={(iso) => set({ [field]: iso })}
        placeholder={t('card.datePlaceholder')}
      />
    </Field>
  );
  const updateService = (index: number, patch: Partial<ServiceForm>) =>
    setServices((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const country = countries.find((c) => c.code === header.country);

  return (
    <section
      className="screen tour-card"
      aria-label={tour ? t('tours.card.title', { voucher: tour.voucher }) : t('tours.card.newTitle')}
    >
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {t('tours.card.back')}
        </button>
        <h2 className="screen-title">
          {tour ? t('tours.card.title', { voucher: tour.voucher }) : t('tours.card.newTitle')}
        </h2>
        <span className="spacer" />
        <button type="button" onClick={onOpenClients}>
          {t('tours.tourists.clients')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('tours.card.save')}
        </button>
      </div>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form-row">
          {text('voucher')}
          <Field label={t('tours.card.fields.status')}>
            <select
              value={header.status}
              onChange={(e) => set({ status: e.target.value as HeaderForm['status'] })}
            >
              {TOUR_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`tours.statuses.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('tours.card.fields.country')}>
            <select value={header.country} onChange={(e) => set({ country: e.target.value })}>
              <option value="">—</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {countryName(c, i18n.language)}
                </option>
              ))}
            </select>
          </Field>
          {text('resort')}
          {text('hotel', 'grow')}
        </div>
        <div className="form-row">
          {date('arrivalDate')}
          {date('departureDate')}
          <Field label={t('tours.card.fields.price')} error={moneyError('price')}>
            <input
              value={header.price}
              inputMode="decimal"
              onChange={(e) => set({ price: e.target.value })}
            />
          </Field>
          <Field label={t('tours.card.fields.cost')} error={moneyError('cost')}>
            <input value={header.cost} inputMode="decimal" onChange={(e) => set({ cost: e.target.value })} />
          </Field>
          <Field label={t('tours.card.fields.currency')} className="narrow">
            <select
              value={header.currency}
              onChange={(e) => set({ currency: e.target.value as HeaderForm['currency'] })}
            >
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </Field>
          <Field label={t('tours.card.fields.notes')} className="grow">
            <input value={header.notes} maxLength={5000} onChange={(e) => set({ notes: e.target.value })} />
          </Field>
        </div>
        <button type="submit" hidden />
      </form>
      <div className="panel">
        <h3 className="section-title">{t('tours.services.title')}</h3>
        {services.length === 0 && <p className="muted">{t('tours.services.none')}</p>}
        {services.map((s, i) => (
          <div key={s.key} className="form-row service-row" data-testid={`service-${i}`}>
            <Field label={t('tours.services.kind')}>
              <select
                value={s.kind}
                onChange={(e) => updateService(i, { kind: e.target.value as ServiceInput['kind'] })}
              >
                {SERVICE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`tours.services.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('tours.services.description')} className="grow">
              <input
                value={s.description}
                maxLength={300}
                onChange={(e) => updateService(i, { description: e.target.value })}
              />
            </Field>
            <Field label={t('tours.services.start')} className="date">
              <DateInput
                value={s.startDate}
                onChange={(iso) => updateService(i, { startDate: iso })}
                placeholder={t('card.datePlaceholder')}
              />
            </Field>
            <Field label={t('tours.services.end')} className="date" error={errorAt(`services.${i}.endDate`)}>
              <DateInput
                value={s.endDate}
                onChange={(iso) => updateService(i, { endDate: iso })}
                placeholder={t('card.datePlaceholder')}
              />
            </Field>
            <Field label={t('tours.services.price')} error={moneyError(`services.${i}.price`)}>
              <input
                value={s.price}
                inputMode="decimal"
                onChange={(e) => updateService(i, { price: e.target.value })}
              />
            </Field>
            <button
              type="button"
              className="danger-link align-end"
              onClick={() => setServices((list) => list.filter((_, j) => j !== i))}
            >
              {t('tours.services.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            setServices((list) => [
              ...list,
              toServiceForm({
                kind: 'accommodation',
                description: header.hotel,
                startDate: header.arrivalDate,
                endDate: header.departureDate,
                priceMinor: 0,
              }),
            ])
          }
        >
          + {t('tours.services.add')}
        </button>
      </div>
      {tour ? (
        <TouristsPanel
          tour={tour}
          marginMonths={country?.passportMarginMonths ?? 6}
          active={active}
          onTourChanged={adopt}
        />
      ) : (
        <p className="muted panel">{t('tours.card.saveFirst')}</p>
      )}
    </section>
  );
}
