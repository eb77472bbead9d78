import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import { formatMoney, parseMoney } from '../../../shared/domain/money';
import {
  CURRENCIES,
  emptyTourInput,
  SERVICE_KINDS,
  serviceInputSchema,
  tourFieldsSchema,
  tourInputSchema,
  TOUR_STATUSES,
  type Country,
  type ServiceInput,
  type Tour,
  type TourInput,
} from '../../../shared/domain/tour';
import { validateTour } from '../../../shared/domain/tourist-validation';
import { ApiCallError, call } from '../api/client';
import { CardForm } from '../ui/CardForm';
import { DateField } from '../ui/DateField';
import { describeError } from '../ui/errors';
import { CountryPicker } from '../ui/CountryPicker';
import { Field } from '../ui/Field';
import { useInvalidFields } from '../ui/invalid-fields';
import { isSaveShortcut } from '../ui/keys';
import { lengthIssues, maxLengthOf } from '../ui/limits';
import { TextField } from '../ui/TextField';
import { useToast } from '../ui/toasts';
import { useUnsavedGuard } from '../ui/UnsavedGuard';
import { TouristsPanel } from './TouristsPanel';
import { ChangedElsewhere } from '../live/ChangedElsewhere';

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

/** The edited values as one comparable text: leaving with a different one asks first. */
function editedText(header: HeaderForm, services: readonly ServiceForm[]): string {
  return JSON.stringify([header, services.map(({ key: _key, ...rest }) => rest)]);
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
  const { t } = useTranslation();
  const toast = useToast();
  const [tour, setTour] = useState<Tour | null>(null);
  const [header, setHeader] = useState<HeaderForm>(toHeader(emptyTourInput()));
  const [services, setServices] = useState<ServiceForm[]>([]);
  const [countries, setCountries] = useState<Country[]>([]);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const dateChecks = useInvalidFields('dateInvalid');
  const countryChecks = useInvalidFields('countryUnknown');
  const [pristine, setPristine] = useState(() => editedText(toHeader(emptyTourInput()), []));

  const adopt = useCallback((loaded: Tour) => {
    const loadedServices = loaded.services.map(toServiceForm);
    setTour(loaded);
    setHeader(toHeader(loaded));
    setServices(loadedServices);
    setPristine(editedText(toHeader(loaded), loadedServices));
  }, []);
  const dirty = useMemo(() => editedText(header, services) !== pristine, [header, services, pristine]);

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

  /** Saves the tour; false when refused (the reasons are shown at their fields). */
  const save = async (): Promise<boolean> => {
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
    // A removed service's dates no longer count.
    const dateIssues = dateChecks.issues.filter(
      (i) => !i.path.startsWith('services.') || services.some((s) => i.path.startsWith(`services.${s.key}.`)),
    );
    const all = [
      ...dateIssues,
      ...countryChecks.issues,
      ...lengthIssues(tourInputSchema(), input),
      ...validateTour(input),
      ...moneyIssues,
    ];
    if (price === null) all.push({ path: 'price', code: 'dateInvalid' });
    if (cost === null) all.push({ path: 'cost', code: 'dateInvalid' });
    setIssues(all);
    if (all.length > 0) {
      toast({ kind: 'error', message: t('card.fixErrors', { count: all.length }) });
      return false;
    }
    setBusy(true);
    try {
      const saved = await call('tours.save', tour ? { ...input, id: tour.id, version: tour.version } : input);
      toast({ kind: 'info', message: t('tours.card.saved') });
      setPristine(editedText(header, services));
      if (!tour) onCreated(saved.id);
      else adopt(saved);
      return true;
    } catch (e) {
      if (e instanceof ApiCallError && e.error.issues) setIssues(e.error.issues);
      toast({ kind: 'error', message: describeError(t, e) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const { guard, prompt } = useUnsavedGuard({ dirty, save });
  const back = () => guard(onBack);

  const moneyError = (path: string) =>
    issues.some((i) => i.path === path) ? t('tours.card.moneyInvalid') : undefined;
  const set = (patch: Partial<HeaderForm>) => setHeader((h) => ({ ...h, ...patch }));
  const text = (field: 'voucher' | 'resort' | 'hotel' | 'notes', className?: string) => (
    <TextField
      label={t(`tours.card.fields.${field}`)}
      value={header[field]}
      onChange={(value) => set({ [field]: value })}
      max={maxLengthOf(tourFieldsSchema(), field)}
      error={errorAt(field)}
      className={className}
    />
  );
  const date = (field: 'arrivalDate' | 'departureDate') => (
    <DateField
      label={t(`tours.card.fields.${field}`)}
      value={header[field]}
      onChange={(iso) => set({ [field]: iso })}
      kind="future"
      onValidity={dateChecks.report(field)}
      error={errorAt(field)}
    />
  );
  const updateService = (index: number, patch: Partial<ServiceForm>) =>
    setServices((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const country = countries.find((c) => c.code === header.country);

  return (
    <section
      className="screen tour-card"
      aria-label={tour ? t('tours.card.title', { voucher: tour.voucher }) : t('tours.card.newTitle')}
      onKeyDown={(e) => {
        if (e.defaultPrevented) return;
        if (isSaveShortcut(e)) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape' && !document.querySelector('[role="dialog"]')) {
          e.preventDefault();
          back();
        }
      }}
    >
      {prompt}
      <div className="toolbar">
        <button type="button" onClick={back}>
          {t('tours.card.back')}
        </button>
        <h2 className="screen-title">
          {tour ? t('tours.card.title', { voucher: tour.voucher }) : t('tours.card.newTitle')}
        </h2>
        <span className="spacer" />
        <button type="button" onClick={onOpenClients}>
          {t('tours.tourists.clients')}
        </button>
        <button
          type="button"
          className="primary"
          data-save-button
          disabled={busy}
          onClick={() => void save()}
        >
          {t('tours.card.save')}
        </button>
      </div>
      <CardForm id="tour-form" className="panel" onSave={() => void save()}>
        <ChangedElsewhere
          entity="tour"
          id={tourId}
          onReload={() => {
            if (tourId !== null) void call('tours.get', { id: tourId }).then(adopt, () => undefined);
          }}
        />
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
          <CountryPicker
            label={t('tours.card.fields.country')}
            value={header.country}
            onChange={(code) => set({ country: code })}
            countries={countries}
            error={errorAt('country')}
            onValidity={countryChecks.report('country')}
          />
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
          {text('notes', 'grow')}
        </div>
      </CardForm>
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
            <TextField
              label={t('tours.services.description')}
              className="grow"
              value={s.description}
              onChange={(description) => updateService(i, { description })}
              max={maxLengthOf(serviceInputSchema(), 'description')}
              error={errorAt(`services.${i}.description`)}
            />
            <DateField
              label={t('tours.services.start')}
              value={s.startDate}
              onChange={(iso) => updateService(i, { startDate: iso })}
              kind="future"
              onValidity={dateChecks.report(`services.${s.key}.startDate`)}
              error={errorAt(`services.${i}.startDate`)}
            />
            <DateField
              label={t('tours.services.end')}
              value={s.endDate}
              onChange={(iso) => updateService(i, { endDate: iso })}
              kind="future"
              onValidity={dateChecks.report(`services.${s.key}.endDate`)}
              error={errorAt(`services.${i}.endDate`)}
            />
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
