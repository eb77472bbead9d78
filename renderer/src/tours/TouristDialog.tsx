import { today as todayOf } from '../../../shared/domain/clock';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../shared/domain/client';
import type { ValidationIssue } from '../../../shared/domain/client-validation';
import {
  emptyTouristFields,
  touristFieldsSchema,
  type ClientSyncField,
  type Tour,
  type Tourist,
  type TouristFields,
} from '../../../shared/domain/tour';
import { touristWarnings } from '../../../shared/domain/tourist-checks';
import {
  touristClientDifferences,
  touristFromClient,
  type SyncDifference,
} from '../../../shared/domain/tourist-client';
import { normalizeTouristDocuments, validateTourist } from '../../../shared/domain/tourist-validation';
import { ApiCallError, call } from '../api/client';
import { splitRussianPassport } from '../../../shared/domain/passport';
import { ClientCard } from '../clients/ClientCard';
import { blankFillsFromCyrillic } from '../clients/name-proposals';
import { CountryPicker, useCountries } from '../ui/CountryPicker';
import { DateField } from '../ui/DateField';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { CardForm } from '../ui/CardForm';
import { GenderField } from '../ui/GenderField';
import { useInvalidFields } from '../ui/invalid-fields';
import { lengthIssues, maxLengthOf } from '../ui/limits';
import { TextField } from '../ui/TextField';
import { useUnsavedGuard } from '../ui/UnsavedGuard';
import { useToast } from '../ui/toasts';
import { touristName, warningText } from './format';
import { LookupDialog } from './LookupDialog';
import type { LookupPage } from './useLookupPages';
import { OverwriteDialog } from './OverwriteDialog';

type Form = TouristFields & { clientId: number | null; serviceIds: number[] };
type TextKey = Exclude<
  keyof TouristFields,
  'gender' | 'birthDate' | 'passportIssueDate' | 'passportExpiry' | 'citizenship'
>;
type DateField = 'birthDate' | 'passportIssueDate' | 'passportExpiry';

/** Fields labelled in the tourist's own text; the others share the client card's labels. */
const TOURIST_LABELS = new Set<TextKey>([
  'passportSeries',
  'passportNumber',
  'passportLastNameLat',
  'passportFirstNameLat',
  'internalSeries',
  'internalNumber',
  'ticketNumber',
]);

const CYRILLIC_NAMES = new Set<TextKey>(['lastNameRu', 'firstNameRu', 'middleNameRu']);

interface TouristDialogProps {
  tour: Tour;
  tourist: Tourist | null;
  marginMonths: number;
  onClose: () => void;
  onSaved: () => void;
}

function initialForm(tourist: Tourist | null, tour: Tour): Form {
  if (!tourist)
    return { ...emptyTouristFields(), clientId: null, serviceIds: tour.services.map((s) => s.id) };
  const { id: _id, tourId: _tourId, version: _version, ...fields } = tourist;
  return fields;
}

/** A tourist of a tour: found in the regular-client base by surname (R1), added to it (R2), synced back (R3). */
export function TouristDialog({ tour, tourist, marginMonths, onClose, onSaved }: TouristDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form, setForm] = useState<Form>(() => initialForm(tourist, tour));
  const [pristine, setPristine] = useState(() => JSON.stringify(form));
  const countries = useCountries();
  const dateChecks = useInvalidFields('dateInvalid');
  const countryChecks = useInvalidFields('countryUnknown');
  const [addToClients, setAddToClients] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [info, setInfo] = useState<string | null>(null);
  const [lookup, setLookup] = useState<{
    lastName: string;
    initial: LookupPage;
  } | null>(null);
  const [overwrite, setOverwrite] = useState<{ client: Client; differences: SyncDifference[] } | null>(null);
  const [clientCardOpen, setClientCardOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  // A tourist filled from a card keeps the card's data: proposals only follow a name the clerk typed.
  const [nameTyped, setNameTyped] = useState(false);
  const fail = (e: unknown) => toast({ kind: 'error', message: describeError(t, e) });

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const errorAt = (path: string) => {
    const issue = issues.find((i) => i.path === path);
    return issue ? t(`validation.${issue.code}`, issue.params) : undefined;
  };

  const fillFrom = (client: Client) => {
    setForm((f) => ({
      ...touristFromClient(client, { ticketNumber: f.ticketNumber }),
      clientId: client.id,
      serviceIds: f.serviceIds,
    }));
    setAddToClients(false);
    setNameTyped(false);
    setLookup(null);
    setInfo(t('tourist.filled'));
  };

  const runLookup = async () => {
    const lastName = (form.lastNameRu || form.lastNameLat).trim();
    if (lastName === '') return;
    try {
      const result = await call('clients.lookup', { lastName });
      if (result.total === 0) setInfo(t('tourist.notFound', { name: lastName }));
      else if (result.total === 1 && result.candidates[0]) fillFrom(result.candidates[0]);
      else setLookup({ lastName, initial: result });
    } catch (e) {
      fail(e);
    }
  };

  const persist = async (
    fields: TouristFields,
    updateClient: { clientVersion: number; fields: ClientSyncField[] } | null,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await call('tourists.save', {
        tourId: tour.id,
        tourist: {
          ...fields,
          clientId: form.clientId,
          serviceIds: form.serviceIds,
          ...(tourist ? { id: tourist.id, version: tourist.version } : {}),
        },
        addToClients: form.clientId === null && addToClients,
        updateClient,
      });
      toast({ kind: 'info', message: updateClient ? t('tourist.clientUpdated') : t('tourist.saved') });
      setForm((f) => ({ ...f, clientId: result.tourist.clientId }));
      setPristine(JSON.stringify(form));
      onSaved();
      return true;
    } catch (e) {
      // The input check names a field inside the request (tourist.lastNameRu); the form's fields are bare.
      if (e instanceof ApiCallError && e.error.issues)
        setIssues(e.error.issues.map((i) => ({ ...i, path: i.path.replace(/^tourist\./, '') })));
      fail(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Saves the tourist; false when refused or when the clerk is first asked what to copy to the client. */
  const save = async (): Promise<boolean> => {
    const { clientId: _c, serviceIds: _s, ...raw } = form;
    const fields = normalizeTouristDocuments(raw);
    const first: ValidationIssue[] = [
      ...dateChecks.issues,
      ...countryChecks.issues,
      ...lengthIssues(touristFieldsSchema(), raw),
    ];
    const found = [
      ...first,
      ...validateTourist(fields, todayOf()).filter((i) => !first.some((f) => f.path === i.path)),
    ];
    setIssues(found);
    if (found.length > 0) return false;
    if (form.clientId !== null) {
      try {
        const client = await call('clients.get', { id: form.clientId });
        const differences = touristClientDifferences(fields, client);
        if (differences.length > 0) {
          setOverwrite({ client, differences });
          return false;
        }
      } catch (e) {
        fail(e);
        return false;
      }
    }
    return persist(fields, null);
  };
  const dirty = useMemo(() => JSON.stringify(form) !== pristine, [form, pristine]);
  const { guard, prompt } = useUnsavedGuard({ dirty, save });
  const close = () => guard(onClose);

  /**
   * Leaving a Cyrillic name proposes the ICAO Latin and the sex, filling blanks only (as the card
   * does); not for a tourist linked to a card whose name the clerk left as the card has it, or Save
   * would ask to copy to the card a sex nobody typed.
   */
  const onCyrillicLeft = () =>
    setForm((f) => {
      if (f.clientId !== null && !nameTyped) return f;
      const patch = blankFillsFromCyrillic(f);
      return Object.keys(patch).length > 0 ? { ...f, ...patch } : f;
    });
  /** A Russian passport typed in one run (751234567) is shown split into series and number. */
  const splitPassport = () =>
    setForm((f) => {
      if ((f.citizenship || 'RUS') !== 'RUS' || f.passportSeries.trim() !== '') return f;
      const split = splitRussianPassport('foreign_passport', f.passportNumber);
      return split ? { ...f, passportSeries: split.series, passportNumber: split.number } : f;
    });

  const text = (
    field: TextKey,
    extra: { className?: string; onEnter?: () => void; onBlur?: () => void; hint?: ReactNode } = {},
  ) => (
    <TextField
      label={t(TOURIST_LABELS.has(field) ? `tourist.fields.${field}` : `card.fields.${field}`)}
      value={form[field]}
      onChange={(value) => {
        if (CYRILLIC_NAMES.has(field)) setNameTyped(true);
        set({ [field]: value });
      }}
      max={maxLengthOf(touristFieldsSchema(), field)}
      error={errorAt(field)}
      className={extra.className}
      hint={extra.hint}
      onBlur={extra.onBlur}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && extra.onEnter) {
          e.preventDefault();
          extra.onEnter();
        }
      }}
    />
  );
  const date = (field: DateField, label: string, kind: 'past' | 'future') => (
    <DateField
      label={label}
      value={form[field]}
      onChange={(iso) => set({ [field]: iso })}
      onValidity={dateChecks.report(field)}
      kind={kind}
      error={errorAt(field)}
    />
  );

  const warnings = touristWarnings(form, tour, marginMonths);
  const title = tourist ? t('tourist.editTitle', { name: touristName(tourist) }) : t('tourist.newTitle');

  return (
    <>
      <Dialog
        title={title}
        onClose={close}
        wide
        footer={
          <>
            {form.clientId === null ? (
              addToClients ? (
                <>
                  <span className="muted">{t('tourist.willAdd')}</span>
                  <button type="button" className="link-button" onClick={() => setAddToClients(false)}>
                    {t('tourist.cancelAdd')}
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => setAddToClients(true)}>
                  {t('tourist.addToClients')}
                </button>
              )
            ) : (
              <button type="button" onClick={() => setClientCardOpen(true)}>
                {t('tourist.editClient')}
              </button>
            )}
            <span className="spacer" />
            <button type="button" onClick={close}>
              {t('card.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              data-save-button
              disabled={busy}
              onClick={() => void save()}
            >
              {t('card.save')}
            </button>
          </>
        }
      >
        <CardForm id="tourist-form" onSave={() => void save()}>
          <p className="muted">{form.clientId !== null ? t('tourist.linked') : t('tourist.searchHint')}</p>
          {info && (
            <div className="banner banner-info" role="status">
              {info}
            </div>
          )}
          <h3>{t('tourist.sections.names')}</h3>
          <div className="form-row">
            {text('lastNameRu', {
              className: 'name',
              onEnter: () => void runLookup(),
              onBlur: onCyrillicLeft,
            })}
            {text('firstNameRu', { className: 'name', onBlur: onCyrillicLeft })}
            {text('middleNameRu', { className: 'name', onBlur: onCyrillicLeft })}
            <button type="button" className="align-end" onClick={() => void runLookup()}>
              {t('tourist.search')}
            </button>
          </div>
          <div className="form-row">
            {text('lastNameLat', { className: 'name', onEnter: () => void runLookup() })}
            {text('firstNameLat', { className: 'name' })}
            <GenderField value={form.gender} onChange={(gender) => set({ gender })} />
            {date('birthDate', t('card.fields.birthDate'), 'past')}
            <CountryPicker
              label={t('card.fields.citizenship')}
              value={form.citizenship}
              onChange={(citizenship) => set({ citizenship })}
              countries={countries}
              error={errorAt('citizenship')}
              onValidity={countryChecks.report('citizenship')}
            />
          </div>
          <h3>{t('tourist.sections.documents')}</h3>
          <div className="form-row">
            {text('passportSeries', { className: 'narrow' })}
            {text('passportNumber', { onBlur: splitPassport })}
            {date('passportIssueDate', t('tourist.fields.passportIssueDate'), 'past')}
            {date('passportExpiry', t('tourist.fields.passportExpiry'), 'future')}
            {text('passportLastNameLat', { className: 'name' })}
            {text('passportFirstNameLat', { className: 'name' })}
          </div>
          <div className="form-row">
            {text('internalSeries')}
            {text('internalNumber')}
          </div>
          {warnings.length > 0 && (
            <div className="banner banner-warning" data-testid="tourist-warnings">
              {warnings.map((w) => (
                <div key={w.code}>⚠ {warningText(t, w)}</div>
              ))}
            </div>
          )}
          <h3>{t('tourist.sections.trip')}</h3>
          <div className="form-row">
            {text('ticketNumber')}
            <fieldset className="services-choice">
              <legend>{t('tourist.fields.services')}</legend>
              {tour.services.map((s) => (
                <label key={s.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={form.serviceIds.includes(s.id)}
                    onChange={(e) =>
                      set({
                        serviceIds: e.target.checked
                          ? [...form.serviceIds, s.id]
                          : form.serviceIds.filter((id) => id !== s.id),
                      })
                    }
                  />
                  {s.description || t(`tours.services.kinds.${s.kind}`)}
                </label>
              ))}
            </fieldset>
          </div>
          <h3>{t('tourist.sections.contacts')}</h3>
          <div className="form-row">
            {text('phone')}
            {text('email')}
          </div>
        </CardForm>
        {prompt}
      </Dialog>
      {lookup && (
        <LookupDialog
          lastName={lookup.lastName}
          initial={lookup.initial}
          onPick={fillFrom}
          onClose={() => setLookup(null)}
        />
      )}
      {overwrite && (
        <OverwriteDialog
          differences={overwrite.differences}
          onCancel={() => setOverwrite(null)}
          onKeep={() => {
            setOverwrite(null);
            const { clientId: _c, serviceIds: _s, ...raw } = form;
            void persist(normalizeTouristDocuments(raw), null);
          }}
          onUpdate={(fields) => {
            const clientVersion = overwrite.client.version;
            setOverwrite(null);
            const { clientId: _c, serviceIds: _s, ...raw } = form;
            void persist(normalizeTouristDocuments(raw), { clientVersion, fields });
          }}
        />
      )}
      {clientCardOpen && form.clientId !== null && (
        <ClientCard
          clientId={form.clientId}
          onClose={() => setClientCardOpen(false)}
          onSaved={() => setClientCardOpen(false)}
          onDeleted={() => setClientCardOpen(false)}
          onForgotten={() => setClientCardOpen(false)}
        />
      )}
    </>
  );
}
